import { t } from '../../core/i18n/translate';
import type { Connection } from '../../core/outbox/outbox-item';
import { describeQueueReason, queueReason } from '../../core/outbox/queue-reason';
import { formatTime } from '../shared/format-time';

/** What "立即发送" did, from the connection the outbox found when asked: going, or why it cannot go now. */
export function sendNowMessage(connection: Connection): string {
  if (connection.state === 'online') return t('ui.outbox.send-now-started');
  // Worded as a queued submission's reason would be, so the button and the note agree.
  return t('ui.outbox.send-now-blocked', { reason: describeQueueReason(queueReason({ status: 'queued', attempt: 0 }, connection), formatTime) });
}
