/**
 * Bounded histories for the live plots. Charts redraw every point on each update, so the
 * history is capped (a few hundred points) to keep each redraw cheap however long it runs.
 */

/** A new array with `item` appended and the oldest items dropped beyond `cap`. */
export function pushCapped<T>(items: readonly T[], item: T, cap: number): T[] {
  const start = Math.max(0, items.length + 1 - cap);
  const out = items.slice(start);
  out.push(item);
  return out;
}

/** Accumulates frames between two published history points. */
export class ThroughputWindow {
  private signals = 0;
  private flops = 0;
  private bytes = 0;
  private ms = 0;

  add(signals: number, flops: number, bytes: number, ms: number): void {
    this.signals += signals;
    this.flops += flops;
    this.bytes += bytes;
    this.ms += ms;
  }

  /** Rates over the accumulated frames, then starts a new window. Null if nothing was timed. */
  take(): { signalsPerSecond: number; gflops: number; gbps: number } | null {
    if (this.ms <= 0) return null;
    const s = this.ms / 1000;
    const rates = {
      signalsPerSecond: this.signals / s,
      gflops: this.flops / s / 1e9,
      gbps: this.bytes / s / 1e9,
    };
    this.signals = this.flops = this.bytes = this.ms = 0;
    return rates;
  }
}
