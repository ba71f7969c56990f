import { describe, expect, it } from 'vitest';
import {
  batchCapNote,
  chooseBatch,
  HARDWARE_MIN_BYTES,
  planBatch,
  chooseRepeats,
  chooseSpans,
  chooseTfjsBatch,
  referenceSignals,
  SUITES,
  verifiedSignalIndices,
} from './suite';

const big = { maxStorageBufferBindingSize: 2 ** 30, maxBufferSize: 2 ** 30 };

describe('suite sizing', () => {
  it('reference signals hold the count in whole pairs, as few and long as the engine allows', () => {
    expect(referenceSignals(65536)).toEqual({ shape: [65536], batch: 1 });
    expect(referenceSignals(3 * 2 ** 21)).toEqual({ shape: [2 ** 20], batch: 6 });
    expect(referenceSignals(3 * 2 ** 16 + 2)).toEqual({ shape: [2], batch: 3 * 2 ** 15 + 1 });
    expect(referenceSignals(24)).toEqual({ shape: [8], batch: 3 });
    // Odd counts lose one value; a single one still makes a pair.
    expect(referenceSignals(7)).toEqual({ shape: [2], batch: 3 });
    expect(referenceSignals(1)).toEqual({ shape: [2], batch: 1 });
  });
  it('batch moves the target bytes (2·N·8 per signal), at least one signal', () => {
    expect(chooseBatch(1024, 4 * 2 ** 20, big)).toBe(256);
    expect(chooseBatch(2 ** 20, 4 * 2 ** 20, big)).toBe(1);
  });
  it('batch is bounded by the storage binding limit', () => {
    const small = { maxStorageBufferBindingSize: 2 ** 20, maxBufferSize: 2 ** 30 };
    expect(chooseBatch(1024, 2 ** 30, small)).toBe(2 ** 20 / (1024 * 8));
  });
  it('a hardware adapter moves at least 512 MiB per operation; a software one keeps the target', () => {
    const huge = { maxStorageBufferBindingSize: 2 ** 32, maxBufferSize: 2 ** 32 };
    expect(HARDWARE_MIN_BYTES).toBe(512 * 2 ** 20);
    // 2·N·8 bytes per signal: 2^20 points move 16 MiB, so 32 signals move 512 MiB.
    expect(chooseBatch(2 ** 20, 4 * 2 ** 20, huge, 'hardware')).toBe(32);
    expect(chooseBatch(2 ** 20, 4 * 2 ** 20, huge, 'software')).toBe(1);
    expect(chooseBatch(2 ** 20, 4 * 2 ** 20, huge)).toBe(1);
    expect(chooseBatch(1024, 4 * 2 ** 20, huge, 'hardware')).toBe(32 * 1024);
    // A suite target above the floor stays.
    expect(chooseBatch(1024, 2 ** 30, huge, 'hardware')).toBe(2 ** 16);
    expect(planBatch(1024, 4 * 2 ** 20, huge, 'hardware')).toEqual({
      batch: 32 * 1024,
      targetBytes: 512 * 2 ** 20,
      capped: false,
    });
  });
  it('a hardware batch is capped at one storage binding, and the case says so', () => {
    // 128 MiB binding: 128 MiB of input, 256 MiB moved per operation.
    const binding = { maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 30 };
    const plan = planBatch(1024, 4 * 2 ** 20, binding, 'hardware');
    expect(plan).toEqual({ batch: 2 ** 14, targetBytes: 512 * 2 ** 20, capped: true });
    expect(batchCapNote(plan, plan.batch, 1024)).toBe(
      'batch capped at one storage binding: 256 MiB per operation, not 512',
    );
    // Another batch (TensorFlow.js's smaller one) is not the capped plan: no note.
    expect(batchCapNote(plan, 16, 1024)).toBeUndefined();
    // maxBufferSize bounds as well.
    const buffer = { maxStorageBufferBindingSize: 2 ** 30, maxBufferSize: 2 ** 26 };
    expect(chooseBatch(1024, 4 * 2 ** 20, buffer, 'hardware')).toBe(2 ** 13);
    // The tiny suite on software: today's sizes, never capped.
    const soft = planBatch(1024, SUITES.tiny.targetBytes, binding, 'software');
    expect(soft).toMatchObject({ batch: 16, capped: false });
    expect(batchCapNote(soft, soft.batch, 1024)).toBeUndefined();
  });
  it('TensorFlow.js batch is capped by its O(N²) work', () => {
    expect(chooseTfjsBatch(1024, 256, 2 ** 24)).toBe(16);
    expect(chooseTfjsBatch(64, 8, 2 ** 24)).toBe(8);
    expect(chooseTfjsBatch(8192, 8, 2 ** 20)).toBe(1);
  });
  it('repeats fill the minimum span, within [1, max]', () => {
    expect(chooseRepeats(2, 50, 1000)).toBe(25);
    expect(chooseRepeats(200, 50, 1000)).toBe(1);
    expect(chooseRepeats(0, 50, 1000)).toBe(1000);
  });
  it('spans fit the case budget but never drop below 3 (or the suite’s own count)', () => {
    expect(chooseSpans(10, 7, 20_000)).toBe(7);
    expect(chooseSpans(5000, 7, 20_000)).toBe(4);
    expect(chooseSpans(60_000, 7, 20_000)).toBe(3);
    expect(chooseSpans(60_000, 2, 1_000)).toBe(2);
  });
  it('checks the first signals that fit and always the last', () => {
    expect(verifiedSignalIndices(100, 1024, 4096)).toEqual([0, 1, 2, 3, 99]);
    expect(verifiedSignalIndices(3, 16, 4096)).toEqual([0, 1, 2]);
    expect(verifiedSignalIndices(1, 2 ** 20, 4096)).toEqual([0]);
  });
  it('the quick suite is a subset of the full suite’s lengths', () => {
    for (const n of SUITES.quick.fft1d) expect(SUITES.full.fft1d).toContain(n);
    expect(SUITES.full.fft1d[0]).toBe(16);
    expect(SUITES.full.fft1d.at(-1)).toBe(2 ** 20);
    expect(SUITES.full.fft2d).toEqual([64, 128, 256, 512, 1024, 2048]);
  });
});
