/**
 * The audio frame as the playground's workload: it replaces the generator and imported data
 * while set, a new frame runs while paused, and clearing it brings the previous workload back.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { DEFAULT_CONFIG } from '../io/config';
import type { AudioFrame } from '../audio/audio-frame';
import { createAppStore } from './store';
import { startTestLoop, until } from './testing/run-loop-harness';
import { createWorkloadSource } from './workload-source';

const SMALL = { ...DEFAULT_CONFIG, n: 64, batch: 4 };

function frame(key: string, n = 256): AudioFrame {
  const data = Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 8 * i) / n));
  return { key, sampleRate: 8000, frame: data, source: 'microphone' };
}

describe('audio workload', () => {
  it('an audio frame is a batch of one [N] signal, keyed by the frame, above imported data', () => {
    const source = createWorkloadSource();
    const imported = {
      name: 'x.csv',
      kind: 'csv' as const,
      shape: [8] as const,
      batch: 2,
      data: new Float32Array(16),
      notes: [],
    };
    const a = frame('mic:1');
    const w = source.get({ config: SMALL, imported, audio: a });
    expect(w).toMatchObject({ key: 'audio:mic:1', shape: [256], batch: 1, streaming: true });
    expect(w.data).toBe(a.frame);
    expect(source.get({ config: SMALL, imported, audio: a })).toBe(w);
    expect(source.get({ config: SMALL, imported, audio: frame('mic:2') }).key).toBe('audio:mic:2');
    // Cleared: the imported data is the workload again, then the generator.
    expect(source.get({ config: SMALL, imported, audio: null }).key).toMatch(/^import:.*x\.csv$/);
    expect(source.get({ config: SMALL, imported: null, audio: null }).shape).toEqual([64]);
  });

  it('while paused, each new audio frame computes one frame on it; clearing restores the generator', async () => {
    const store = createAppStore(SMALL);
    store.getState().setRunning(false);
    const loop = startTestLoop(store, createCpuEngine());
    await until(store, () => store.getState().idle && store.getState().frame !== null);
    expect(store.getState().frame?.batch).toBe(4);

    const a = frame('mic:1');
    store.getState().setAudio(a);
    await until(store, () => store.getState().frame?.seq === 2);
    expect(store.getState().frame).toMatchObject({ batch: 1, shape: [256] });
    expect(Array.from(store.getState().signal?.original ?? [])).toEqual(Array.from(a.frame));

    store.getState().setAudio(frame('mic:2'));
    await until(store, () => store.getState().frame?.seq === 3);
    store.getState().setAudio(null);
    await until(store, () => store.getState().frame?.seq === 4);
    await until(store, () => store.getState().idle);
    loop.stop();
    expect(store.getState().frame).toMatchObject({ batch: 4, shape: [64] });
  });
});
