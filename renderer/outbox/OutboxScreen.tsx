import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { Connection, OutboxSnapshot } from '../../core/outbox/outbox-item';
import { FileButton } from '../app/FileButton';
import { desktop } from '../bridge/desktop';
import { formatTime } from '../shared/format-time';
import { toBase64 } from '../shared/to-base64';
import { MAX_PACKAGE_BYTES } from '../../core/package/package-format';
import { formatSize } from '../../core/i18n/format-size';
import { OutboxItemView } from './OutboxItemView';
import { OutboxBatchGroup } from './OutboxBatchGroup';
import { groupByBatch } from '../../core/outbox/group-by-batch';
import { ConnectionSettingsForm } from './ConnectionSettingsForm';
import { errorText } from '../../core/errors/error-text';
import { BackBar } from '../app/BackBar';
import { KeyChangeBanner } from './KeyChangeBanner';
import { RecordsExportButton } from './RecordsExportButton';

/**
 * Everything on its way to the platform: the connection, the settings, hand-over by file, and
 * each submission with its progress, receipt or refusal: the submissions first, newest on top, as
 * they are what a clerk comes to see; the settings are set once.
 */
export function OutboxScreen({ snapshot, error, onBack }: { snapshot: OutboxSnapshot | null; error: string | null; onBack: () => void }) {
  const [messages, setMessages] = useState<string[]>([]);

  const importFiles = async (files: readonly File[]) => {
    const found: string[] = [];
    for (const file of files) {
      // Checked before reading: a huge file picked by mistake must not be read into memory.
      if (file.size > MAX_PACKAGE_BYTES) {
        found.push(t('ui.outbox.import-too-large', { name: file.name, size: formatSize(file.size), limit: formatSize(MAX_PACKAGE_BYTES) }));
        continue;
      }
      try {
        const added = await desktop.call('outbox.add', { origin: { kind: 'import', fileName: file.name.slice(0, 300) || 'package.zip' }, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
        if (!added.ok) found.push(t('ui.outbox.import-failed', { name: file.name, reason: added.message }));
        else found.push(t(added.duplicate ? 'ui.outbox.import-duplicate' : 'ui.outbox.imported', { name: file.name }));
      } catch (error) {
        found.push(t('ui.outbox.import-failed', { name: file.name, reason: errorText(error) }));
      }
    }
    setMessages(found);
  };

  // Newest on top; a batch's letters stay together, in the order they were queued.
  const rows = snapshot ? groupByBatch(snapshot.items).reverse() : [];
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <BackBar onBack={onBack} />
      <h2 id="outbox-title">{t('ui.outbox.title')}</h2>
      <p>{t('ui.outbox.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {snapshot?.keyChange && <KeyChangeBanner change={snapshot.keyChange} />}
      {snapshot && <ConnectionLine connection={snapshot.connection} />}
      {snapshot && rows.length === 0 && <p className="empty">{t('ui.outbox.empty')}</p>}
      <ul className="outbox-list" aria-label={t('ui.outbox.list')}>
        {snapshot &&
          rows.map((row) =>
            row.kind === 'single' ? (
              <OutboxItemView key={row.item.entry.package.submissionId} item={row.item} connection={snapshot.connection} />
            ) : (
              <OutboxBatchGroup key={`batch:${row.batch.id}`} batch={row.batch} items={row.items} tally={row.tally} connection={snapshot.connection} />
            ),
          )}
      </ul>
      {snapshot && <RecordsExportButton items={snapshot.items} />}
      <div className="outbox-import">
        <p>{t('ui.outbox.import-explain')}</p>
        <FileButton label={t('ui.outbox.import')} accept=".zip,application/zip" multiple onFiles={(files) => void importFiles(files)} />
        {messages.length > 0 && (
          // The live region wraps the list: a role on the <ul> itself would stop it being a list.
          <div role="status" data-testid="outbox-import-messages">
            <ul>
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <ConnectionSettingsForm />
    </section>
  );
}

function ConnectionLine({ connection }: { connection: Connection }) {
  const time = connection.checkedAt === undefined ? '' : formatTime(connection.checkedAt);
  return (
    <p className={`connection connection--${connection.state}`} data-testid="connection" data-state={connection.state}>
      {t(`ui.outbox.connection.${connection.state}`, { time })}
    </p>
  );
}
