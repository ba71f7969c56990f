import { describe, expect, it } from 'vitest';
import {
  FFT_WORKGROUP,
  fusedWorkgroupProgram,
  grid,
  launchOf,
  MAX_VALUES_PER_THREAD,
  threadValues,
  vec2ExchangeValues,
  valuesPerThread,
  planFft,
  stagePasses,
  workgroupCapacity,
  type FftPass,
} from './fft-plan';
import { readReduceGeometry, reduceLevels, resolventGeometry } from './reduce-plan';
import { chunkSignals } from './chunking';
import { GpuLimitError } from '../errors';

function firstPass(n: number, capacity = 4096): FftPass {
  const [pass] = planFft([n], capacity).passes;
  if (!pass) throw new Error('no pass');
  return pass;
}

describe('FFT pass planning', () => {
  it('capacity follows workgroup memory: 4 bytes a value (split exchanges), at most 8192', () => {
    expect(workgroupCapacity(8192)).toBe(2048);
    expect(workgroupCapacity(16384)).toBe(4096);
    expect(workgroupCapacity(32768)).toBe(8192);
    expect(workgroupCapacity(65536)).toBe(8192);
    // Half of it is exchanged as whole vec2f: 8 bytes a value, all of workgroup memory.
    expect(vec2ExchangeValues(workgroupCapacity(32768)) * 8).toBe(32768);
    expect(FFT_WORKGROUP * MAX_VALUES_PER_THREAD).toBe(8192);
  });

  it('over half the capacity: one transform of 8192 a workgroup, 2048-point columns four abreast', () => {
    const one = launchOf(firstPass(8192, 8192), 3, 8192);
    expect(one).toMatchObject({ perGroup: 1, transformFastest: false });
    expect(threadValues(8192, one.perGroup)).toBe(32);
    // 2D 2048×2048: the column pass (inElem 2048) would take 2 columns a workgroup in whole
    // vec2f at 16 values a thread, half a sector a warp row; it takes 4 at 32 values a thread.
    const columns = planFft([2048, 2048], 8192).passes[1] as FftPass;
    expect(columns).toMatchObject({ n: 2048, inElem: 2048 });
    const l = launchOf(columns, 1, 8192);
    expect(l).toMatchObject({ perGroup: 4, transformFastest: true });
    expect(threadValues(2048, l.perGroup)).toBe(32);
    // With 16 KiB (capacity 4096): 1024-point columns four abreast at 16 values a thread.
    const c1024 = planFft([1024, 1024], 4096).passes[1] as FftPass;
    expect(launchOf(c1024, 1, 4096).perGroup).toBe(4);
    // Rows gain nothing from more values a thread: 2048-point rows stay 2 a workgroup.
    expect(launchOf(planFft([2048, 2048], 8192).passes[0] as FftPass, 1, 8192).perGroup).toBe(2);
    // Fewer than 4 columns a signal stay in whole vec2f (staged through workgroup memory).
    const narrow = planFft([2048, 2], 8192).passes[1] as FftPass;
    expect(launchOf(narrow, 8, 8192).perGroup).toBe(2);
  });

  it('sizes that fit workgroup memory take one pass; larger ones two (four-step)', () => {
    expect(planFft([2048], 2048).passes).toHaveLength(1);
    const big = planFft([2 ** 20], 2048);
    expect(big.passes.map((p) => p.n)).toEqual([1024, 1024]);
    expect(big.passes[0]?.twiddleN).toBe(2 ** 20);
    const odd = planFft([2 ** 13], 4096);
    expect(odd.passes.map((p) => p.n)).toEqual([128, 64]);
    expect(() => planFft([2 ** 23], 2048)).toThrow(/≤ 4194304/);
  });

  it('2D: rows then strided columns, no transpose pass', () => {
    const p = planFft([64, 32], 2048);
    expect(p.passes.map((x) => [x.n, x.inner, x.inElem])).toEqual([
      [32, 64, 1],
      [64, 32, 32],
    ]);
  });

  it('launch geometry keeps every thread within 16 register values and packs small transforms', () => {
    for (const n of [2, 4, 8, 64, 1024, 4096]) {
      for (const signals of [1, 3, 1000]) {
        const l = launchOf(firstPass(n, 8192), signals, 8192);
        // Every transform of the group has its threads: n / valuesPerThread(n) each.
        expect((l.perGroup * n) / valuesPerThread(n)).toBeLessThanOrEqual(FFT_WORKGROUP);
        expect(threadValues(n, l.perGroup)).toBe(valuesPerThread(n));
        // Whole vec2f exchanges: no more than half the capacity.
        expect(l.perGroup * n).toBeLessThanOrEqual(4096);
        expect(l.perGroup * l.groups).toBeGreaterThanOrEqual(l.count);
        expect(l.perGroup * (l.groups - 1)).toBeLessThan(l.count);
      }
    }
    expect(launchOf(firstPass(16), 1, 4096).perGroup).toBe(1);
  });

  it('grid splits large dispatches within the per-dimension limit', () => {
    expect(grid(100, 65535)).toEqual([100, 1]);
    const [x, y] = grid(200000, 65535);
    expect(x).toBeLessThanOrEqual(65535);
    expect(x * y).toBeGreaterThanOrEqual(200000);
  });

  it('resolvent partial sums cover every bin exactly once', () => {
    for (const n of [2, 16, 256, 2048, 4096, 2 ** 20]) {
      const g = resolventGeometry(n);
      expect(g.binsPerThread * g.partials).toBe(n);
      expect(g.binsPerThread).toBeLessThanOrEqual(16);
    }
  });

  it('read-reduce partial sums cover every vec4 once and fit the resolvent’s partials buffer', () => {
    for (const n of [2, 32, 64, 4096, 2 ** 20]) {
      const g = readReduceGeometry(n);
      expect(g.itemsPerThread * g.partials).toBe(n / 2);
      expect(g.partials).toBeLessThanOrEqual(resolventGeometry(n).partials);
    }
  });

  it('flat reduction levels shrink by 16 down to one value', () => {
    expect(reduceLevels(1)).toEqual([]);
    expect(reduceLevels(16)).toEqual([1]);
    expect(reduceLevels(17)).toEqual([2, 1]);
    expect(reduceLevels(65536)).toEqual([4096, 256, 16, 1]);
  });

  it('stage radices multiply to n with the fewest passes', () => {
    const radices = (n: number) => stagePasses(n).map((s) => s.radix);
    expect(radices(2)).toEqual([2]);
    expect(radices(1024)).toEqual([16, 16, 4]);
    expect(radices(2 ** 20)).toEqual([16, 16, 16, 16, 16]);
    expect(radices(128)).toEqual([16, 8]);
    expect(stagePasses(128).every((s) => s.lanes === 1)).toBe(true);
  });

  it('subgroup lanes widen each pass to 16 × lanes values, so fewer passes', () => {
    const sizes = (n: number, lanes: number) =>
      stagePasses(n, lanes).map((s) => `${s.radix}x${s.lanes}`);
    expect(sizes(4096, 4)).toEqual(['16x4', '16x4']);
    expect(sizes(1024, 4)).toEqual(['16x4', '16x1']);
    expect(sizes(2 ** 20, 32)).toEqual(['16x32', '16x32', '4x1']);
    expect(sizes(128, 32)).toEqual(['16x8']);
    expect(sizes(8, 32)).toEqual(['8x1']);
    for (let log = 1; log <= 20; log++) {
      for (const lanes of [1, 2, 4, 8, 16, 32]) {
        const product = stagePasses(2 ** log, lanes).reduce((p, s) => p * s.radix * s.lanes, 1);
        expect(product).toBe(2 ** log);
      }
    }
  });
});

describe('chunking', () => {
  const limits = { maxStorageBufferBindingSize: 1 << 20, maxBufferSize: 1 << 30 };
  it('fits as many signals as the binding and the chunk budget allow', () => {
    expect(chunkSignals('FFT', limits, 1 << 30, [1024], 1000)).toBe(128);
    expect(chunkSignals('FFT', limits, 8192 * 4, [1024], 1000)).toBe(4);
    expect(chunkSignals('FFT', limits, 1 << 30, [1024], 3)).toBe(3);
    expect(chunkSignals('FFT', limits, 1, [1024], 3)).toBe(1);
  });
  it('a signal over the binding limit is a GpuLimitError naming the limit and the largest size', () => {
    expect(() => chunkSignals('resolvent', limits, 1 << 30, [1 << 18], 1)).toThrow(GpuLimitError);
    expect(() => chunkSignals('resolvent', limits, 1 << 30, [1 << 18], 1)).toThrow(
      /resolvent: .*maxStorageBufferBindingSize of 1048576 bytes; the largest allowed prod\(shape\) is 131072/,
    );
  });
});

describe('fused workgroup program', () => {
  it('1D within capacity: the whole pipeline is the one pass', () => {
    const { before, fused, after } = fusedWorkgroupProgram(planFft([1024], 2048));
    expect([before, after]).toEqual([[], []]);
    expect(fused).toMatchObject({ n: 1024, inner: 1, binInner: 0, binElem: 1 });
  });

  it('2D: rows, then columns forward-filter-inverse in place, then inverse rows', () => {
    const program = planFft([64, 32], 2048);
    const { before, fused, after } = fusedWorkgroupProgram(program);
    expect(before).toEqual([program.passes[0]]);
    expect(after).toEqual([program.passes[0]]);
    // Column x, row bin ky: the signal's bin x + ky·nx.
    expect(fused).toMatchObject({ n: 64, inner: 32, binInner: 1, binElem: 32, twiddleN: 0 });
    expect([fused.outInner, fused.outElem]).toEqual([fused.inInner, fused.inElem]);
  });

  it('four-step: the row pass writes where it read and undoes the column twiddle', () => {
    const program = planFft([8192], 2048);
    const [p0, p1] = program.passes as [FftPass, FftPass];
    const { before, fused, after } = fusedWorkgroupProgram(program);
    expect(before).toEqual([p0]);
    expect(fused).toMatchObject({ n: p1.n, twiddleN: 8192, binInner: 1, binElem: p0.n });
    expect([fused.outInner, fused.outElem]).toEqual([p1.inInner, p1.inElem]);
    // The inverse column pass reads and writes x's own layout, with no twiddle.
    expect(after).toEqual([{ ...p0, outInner: p0.inInner, outElem: p0.inElem, twiddleN: 0 }]);
  });
});
