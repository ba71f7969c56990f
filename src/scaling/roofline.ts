/**
 * The roofline: attainable FLOP/s at arithmetic intensity I (FLOP per byte moved) is
 * min(peak FLOP/s, I × bandwidth). Both ceilings are measured (the copy kernel, an FMA chain);
 * each operator is a point at its intensity from its own `work` and its measured time.
 */

export interface RooflineCeilings {
  /** Bytes per second the copy kernel moved (read + write). */
  readonly bandwidth: number;
  /** FLOP per second of the FMA-chain kernel. */
  readonly peakFlops: number;
}

export interface RooflinePoint {
  readonly op: string;
  /** What was run (shape, batch), in words. */
  readonly size: string;
  readonly flops: number;
  readonly bytes: number;
  readonly medianMs: number;
  /** FLOP per byte. */
  readonly intensity: number;
  /** FLOP per second attained. */
  readonly flopRate: number;
  /** Bytes per second attained. */
  readonly byteRate: number;
  /** min(peak, intensity × bandwidth) at this intensity. */
  readonly ceiling: number;
  /** Attained ÷ ceiling: 1 is on the roof. */
  readonly fraction: number;
  readonly boundBy: 'memory' | 'compute';
}

/** Intensity at which the two roofs meet: below it an operator is bandwidth-bound. */
export function ridgeIntensity(c: RooflineCeilings): number {
  return c.peakFlops / c.bandwidth;
}

export function attainable(c: RooflineCeilings, intensity: number): number {
  return Math.min(c.peakFlops, intensity * c.bandwidth);
}

export function rooflinePoint(
  op: string,
  size: string,
  work: { flops: number; bytes: number },
  medianMs: number,
  c: RooflineCeilings,
): RooflinePoint {
  if (!(work.bytes > 0)) throw new RangeError(`${op}: a roofline point needs bytes > 0`);
  if (!(medianMs > 0)) throw new RangeError(`${op}: a roofline point needs a time > 0`);
  const intensity = work.flops / work.bytes;
  const flopRate = work.flops / (medianMs / 1e3);
  const byteRate = work.bytes / (medianMs / 1e3);
  const ceiling = attainable(c, intensity);
  const boundBy = intensity < ridgeIntensity(c) ? 'memory' : 'compute';
  // A zero-FLOP operator (the copy) sits on the bandwidth roof: compare its bytes instead.
  const fraction = work.flops > 0 ? flopRate / ceiling : byteRate / c.bandwidth;
  return { op, size, ...work, medianMs, intensity, flopRate, byteRate, ceiling, fraction, boundBy };
}
