/**
 * The GPU side of the resolvent's small results: the q tables it uploads (computed in float64
 * by resolvent-math) and the metrics derived from the per-signal sums it reads back, with the
 * same definitions the CPU reference uses.
 */
import { axisQ, coherenceOf, highKEnergyOf, type SpectralSums } from '../resolvent-math';
import type { KUnit, ResolventResult, Shape, Timing } from '../types';
import { signalLength } from '../validate';

export interface QTables {
  key: string;
  qy: Float32Array<ArrayBuffer>;
  qx: Float32Array<ArrayBuffer>;
}

/**
 * The live playground calls the resolvent every frame with the same shape, unit and scale, and
 * the plan uploads the tables only when they change: keep the last few so a frame does not
 * recompute O(n) float64 tables it will not upload.
 */
const recentTables = new Map<string, QTables>();
const RECENT_TABLES = 8;

export function qTables(shape: Shape, kUnit: KUnit, kScale: number): QTables {
  const key = `${shape.join('x')}/${kUnit}/${kScale}`;
  const hit = recentTables.get(key);
  if (hit) return hit;
  const [ny, nx] = shape.length === 1 ? [1, shape[0]] : shape;
  const tables: QTables = {
    key,
    // 1D has no y axis: q_y = [0].
    qy: Float32Array.from(shape.length === 1 ? [0] : axisQ(ny, kUnit, kScale)),
    qx: Float32Array.from(axisQ(nx, kUnit, kScale)),
  };
  if (recentTables.size >= RECENT_TABLES) recentTables.clear();
  recentTables.set(key, tables);
  return tables;
}

function sumsAt(sums: Float32Array, i: number): SpectralSums {
  return { energy: sums[4 * i] ?? 0, kept: sums[4 * i + 1] ?? 0, highK: sums[4 * i + 2] ?? 0 };
}

/** `sums`: vec4 per signal (Σ|X|², ΣR|X|², Σ(1−R)²|X|², 0), then one vec4 for the batch. */
export function resultFromSums(
  filtered: Float32Array,
  sums: Float32Array,
  o: { shape: Shape; batch: number; lambda: number },
  timing: Timing,
): ResolventResult {
  const n = signalLength(o.shape);
  const highKEnergy = new Float32Array(o.batch);
  const coherence = new Float32Array(o.batch);
  const energy = new Float32Array(o.batch);
  for (let b = 0; b < o.batch; b++) {
    const s = sumsAt(sums, b);
    highKEnergy[b] = highKEnergyOf(s, n);
    coherence[b] = coherenceOf(s);
    energy[b] = s.energy;
  }
  const total = sumsAt(sums, o.batch);
  const batchHighKEnergy = highKEnergyOf(total, n * o.batch);
  return {
    filtered,
    highKEnergy,
    coherence,
    energy,
    batchHighKEnergy,
    batchCoherence: coherenceOf(total),
    regularizer: o.lambda * batchHighKEnergy,
    timing,
  };
}
