/**
 * Which samples of a long signal the time-domain chart shows, and the points it draws for them.
 * Pure: the zoom and pan controls, the default view and the decimation are unit-tested here.
 */

/** Most samples drawn one by one; wider views draw each group's minimum and maximum. */
export const TIME_WINDOW_MAX = 1024;

/** Narrowest view the zoom allows, in samples. */
export const MIN_SPAN = 16;

/** Samples [start, end) of the signal. */
export interface SampleWindow {
  start: number;
  end: number;
}

/** Index of the largest |x|, the first one on ties (0 for an empty signal). */
export function strongestSample(x: ArrayLike<number>): number {
  let peak = 0;
  let best = -1;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i] ?? 0);
    if (a > best) {
      best = a;
      peak = i;
    }
  }
  return peak;
}

/** The largest |x| (0 for an empty signal). */
export function amplitude(x: ArrayLike<number>): number {
  return Math.abs(x[strongestSample(x)] ?? 0);
}

/** A window of `span` samples with `centre` as near its middle as the signal's ends allow. */
export function centredWindow(centre: number, span: number, n: number): SampleWindow {
  const width = Math.max(1, Math.min(n, Math.round(span)));
  const start = Math.min(Math.max(0, Math.round(centre - width / 2)), n - width);
  return { start: Math.max(0, start), end: Math.max(0, start) + width };
}

/**
 * What the chart shows before anyone zooms: the whole signal when it fits TIME_WINDOW_MAX
 * samples, else that many samples centred on the strongest one. A spike (the impulse
 * generator puts its one sample anywhere) is therefore always in view.
 */
export function defaultWindow(original: ArrayLike<number>): SampleWindow {
  const n = original.length;
  if (n <= TIME_WINDOW_MAX) return { start: 0, end: n };
  return centredWindow(strongestSample(original), TIME_WINDOW_MAX, n);
}

/**
 * The default window for a new frame of the same signal: the previous one while it still shows
 * a sample at least half as strong as the strongest, so a live signal's view does not jump
 * with every frame; otherwise (no previous window, one past the end, or a signal short enough
 * to show whole) `defaultWindow`.
 */
export function followWindow(
  previous: SampleWindow | null,
  original: ArrayLike<number>,
): SampleWindow {
  const n = original.length;
  if (!previous || previous.end > n || n <= TIME_WINDOW_MAX) return defaultWindow(original);
  const half = amplitude(original) / 2;
  for (let i = previous.start; i < previous.end; i++) {
    if (Math.abs(original[i] ?? 0) >= half) return previous;
  }
  return defaultWindow(original);
}

/** Zoom about the window's centre: factor 2 shows twice as many samples. */
export function zoomWindow(w: SampleWindow, factor: number, n: number): SampleWindow {
  const span = Math.min(n, Math.max(MIN_SPAN, Math.round((w.end - w.start) * factor)));
  return centredWindow((w.start + w.end) / 2, span, n);
}

/** The window shifted by `delta` samples, stopping at the signal's ends. */
export function panWindow(w: SampleWindow, delta: number, n: number): SampleWindow {
  const span = w.end - w.start;
  const start = Math.min(Math.max(0, Math.round(w.start + delta)), Math.max(0, n - span));
  return { start, end: start + span };
}

export interface TimePoint {
  /** Sample index. */
  i: number;
  original: number;
  filtered: number;
}

/**
 * The points of a window: every sample up to TIME_WINDOW_MAX, else for each group of samples
 * its minimum and then its maximum (an envelope: a spike stays, nothing aliases).
 */
export function windowPoints(
  original: ArrayLike<number>,
  filtered: ArrayLike<number>,
  w: SampleWindow,
): TimePoint[] {
  const out: TimePoint[] = [];
  const span = w.end - w.start;
  if (span <= TIME_WINDOW_MAX) {
    for (let i = w.start; i < w.end; i++) {
      out.push({ i, original: original[i] ?? 0, filtered: filtered[i] ?? 0 });
    }
    return out;
  }
  const per = Math.ceil(span / (TIME_WINDOW_MAX / 2));
  for (let s = w.start; s < w.end; s += per) {
    const e = Math.min(w.end, s + per);
    let loO = Infinity;
    let hiO = -Infinity;
    let loF = Infinity;
    let hiF = -Infinity;
    for (let i = s; i < e; i++) {
      const o = original[i] ?? 0;
      const f = filtered[i] ?? 0;
      loO = Math.min(loO, o);
      hiO = Math.max(hiO, o);
      loF = Math.min(loF, f);
      hiF = Math.max(hiF, f);
    }
    out.push({ i: s, original: loO, filtered: loF });
    out.push({ i: Math.max(s, e - 1), original: hiO, filtered: hiF });
  }
  return out;
}

/**
 * A y range for the points: their extent padded by 5 %, and never narrower than `minSpan`
 * (centred on the data). Without that floor a flat stretch would be stretched until float
 * round-off (1e-8 of the signal) fills the chart.
 */
export function valueDomain(points: readonly TimePoint[], minSpan: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.original, p.filtered);
    hi = Math.max(hi, p.original, p.filtered);
  }
  if (!(hi >= lo)) return [-1, 1];
  const floor = minSpan > 0 ? minSpan : 1;
  if (hi - lo < floor) {
    const mid = (hi + lo) / 2;
    return [mid - floor / 2, mid + floor / 2];
  }
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** Smallest y span drawn: 0.1 % of the signal's amplitude (or of 1 for an all-zero signal). */
export function minValueSpan(signalAmplitude: number): number {
  return 1e-3 * (signalAmplitude > 0 ? signalAmplitude : 1);
}
