/**
 * Redraw budgets for the plots over time. They gain one point per frame (up to ten a second)
 * and recharts redraws a whole chart for each: redrawn a few times a second they look the same
 * and cost a fraction of the main thread, and a chart scrolled out of view is redrawn rarely
 * (not never, so it is current when it comes back and its first frame still draws).
 */
import { startTransition, useEffect, useState } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../app-context';

/** How often a plot over time redraws at most while on screen… */
export const HISTORY_REDRAW_MS = 400;
/** …and while scrolled out of view. */
export const HIDDEN_REDRAW_MS = 3000;

/** The clock `throttle` runs on: the page's, or a test's. */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const pageClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/**
 * When a changing value is shown: at most once per `ms`, always ending on the latest value
 * (`changed()` says it moved). The value `read` gives at the start is shown at once and does
 * not start the budget, so a plot off screen takes its first frame at once and mounts its
 * charts with the others, not alone a whole budget later (3 s after load: ~80 ms of recharts
 * in one task).
 */
export function throttle<T>(
  read: () => T,
  show: (value: T) => void,
  ms: number,
  clock: ThrottleClock = pageClock,
): { changed(): void; stop(): void } {
  let timer: unknown;
  let last = -Infinity;
  const initial = read();
  const update = (): void => {
    timer = undefined;
    const next = read();
    if (next !== initial) last = clock.now();
    show(next);
  };
  const changed = (): void => {
    timer ??= clock.setTimeout(update, Math.max(0, last + ms - clock.now()));
  };
  // Catch up with anything published between the render and the caller's subscription.
  changed();
  return {
    changed,
    stop: () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * A slice of the app state that follows the store at most once per `ms` (`throttle`). It
 * subscribes to the store itself, so the component does not render at all for the updates in
 * between (a selector hook would render it for each, then throw the work away).
 */
export function useThrottledState<T>(select: (state: AppState) => T, ms: number): T {
  const store = useAppStore();
  const [shown, setShown] = useState(() => select(store.getState()));
  useEffect(() => {
    const timing = throttle(
      () => select(store.getState()),
      // A transition: React renders the charts in slices of a few ms and yields in between,
      // so several redrawing together do not hold the main thread in one long task.
      (value) => startTransition(() => setShown(() => value)),
      ms,
    );
    const unsubscribe = store.subscribe((state, previous) => {
      if (!Object.is(select(state), select(previous))) timing.changed();
    });
    return () => {
      unsubscribe();
      timing.stop();
    };
  }, [store, select, ms]);
  return shown;
}

/**
 * A callback ref and whether its element is on screen (or within 100 px of it). True until
 * measured, and where IntersectionObserver is missing.
 */
export function useInView<T extends Element>(): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setVisible(entry.isIntersecting);
      },
      { rootMargin: '100px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, visible];
}
