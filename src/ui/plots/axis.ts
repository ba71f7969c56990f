/**
 * Axis ranges and tick labels the charts compute themselves instead of leaving to recharts'
 * "auto" (which pads a coherence of 1 out to 1.1, follows a spectrum down to float round-off at
 * −190 dB, and prints the same rounded label under neighbouring histogram bars). Pure.
 */

/** The dB axis spans this far below the strongest bin; lower values are drawn on the floor. */
export const DYNAMIC_RANGE_DB = 100;

/**
 * A range inside [0, 1] for a share (coherence, high-k fraction): the values plus a little
 * room, widened to whole steps of `step`, so it is never narrower than `step` and never leaves
 * [0, 1]. An empty series gets [0, 1].
 */
export function unitDomain(values: Iterable<number>, step = 0.1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi >= lo)) return [0, 1];
  const pad = step / 5;
  // toFixed trims the binary tails (0.30000000000000004) that would show in a tick label.
  const down = Number((Math.floor((lo - pad) / step) * step).toFixed(12));
  const up = Number((Math.ceil((hi + pad) / step) * step).toFixed(12));
  return [Math.max(0, Math.min(down, 1 - step)), Math.min(1, Math.max(up, step))];
}

/**
 * Evenly spaced ticks from lo to hi inclusive for a unitDomain range: `step` apart, or a half
 * or a fifth of it where that gives too few, so a one-step range still shows 3 to 6 labels.
 */
export function stepTicks(domain: readonly [number, number], step = 0.1): number[] {
  const span = domain[1] - domain[0];
  const every = [step, step / 2, step / 5].find((s) => span / s >= 2.5) ?? step / 5;
  const count = Math.round(span / every);
  const stride = Math.max(1, Math.ceil(count / 5));
  const out: number[] = [];
  for (let i = 0; i <= count; i += stride) out.push(Number((domain[0] + i * every).toFixed(12)));
  return out;
}

/**
 * The dB range of a spectrum whose strongest value is `peakDb`: from DYNAMIC_RANGE_DB below it,
 * rounded down to 10 dB, to 3 dB above it rounded up to 10 dB. A silent spectrum gets [−100, 0].
 */
export function dbDomain(peakDb: number): [number, number] {
  if (!Number.isFinite(peakDb)) return [-DYNAMIC_RANGE_DB, 0];
  // At least 3 dB of room above the peak, so its line does not run along the frame.
  const top = Math.ceil((peakDb + 3) / 10) * 10;
  const bottom = Math.floor((peakDb - DYNAMIC_RANGE_DB) / 10) * 10;
  // `+ 0` turns Math.ceil's −0 into 0, which a tick label would print as "-0".
  return [bottom + 0, top + 0];
}

/**
 * Decimal places that tell apart values `step` apart (bar centres of a histogram): one more
 * than the step's first significant digit needs, at most 12.
 */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 2;
  return Math.min(12, Math.max(0, Math.ceil(-Math.log10(step)) + 1));
}
