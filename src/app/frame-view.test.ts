import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { frameMetrics, signalView } from './frame-view';
import { shownSignal } from './resident-resolvent';
import type { Workload } from './workload-source';

const shape = [8] as const;
const work: Workload = {
  key: 'test',
  shape,
  batch: 2,
  data: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 0, -1, 0, 1, 0, -1]),
};

async function resolvent(phi: number) {
  return createCpuEngine().resolvent(work.data, { shape, batch: 2, phi, real: true });
}

/** A frame's result as the live loop has it: only signal `index` filtered, every signal's sums. */
async function shown(phi: number, index: number) {
  return shownSignal(await resolvent(phi), index, 8);
}

describe('signalView', () => {
  it('copies out the chosen signal, original and the real part of the filtered one', async () => {
    const r = await resolvent(1);
    const view = signalView(work, shownSignal(r, 1, 8), 1, new Float32Array(8), null);
    expect(Array.from(view.original)).toEqual([0, 1, 0, -1, 0, 1, 0, -1]);
    for (let i = 0; i < 8; i++)
      expect(view.filtered[i]).toBeCloseTo(r.filtered[2 * (8 + i)] ?? NaN, 6);
    // The figures of every signal still come with the one signal's values.
    expect(Array.from(view.coherence)).toEqual(Array.from(r.coherence));
    expect(view.coherence).toHaveLength(2);
  });

  it('refuses a result that holds more than the shown signal, naming the sizes', async () => {
    const whole = await resolvent(1);
    expect(() => signalView(work, whole, 0, new Float32Array(8), null)).toThrow(
      'signalView: the result must hold the shown signal alone (16 values for shape [8]); got 32',
    );
  });

  it('returns the previous view when every number is the same, a new one otherwise', async () => {
    const mag = new Float32Array(8);
    const first = signalView(work, await shown(1, 0), 0, mag, null);
    expect(signalView(work, await shown(1, 0), 0, mag, first)).toBe(first);
    expect(signalView(work, await shown(2, 0), 0, mag, first)).not.toBe(first);
    expect(signalView(work, await shown(1, 1), 1, mag, first)).not.toBe(first);
  });
});

describe('frameMetrics', () => {
  it('counts two 5·N·log2 N FFTs and 32·N bytes per signal over the frame time', async () => {
    const r = {
      ...(await resolvent(1)),
      timing: { ms: 2, method: 'wall' as const, dispatches: 0, chunks: 1 },
    };
    const engine = createCpuEngine();
    const m = frameMetrics(3, { engine, epoch: 1, lost: null }, work, r);
    expect(m.signalsPerSecond).toBe(1000);
    expect(m.gflops).toBeCloseTo((2 * 2 * 5 * 8 * 3) / 0.002 / 1e9, 15);
    expect(m.gbps).toBeCloseTo((2 * 32 * 8) / 0.002 / 1e9, 15);
    expect(m.backend).toBe('cpu');
  });

  it('gives the batch energy Σ|X|² and the high-k share Σ(1 − R)²|X|² / Σ|X|²', async () => {
    const phi = 2;
    const r = await resolvent(phi);
    const m = frameMetrics(1, { engine: createCpuEngine(), epoch: 1, lost: null }, work, r);
    // Written out here as the oracle: a naive DFT of each signal, R = 1/(1 + φ(k/N)²).
    const n = 8;
    let energy = 0;
    let removed = 0;
    for (let b = 0; b < work.batch; b++) {
      for (let k = 0; k < n; k++) {
        let re = 0;
        let im = 0;
        for (let t = 0; t < n; t++) {
          const x = work.data[b * n + t] ?? 0;
          re += x * Math.cos((2 * Math.PI * k * t) / n);
          im -= x * Math.sin((2 * Math.PI * k * t) / n);
        }
        const f = k < n / 2 ? k / n : (k - n) / n;
        const oneMinusR = 1 - 1 / (1 + phi * f * f);
        energy += re * re + im * im;
        removed += oneMinusR * oneMinusR * (re * re + im * im);
      }
    }
    expect(m.batchEnergy).toBeCloseTo(energy, 9);
    expect(m.batchHighKFraction).toBeCloseTo(removed / energy, 12);
    expect(m.batchHighKFraction).toBeGreaterThan(0);
    expect(m.batchHighKFraction).toBeLessThan(1);
  });
});
