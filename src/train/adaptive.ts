/**
 * Adaptive worker count: a hill climb on measured examples per second. After each measuring
 * window it tries one more worker; it keeps a change that improved throughput by more than
 * `minGain`, reverts one that did not, and then tries the other direction once. Every decision
 * is returned with its figures so the run can log it.
 */
export interface AdaptiveOptions {
  min: number;
  max: number;
  /** Relative improvement needed to keep a change (0.05 = 5%). */
  minGain: number;
}

export interface WorkerDecision {
  from: number;
  to: number;
  /** Examples/s measured with `from` workers, and with the previous setting when comparing. */
  throughput: number;
  previous: number | null;
  reason: string;
}

export class AdaptiveWorkers {
  private best: { workers: number; throughput: number } | null = null;
  private direction: 1 | -1 = 1;
  private settled = false;

  private readonly start: number;

  constructor(
    private readonly o: AdaptiveOptions,
    private current: number,
  ) {
    this.start = current;
  }

  get workers(): number {
    return this.current;
  }

  /** Reports the throughput measured with the current count; returns the change to make, if any. */
  observe(throughput: number): WorkerDecision | null {
    const from = this.current;
    if (this.settled) return null;
    const best = this.best;
    if (!best || throughput > best.throughput * (1 + this.o.minGain)) {
      this.best = { workers: from, throughput };
      const why = best ? 'throughput improved' : 'first measurement';
      const up = this.move(from + this.direction, from, throughput, best?.throughput ?? null, why);
      if (up) return up;
      if (best) {
        this.settled = true; // improved, and no room to go further
        return null;
      }
      this.direction = -1; // at the maximum already: explore downwards
      return this.move(from - 1, from, throughput, null, why);
    }
    // No gain: if the best is still the starting count, try below it once; else settle on it.
    if (this.direction === 1 && best.workers === this.start) {
      this.direction = -1;
      const down = this.move(
        best.workers - 1,
        from,
        throughput,
        best.throughput,
        'no gain upwards',
      );
      if (down) return down;
    }
    this.settled = true;
    if (best.workers === from) return null;
    this.current = best.workers;
    return {
      from,
      to: best.workers,
      throughput,
      previous: best.throughput,
      reason: 'no gain; settled on the best count',
    };
  }

  private move(
    to: number,
    from: number,
    throughput: number,
    previous: number | null,
    why: string,
  ): WorkerDecision | null {
    if (to < this.o.min || to > this.o.max) return null;
    this.current = to;
    return { from, to, throughput, previous, reason: `${why}; trying ${to}` };
  }
}
