/**
 * Redraw budgets for the plots over time. They gain one point per frame (up to ten a second)
 * and recharts redraws a whole chart for each: redrawn a few times a second they look the same
 * and cost a fraction of the main thread, and a chart scrolled out of view is redrawn rarely
 * (not never, so it is current when it comes back and its first frame still draws).
 */
import { useEffect, useState } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../app-context';

/** How often a plot over time redraws at most while on screen… */
export const HISTORY_REDRAW_MS = 400;
/** …and while scrolled out of view. */
export const HIDDEN_REDRAW_MS = 3000;

/**
 * A slice of the app state that follows the store at most once per `ms`, always ending on the
 * latest value. It subscribes to the store itself, so the component does not render at all for
 * the updates in between (a selector hook would render it for each, then throw the work away).
 */
export function useThrottledState<T>(select: (state: AppState) => T, ms: number): T {
  const store = useAppStore();
  const [shown, setShown] = useState(() => select(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const update = (): void => {
      timer = undefined;
      last = performance.now();
      setShown(() => select(store.getState()));
    };
    const schedule = (): void => {
      timer ??= setTimeout(update, Math.max(0, last + ms - performance.now()));
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (!Object.is(select(state), select(previous))) schedule();
    });
    // Catch up with anything published between the render and this subscription.
    schedule();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
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
