/** The current time, re-read every second while `isTicking` (a retry countdown is on screen), else fixed. */
import { useEffect, useState } from 'react';

export function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const tick = () => setNow(Date.now());
    // The first tick at once: `now` may be stale from long before the countdown started.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [isTicking]);
  return now;
}
