import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CalendarEvent } from '../../core/calendar/calendar-events';
import { letterWarnings, type LetterWarnings } from '../../core/calendar/letter-warnings';
import type { SchedulerClock } from '../../core/calendar/reminder-scheduler';
import { deliveryState } from '../../core/drafts/delivery-state';
import { draftTitle } from '../../core/drafts/draft-title';
import type { ItemProgressRecord } from '../../core/progress/item-progress';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { desktop } from '../bridge/desktop';
import { readDeliveredLetter } from '../progress/delivered-letter';
import { letterCalendar } from '../progress/letter-calendar';
import type { DraftStore } from '../store/draft-store';
import type { ProgressStore } from '../store/progress-store';
import { BROWSER_CLOCK, createReminderService, type DeliveredRef, type FiredReminder, type ReminderService } from './reminder-service';
import { useWarningClock } from './use-now';

export interface LetterReminder extends DeliveredRef {
  readonly warnings: LetterWarnings;
}

export interface Reminders {
  /** Every delivered letter whose package could be read, with today's warnings. */
  readonly letters: readonly LetterReminder[];
  /** Delivered letters whose package could not be read: nothing can be said of their deadlines. */
  readonly failed: readonly { readonly name: string; readonly message: string }[];
  /** What the last reminder to fire said. */
  readonly fired: readonly FiredReminder[];
}

type ReadLetter = Awaited<ReturnType<typeof readDeliveredLetter>>;
type Judged = { readonly ref: DeliveredRef; readonly events: readonly CalendarEvent[]; readonly warnings: LetterWarnings };

/**
 * The reminders of every delivered letter: read at start from the outbox's packages and the
 * recorded progress, judged again when either changes or the day does, with one timer armed for
 * the next reminder of them all (reminder-service.ts). Re-armed after sleep and when the window is
 * shown again: a timer that slept with the machine may fire late or not at all.
 */
export function useReminders(drafts: DraftStore, progressStore: ProgressStore, snapshot: OutboxSnapshot | null, clock: SchedulerClock = BROWSER_CLOCK): Reminders {
  const listing = useLiveQuery(() => drafts.list(), [drafts]);
  const delivered = useMemo<readonly DeliveredRef[]>(
    () =>
      (listing?.drafts ?? []).flatMap((draft) => {
        const state = deliveryState(draft, snapshot);
        return state.kind === 'delivered' ? [{ draftId: draft.id, name: draftTitle(draft.summary), submissionId: state.submissionId }] : [];
      }),
    [listing, snapshot],
  );
  const idsKey = delivered.map((letter) => letter.submissionId).join(' ');

  // A delivered package never changes: each is read once.
  const [letters, setLetters] = useState<ReadonlyMap<string, ReadLetter>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const submissionId of idsKey.split(' ').filter(Boolean)) {
      if (asked.current.has(submissionId)) continue;
      asked.current.add(submissionId);
      void readDeliveredLetter(submissionId).then((read) => setLetters((previous) => new Map(previous).set(submissionId, read)));
    }
  }, [idsKey]);

  // Watches the progress tables: a status set on the 践诺 tab re-judges the warnings and re-arms the timer.
  const recorded = useLiveQuery(
    async () => new Map(await Promise.all(idsKey.split(' ').filter(Boolean).map(async (id) => [id, (await progressStore.read(id)).items] as const))),
    [progressStore, idsKey],
  );

  const dayClock = useWarningClock();
  const [fired, setFired] = useState<{ at: Date; lines: readonly FiredReminder[] } | null>(null);
  // A reminder fires at the moment a warning changes colour: judge from then, not from the last tick of the day clock.
  const today = fired && fired.at > dayClock ? fired.at : dayClock;
  const judged = useMemo(() => judge(delivered, letters, recorded, today), [delivered, letters, recorded, today]);

  const service = useRef<ReminderService | null>(null);
  useEffect(() => {
    const started = createReminderService({ clock, notify: (notification) => desktop.call('app.notify', notification), onFired: (lines, at) => setFired({ at, lines }) });
    service.current = started;
    const onVisible = () => {
      if (document.visibilityState === 'visible') started.resume();
    };
    document.addEventListener('visibilitychange', onVisible);
    const unsubscribe = desktop.on('app.resumed', () => started.resume());
    return () => {
      started.stop();
      service.current = null;
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe();
    };
  }, [clock]);
  useEffect(() => {
    // Only once the progress is read: arming without the statuses could remind of an item already kept.
    if (recorded !== undefined) service.current?.update(judged.ok);
  }, [judged, recorded, clock]);

  return { letters: judged.ok.map(({ ref, warnings }) => ({ ...ref, warnings })), failed: judged.failed, fired: fired?.lines ?? [] };
}

function judge(delivered: readonly DeliveredRef[], letters: ReadonlyMap<string, ReadLetter>, recorded: ReadonlyMap<string, readonly ItemProgressRecord[]> | undefined, today: Date) {
  const ok: Judged[] = [];
  const failed: { name: string; message: string }[] = [];
  for (const ref of delivered) {
    const read = letters.get(ref.submissionId);
    if (read === undefined || recorded === undefined) continue;
    if (read.state === 'failed') {
      failed.push({ name: ref.name, message: read.message });
      continue;
    }
    const events = letterCalendar(read.letter, recorded.get(ref.submissionId) ?? [], today);
    ok.push({ ref, events, warnings: letterWarnings(events, today) });
  }
  return { ok, failed };
}
