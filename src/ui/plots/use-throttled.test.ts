import { describe, expect, it } from 'vitest';
import { throttle, type ThrottleClock } from './use-throttled';

/** A clock that runs only when told: `advance(ms)` fires what falls due, in order. */
function manualClock(): ThrottleClock & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (id) => timers.delete(id as number),
    pending: () => timers.size,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at);
        const first = due[0];
        if (!first) break;
        timers.delete(first[0]);
        now = first[1].at;
        first[1].run();
      }
      now = end;
    },
  };
}

describe('throttle (the plots over time)', () => {
  it('shows the first change at once, then at most once per budget, ending on the latest', () => {
    const clock = manualClock();
    let value = 'empty';
    const shown: [number, string][] = [];
    const t = throttle(
      () => value,
      (v) => shown.push([clock.now(), v]),
      3000,
      clock,
    );
    clock.advance(0); // the catch-up shows the value it started with
    expect(shown).toEqual([[0, 'empty']]);
    clock.advance(700);
    value = 'frame 1';
    t.changed();
    clock.advance(0);
    // The first data comes at once: the catch-up did not start the 3 s budget.
    expect(shown.at(-1)).toEqual([700, 'frame 1']);
    for (const frame of [2, 3, 4]) {
      clock.advance(100);
      value = `frame ${frame}`;
      t.changed();
    }
    clock.advance(1000);
    expect(shown).toHaveLength(2); // frames 2–4 wait for the budget…
    clock.advance(2000);
    expect(shown.at(-1)).toEqual([3700, 'frame 4']); // …and then show the latest, once
    expect(shown).toHaveLength(3);
  });

  it('stop cancels what is pending', () => {
    const clock = manualClock();
    const shown: string[] = [];
    const t = throttle(
      () => 'x',
      (v) => shown.push(v),
      400,
      clock,
    );
    t.stop();
    clock.advance(1000);
    expect(shown).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
