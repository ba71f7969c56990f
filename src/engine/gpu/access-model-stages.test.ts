import { describe, expect, it } from 'vitest';
import { isIdeal, type AccessKind, type AccessRow } from './access-model-core';
import {
  fusedStageAccessReport,
  stageAccessReport,
  stageInput,
  stageKernelTally,
  stageLane,
  stageOutput,
  subgroupStageAccessReport,
  subgroupStageTally,
} from './access-model-stages';
import { swizzle } from './shared-swizzle';
import { hookCode } from './spectral-hooks';
import {
  laneReverse,
  STAGE_WORKGROUP,
  stageGeometry,
  stageShader,
  stageWorkgroupSize,
  subgroupExchange,
} from './stage-codegen';
import { fusedSpectralStages, transformStages, type StageDispatch } from './stage-schedule';
import type { Shape } from '../types';

const SIZES_1D = Array.from({ length: 20 }, (_, i) => 2 << i); // 2 … 2^20
const SHAPES_2D: Shape[] = [
  [64, 64],
  [16, 256],
  [256, 16],
  [2048, 2048],
  [2, 1024],
  [1024, 2],
  [2, 2],
  [16, 2],
];
const resolvent = hookCode({ kind: 'resolvent' });

function row(rows: readonly AccessRow[], stage: string, kind: AccessKind): AccessRow {
  const found = rows.find((r) => r.stage === stage && r.kind === kind);
  if (!found)
    throw new Error(
      `no ${kind} row for ${stage}: ${rows.map((r) => r.stage + ' ' + r.kind).join(', ')}`,
    );
  return found;
}

/** Every dispatch of the variant for a shape: forward, inverse, and the fused pipeline. */
function dispatches(shape: Shape): StageDispatch[] {
  const { before, after } = fusedSpectralStages(shape);
  return [...transformStages(shape, false), ...transformStages(shape, true), ...before, ...after];
}

describe('stage kernels, hand-checked', () => {
  it('n = 1024 stage 1 (ns = 1): loads j + 64·m, stores 16·j + a through workgroup memory', () => {
    const rows = stageAccessReport(1024);
    // Lane j loads j + 64·m: 32 consecutive values, 8 sectors (the ideal).
    expect(row(rows, 's1', 'global-read')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    // Storing 16·j + a straight to dst would stride 16 values: 32 sectors an instruction.
    // Instead lane j writes sh[slot(16·j + a)] (the swizzle XORs j into the low 4 bits: 16
    // lanes cover the 16 bank pairs, 2 wavefronts) and the workgroup stores sh[slot(64·a + lid)]
    // to dst[64·a + lid]: 32 consecutive values again.
    expect(row(rows, 's1', 'shared-write')).toMatchObject({ unitsPerValue: 1 / 16, worst: 2 });
    expect(row(rows, 's1', 'shared-read')).toMatchObject({ unitsPerValue: 1 / 16, worst: 2 });
    expect(row(rows, 's1', 'global-write')).toMatchObject({
      instructions: 16,
      unitsPerValue: 0.25,
      worst: 8,
    });
    // ns = 1: every twiddle is W^0 = 1, so the kernel reads none.
    expect(rows.filter((r) => r.stage === 's1' && r.kind === 'twiddle')).toEqual([]);
    // Stage 2 (ns = 16): output a of butterfly j at (j / 16)·256 + k + 16·a: runs of 16.
    expect(row(rows, 's2', 'global-write')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    expect(rows.some((r) => r.stage === 's2' && r.kind.startsWith('shared'))).toBe(false);
    expect(row(rows, 's2', 'twiddle')).toMatchObject({ worst: 1, unitsPerValue: 1 / 32 });
  });

  it('64×64 column stage 2 (radix 4, ns 16): neighbouring lanes take neighbouring columns', () => {
    // Transform-major, a warp held 2 columns × 16 butterflies: runs of 2 values (×2 ideal).
    // Column-fastest, lane w of butterfly j = 0 loads w + (0 + 16·m)·64: 32 consecutive values.
    const rows = stageAccessReport([64, 64]);
    expect(row(rows, 's4', 'global-read')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    expect(row(rows, 's4', 'global-write')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    // All 32 lanes have k = 0: one twiddle, broadcast.
    expect(row(rows, 's4', 'twiddle')).toMatchObject({ worst: 1, unitsPerValue: 1 / 32 });
  });

  it('n = 16: a butterfly per transform, so loads and stores both go through workgroup memory', () => {
    // Transform-major loads of lane t at 16·t + m: 32 sectors an instruction. The workgroup's
    // 64 transforms are the block 0 … 1023, loaded as 64·m + lid.
    const rows = stageAccessReport(16);
    expect(row(rows, 's1', 'global-read')).toMatchObject({ instructions: 16, worst: 8 });
    expect(row(rows, 's1', 'global-read').unitsPerValue).toBe(0.25);
    // 16 writes into sh for the load, 16 for the store; 16 reads from sh each way.
    expect(row(rows, 's1', 'shared-write')).toMatchObject({ instructions: 32, worst: 2 });
    expect(row(rows, 's1', 'shared-read')).toMatchObject({ instructions: 32, worst: 2 });
    // One signal: 16 values, lanes 0–15 of the first load and store, 4 sectors each.
    const one = stageAccessReport(16, { signals: 1 });
    expect(row(one, 's1', 'global-read')).toMatchObject({ instructions: 1, values: 16, worst: 4 });
    expect(row(one, 's1', 'global-write')).toMatchObject({ instructions: 1, values: 16 });
    // …but every lane still takes part in the exchange (no early return before a barrier).
    expect(row(one, 's1', 'shared-read').values).toBe(16 * 32 + 16);
  });

  it('1024×2 columns, stage 1: two columns give runs of 2, so the stores are exchanged', () => {
    const st = transformStages([1024, 2], false)[1] as StageDispatch;
    expect(stageGeometry(st)).toMatchObject({ vec: 2, exchangeIn: false, exchangeOut: true });
    const g = stageGeometry(st);
    // Lane 2·j + w stores output a at (16·j + a)·2 + w in the block: 32·j + 2·a + w.
    const lane = stageLane(g, 2 * 5 + 1, 2);
    expect(stageOutput(g, lane, 3)).toBe(32 * 5 + 2 * 3 + 1);
    const rows = fusedStageAccessReport([1024, 2]);
    expect(row(rows, 's2', 'shared-write')).toMatchObject({ worst: 2, unitsPerValue: 1 / 16 });
    expect(row(rows, 's2', 'global-write').unitsPerValue).toBe(0.25);
  });

  it("'filter-inverse' stores its inverse half at (j·R + a)·V through workgroup memory", () => {
    const rows = fusedStageAccessReport(4096);
    const fused = rows.filter((r) => r.detail.includes('filter-inverse'));
    expect(new Set(fused.map((r) => r.stage))).toEqual(new Set(['s3']));
    // Forward last stage (radix 16, ns 256): loads j + 256·m, contiguous.
    expect(row(rows, 's3', 'global-read').unitsPerValue).toBe(0.25);
    expect(row(rows, 's3', 'shared-write').worst).toBe(2);
    expect(row(rows, 's3', 'global-write')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    // The rest of the inverse: radix 16 at ns 16, then radix 16 at ns 256.
    expect(rows.filter((r) => r.kind === 'global-read').map((r) => r.detail)).toEqual([
      'radix 16, ns 1',
      'radix 16, ns 16',
      'radix 16, ns 256, filter-inverse',
      'radix 16, ns 16',
      'radix 16, ns 256',
    ]);
  });
});

describe('the model follows the kernels', () => {
  it('replays as many instructions as the generated WGSL has', () => {
    const count = (code: string, s: string): number => code.split(s).length - 1;
    const shapes: Shape[] = [...[2, 4, 8, 16, 32, 64, 1024].map((n): Shape => [n]), ...SHAPES_2D];
    for (const shape of shapes) {
      for (const st of dispatches(shape)) {
        const code = stageShader(st, st.role === 'fft' ? undefined : resolvent);
        const rows = stageKernelTally(st, 256, 0).rows('', '', '');
        const sum = (...kinds: AccessKind[]): number =>
          rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + r.instructions, 0);
        const what = `${shape.join('×')} ${st.role} radix ${st.radix} ns ${st.ns}`;
        expect(sum('global-read'), what).toBe(count(code, 'src['));
        expect(sum('global-write'), what).toBe(count(code, 'dst['));
        expect(sum('shared-read', 'shared-write'), what).toBe(count(code, 'sh['));
        expect(sum('twiddle'), what).toBe(count(code, 'tw['));
      }
    }
  });

  it('the lane order runs every butterfly of the dispatch once, at its Stockham positions', () => {
    // Independent of the kernel's order: butterfly j of transform t loads element j + m·n/R and
    // stores element (j / ns)·ns·R + k + a·ns of t, at (t / inner)·signalStride +
    // (t mod inner)·innerStride + e·elemStride (stage-schedule.ts `Axis`).
    const signals = 3;
    for (const shape of [[32], [256], [16, 8], [8, 16], [2, 64], [64, 2]] as Shape[]) {
      for (const st of dispatches(shape)) {
        const g = stageGeometry(st);
        const { n, inner, signalStride, innerStride, elemStride } = st.axis;
        const count = inner * signals;
        const at = (t: number, e: number): number =>
          Math.floor(t / inner) * signalStride + (t % inner) * innerStride + e * elemStride;
        const expected = new Set<string>();
        for (let t = 0; t < count; t++) {
          for (let j = 0; j < n / st.radix; j++) {
            const k = j % g.outNs;
            const ins = Array.from({ length: st.radix }, (_, m) => at(t, j + (m * n) / st.radix));
            const outs = Array.from({ length: st.radix }, (_, a) =>
              at(t, Math.floor(j / g.outNs) * g.outNs * st.radix + k + a * g.outNs),
            );
            expected.add(`${ins.join()} → ${outs.join()}`);
          }
        }
        const got = new Set<string>();
        for (let id = 0; id < count * g.perTransform; id++) {
          const l = stageLane(g, id, count);
          expect(l.live).toBe(true);
          // The forward twiddle index k is j mod ns (for 'filter-inverse', ns of its forward half).
          expect(l.k).toBe(l.j % st.ns);
          const ins = Array.from({ length: st.radix }, (_, m) => stageInput(g, l, m));
          const outs = Array.from({ length: st.radix }, (_, a) => stageOutput(g, l, a));
          got.add(`${ins.join()} → ${outs.join()}`);
        }
        expect(got, `${shape.join('×')} radix ${st.radix} ns ${st.ns} ${st.role}`).toEqual(
          expected,
        );
        expect(stageLane(g, count * g.perTransform, count).live).toBe(false);
      }
    }
  });

  it('an exchanging workgroup owns one block of 64·R values, each slot written once', () => {
    for (const shape of [[2], [16], [32], [1024], [1024, 2], [16, 2]] as Shape[]) {
      for (const st of dispatches(shape)) {
        const g = stageGeometry(st);
        if (!g.exchangeIn && !g.exchangeOut) continue;
        const block = STAGE_WORKGROUP * st.radix;
        for (const wg of [0, 1, 5]) {
          const lanes = Array.from({ length: STAGE_WORKGROUP }, (_, lid) =>
            stageLane(g, wg * STAGE_WORKGROUP + lid, 1 << 20),
          );
          const local = (f: (l: ReturnType<typeof stageLane>, r: number) => number) =>
            lanes.flatMap((l) => Array.from({ length: st.radix }, (_, r) => f(l, r) - wg * block));
          const ins = local((l, m) => stageInput(g, l, m));
          const outs = local((l, a) => stageOutput(g, l, a));
          const all = Array.from({ length: block }, (_, i) => i);
          // (Only the exchanged side is a block: n = 1024's inverse stage 1, radix 4, loads
          // j + 256·m for the workgroup's 64 butterflies j.)
          if (g.exchangeIn) expect([...ins].sort((x, y) => x - y)).toEqual(all);
          if (g.exchangeOut) expect([...outs].sort((x, y) => x - y)).toEqual(all);
          // The swizzle keeps the slots a permutation of the block.
          expect(new Set(all.map(swizzle)).size).toBe(block);
          expect(Math.max(...all.map(swizzle))).toBe(block - 1);
        }
      }
    }
  });

  it('refuses to replay a multi-lane stage as a one-lane one, and vice versa', () => {
    const st = transformStages([4096], false, 4)[0] as StageDispatch;
    expect(() => stageKernelTally(st, 1, 0)).toThrow(/one lane a butterfly; got 4/);
    const one = transformStages([4096], false)[0] as StageDispatch;
    expect(() => subgroupStageTally(one, 1, 0)).toThrow(/lanes > 1; got 1/);
  });
});

describe("the 'subgroups' kernels (lanes > 1)", () => {
  /** Every dispatch with lanes > 1 of a shape: forward, inverse, and the fused pipeline. */
  const multiLane = (shape: Shape, lanes: number): StageDispatch[] => {
    const { before, after } = fusedSpectralStages(shape, lanes);
    return [
      ...transformStages(shape, false, lanes),
      ...transformStages(shape, true, lanes),
      ...before,
      ...after,
    ].filter((d) => d.lanes > 1);
  };

  it('replays as many instructions as the generated WGSL has', () => {
    const count = (code: string, s: string): number => code.split(s).length - 1;
    let checked = 0;
    for (const lanes of [2, 4, 8, 16, 32]) {
      for (const shape of [[64], [4096], [64, 64], [1024, 2], [2, 1024]] as Shape[]) {
        for (const st of multiLane(shape, lanes)) {
          const rows = subgroupStageTally(st, 256, 0).rows('', '', '');
          const sum = (...kinds: AccessKind[]): number =>
            rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + r.instructions, 0);
          const code = stageShader(st, st.role === 'fft' ? undefined : resolvent);
          const what = `${shape.join('×')} ${st.role} radix ${st.radix}×${lanes} ns ${st.ns}`;
          expect(sum('global-read'), what).toBe(count(code, 'src['));
          expect(sum('global-write'), what).toBe(count(code, 'dst['));
          expect(sum('shared-read', 'shared-write'), what).toBe(count(code, 'sh['));
          expect(sum('twiddle'), what).toBe(count(code, 'tw['));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('each lane reads the entry its butterfly input was loaded to, and stores likewise', () => {
    // Replays the exchanges of workgroups 0, 1 and 7 (blk and the runs' start move with the
    // workgroup) and checks lane l of butterfly (transform t, j) gets input j + r·n/P of t for
    // r = l + S·m, and that output a + R·bitrev(l) lands at its Stockham position.
    const wrong: string[] = [];
    let checked = 0;
    for (const lanes of [2, 4, 32]) {
      for (const shape of [[64], [4096], [64, 64], [1024, 2], [2, 1024]] as Shape[]) {
        for (const st of multiLane(shape, lanes)) {
          const g = stageGeometry(st);
          const x = subgroupExchange(st);
          const { n, radix: R, ns, vec: V } = g;
          const S = lanes;
          const P = R * S;
          const W = stageWorkgroupSize(S);
          const B = W / S;
          const perGroup = (n / P) * V;
          const what = `${shape.join('×')} radix ${R}×${S} ns ${ns} ${st.role}`;
          for (const wg of [0, 1, 7]) {
            const bf0 = wg * B;
            if (bf0 >= 64 * (n / P) * st.axis.inner) continue; // past 64 signals
            const g0 = Math.floor(bf0 / perGroup) * n * V;
            const q0 = bf0 % perGroup;
            const blk = wg * W * R;
            // The workgroup side, as the WGSL's loops compute it: entry e holds position at(e).
            const loaded = (e: number): number =>
              x.runsIn ? g0 + q0 + (e % B) + Math.floor(e / B) * perGroup : blk + e;
            const outBase = g0 + Math.floor(q0 / (ns * V)) * ns * V * P + (q0 % (ns * V));
            const stored = (e: number): number =>
              x.runsOut ? outBase + (e % B) + Math.floor(e / B) * ns * V : blk + e;
            checked++;
            for (let lid = 0; lid < W; lid++) {
              const b = Math.floor(lid / S);
              const l = lid % S;
              const bf = bf0 + b;
              const q = bf % perGroup;
              const j = Math.floor(q / V);
              const base = Math.floor(bf / perGroup) * n * V + (q % V);
              for (let m = 0; m < R; m++) {
                const r = l + S * m;
                const want = base + (j + (r * n) / P) * V;
                const entry = x.runsIn ? r * B + b : want - blk;
                if (loaded(entry) !== want) wrong.push(`${what}: lane ${lid} input ${r}`);
                const a = m + R * laneReverse(l, S);
                const out = base + (Math.floor(j / ns) * ns * P + (j % ns) + a * ns) * V;
                const outEntry = x.runsOut ? a * B + b : out - blk;
                if (outEntry >= W * R || stored(outEntry) !== out) {
                  wrong.push(`${what}: lane ${lid} output ${a}`);
                }
              }
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 30_000);

  it('n = 1024 with 2 lanes, stage 1: the stride-32 stores go out through workgroup memory', () => {
    // Radix 32 (16 × 2 lanes), ns = 1: output a of butterfly j at 32·j + a, so straight stores
    // would stride 32 values (32 sectors an instruction). The workgroup's 32 butterflies own
    // outputs 0 … 1023 of transform 0 and store them 64 neighbouring values an instruction.
    const rows = subgroupStageAccessReport(1024, 2);
    expect(row(rows, 's1', 'global-write')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    expect(row(rows, 's1', 'global-read')).toMatchObject({ unitsPerValue: 0.25, worst: 8 });
    expect(row(rows, 's1', 'shared-write').worst).toBe(2);
    expect(row(rows, 's1', 'shared-read').worst).toBe(2);
    expect(rows.filter((r) => !isIdeal(r))).toEqual([]);
  });

  it('the check has teeth: the old transform-major lanes stored at stride R·lanes', () => {
    // 4096 with 4 lanes, stage 1 (radix 64, ns 1) of the old kernel: lane l of butterfly j
    // stored a + 16·bitrev(l) at 64·j + …: 8 butterflies a warp, 32 sectors for 32 values.
    const old = Array.from({ length: 32 }, (_, id) => 64 * Math.floor(id / 4) + 16 * (id % 4));
    expect(new Set(old.map((e) => Math.floor(e / 4))).size).toBe(32);
    const rows = subgroupStageAccessReport(4096, 4);
    expect(row(rows, 's1', 'global-write').worst).toBe(8);
  });
});

describe("issue 10 goal for the 'subgroups' variant", () => {
  it('every global access, exchange and twiddle read of every kernel is ideal, in every warp', () => {
    // Lanes 2–32, every N 2 … 2^20 and the 2D shapes, forward, inverse and fused, batch 256 and
    // 1. (With 32 lanes a 64-invocation workgroup would hold 2 butterflies, runs of 2 values:
    // half a sector. `stageWorkgroupSize` gives it 128; the next test shows the difference.)
    const shapes: Shape[] = [...SIZES_1D.map((n): Shape => [n]), ...SHAPES_2D];
    const missed: string[] = [];
    let rows = 0;
    for (const lanes of [2, 4, 8, 16, 32]) {
      for (const shape of shapes) {
        const { before, after } = fusedSpectralStages(shape, lanes);
        const all = [
          ...transformStages(shape, false, lanes),
          ...transformStages(shape, true, lanes),
          ...before,
          ...after,
        ].filter((d) => d.lanes > 1);
        for (const st of all) {
          const x = subgroupExchange(st);
          for (const signals of [256, 1]) {
            // Every warp of the workgroup: 2, or 4 for 32 lanes (128 invocations).
            for (let warp = 0; warp < x.workgroup / 32; warp++) {
              for (const r of subgroupStageTally(st, signals, warp).rows('', '', '')) {
                rows++;
                if (isIdeal(r)) continue;
                missed.push(
                  `${shape.join('×')} ${st.inverse ? 'inverse ' : ''}${st.role} radix ${st.radix}×${lanes} ns ${st.ns} ${r.kind} (${signals} signals, warp ${warp})`,
                );
              }
            }
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(3000);
    expect(missed).toEqual([]);
  }, 30_000);

  it('the check has teeth: 32 lanes in 64 invocations would load runs of 2', () => {
    // 4096 with 32 lanes, stage 1 (radix 512, ns 1): butterfly j loads j + 8·r. Two butterflies
    // a workgroup take 2 neighbouring values of each run: 16 sectors for 32 values. Four (128
    // invocations) take 4: 8 sectors.
    const runs = (butterflies: number): number[] =>
      Array.from({ length: 32 }, (_, e) => (e % butterflies) + Math.floor(e / butterflies) * 8);
    expect(new Set(runs(2).map((e) => Math.floor(e / 4))).size).toBe(16);
    expect(new Set(runs(4).map((e) => Math.floor(e / 4))).size).toBe(8);
    const st = transformStages([4096], false, 32)[0] as StageDispatch;
    expect(st).toMatchObject({ radix: 16, lanes: 32, ns: 1 });
    expect(subgroupExchange(st)).toMatchObject({ workgroup: 128, butterflies: 4, runsIn: true });
    expect(subgroupStageTally(st, 256, 3).rows('', '', '')).toContainEqual(
      expect.objectContaining({ kind: 'global-read', unitsPerValue: 0.25, worst: 8 }),
    );
    // The report replays warps 2 and 3 for the 32-lane stages only, and refuses warp 4.
    const warp3 = subgroupStageAccessReport(4096, 32, { warp: 3 });
    expect(warp3.length).toBeGreaterThan(0);
    expect(warp3.every((r) => r.detail.includes('×32 lanes'))).toBe(true);
    expect(() => subgroupStageAccessReport(4096, 32, { warp: 4 })).toThrow(
      /warp must be an integer in \[0, 4\); got 4/,
    );
    expect(() => subgroupStageAccessReport(4096, 4, { warp: 2 })).toThrow(/\[0, 2\); got 2/);
  });
});

describe('issue 10 goal for the stages variant', () => {
  it('every global access, exchange and twiddle read of every kernel is ideal, in both warps', () => {
    const shapes: (number | Shape)[] = [...SIZES_1D, ...SHAPES_2D];
    const missed: string[] = [];
    let rows = 0;
    for (const shape of shapes) {
      for (const signals of [256, 1]) {
        for (const warp of [0, 1]) {
          const all = [
            ...stageAccessReport(shape, { signals, warp }),
            ...stageAccessReport(shape, { signals, warp, inverse: true }),
            ...fusedStageAccessReport(shape, { signals, warp }),
          ];
          rows += all.length;
          for (const r of all) {
            if (!isIdeal(r)) {
              missed.push(`${r.kernel} ${r.stage} ${r.kind} (${signals} signals, warp ${warp})`);
            }
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });

  it('the check has teeth: the transform-major order of before misses it on columns', () => {
    // 64×64 column stage 2 replayed with transform-major lanes (the old kernel): lane
    // t + 2·… — 2 columns a warp, runs of 2 values, 16 sectors for 32 values.
    const lanes = Array.from({ length: 32 }, (_, id) => ({ t: Math.floor(id / 16), j: id % 16 }));
    const reads = lanes.map(({ t, j }) => t + j * 64);
    const sectors = new Set(reads.map((e) => Math.floor(e / 4))).size;
    expect(sectors).toBe(16);
    // The same instruction in the new order: lane w of butterfly 0.
    const g = stageGeometry(transformStages([64, 64], false)[3] as StageDispatch);
    const now = Array.from({ length: 32 }, (_, id) => stageInput(g, stageLane(g, id, 64), 0));
    expect(new Set(now.map((e) => Math.floor(e / 4))).size).toBe(8);
  });
});
