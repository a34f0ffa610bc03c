import { useEffect, useState } from 'react';
import { addDays, atBeijingHour, beijingDay } from '../../core/calendar/calendar-day';
import { desktop } from '../bridge/desktop';

/** Past midnight by this much, so a timer that fires a little early still lands in the new day. */
const MIDNIGHT_MARGIN_MS = 1000;

/** How long until the next Beijing midnight, when a yellow warning may turn red. Always under a day: one setTimeout. */
export function untilNextBeijingDay(now: Date): number {
  return atBeijingHour(addDays(beijingDay(now), 1), 0).getTime() - now.getTime() + MIDNIGHT_MARGIN_MS;
}

/**
 * The time the warnings are judged at, moved on when the day changes in Beijing, when the window
 * is shown again and after the computer wakes from sleep: a mark painted yesterday is not left
 * on screen as today's.
 */
export function useWarningClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(timer);
      const moment = new Date();
      setNow(moment);
      timer = setTimeout(tick, untilNextBeijingDay(moment));
    };
    timer = setTimeout(tick, untilNextBeijingDay(new Date()));
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    const unsubscribe = desktop.on('app.resumed', tick);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe();
    };
  }, []);
  return now;
}
