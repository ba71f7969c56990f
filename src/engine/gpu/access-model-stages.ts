/**
 * The GPU-free access model (access-model.ts explains it) of the 'stages' variant: the
 * stage-codegen.ts kernels with one lane a butterfly, replayed for one warp of workgroup 0,
 * instruction by instruction as `singleLaneBody` emits them: the loads (or the workgroup's
 * coalesced load into workgroup memory and the butterflies' reads from it), the twiddles, and
 * the stores (or the butterflies' writes to workgroup memory and the workgroup's coalesced
 * store). The geometry (layout width V, exchanges) is stage-codegen.ts `stageGeometry`; the
 * index formulas are written out again here, so a change to one side that the other misses
 * shows up in the tests (access-model-stages.test.ts, which also counts the WGSL's accesses).
 *
 * Not modelled: a hook's table reads (qy, qx are f32, indexed per bin within a signal, so
 * shared by every signal of the batch) and its per-invocation sums (one vec4f per lane at
 * sums[sumsBase + id], consecutive lanes at consecutive entries).
 */
import {
  asShape,
  MODEL_SIGNALS,
  shapeLabel,
  StageTally,
  warpLanes,
  type AccessRow,
  type ModelOptions,
} from './access-model-core';
import type { Shape } from '../types';
import { swizzle, swizzleWith } from './shared-swizzle';
import { fusedSpectralStages, transformStages, type StageDispatch } from './stage-schedule';
import { subgroupTwiddleLayout } from './twiddles';
import {
  laneReverse,
  STAGE_WORKGROUP,
  stageGeometry,
  subgroupExchange,
  stageWorkgroupSize,
  type StageGeometry,
  type StageKernel,
} from './stage-codegen';

/** Lane state of a one-lane-a-butterfly stage kernel, as its prologue computes it. */
export interface StageLane {
  lid: number;
  /** Inside the dispatch: id < count·n/R. */
  live: boolean;
  /** Butterfly within the transform, and k = j mod ns. */
  j: number;
  k: number;
  /** Element 0 of the lane's transform: g·n·V + w (group g = id / (n/R·V), w = id mod V). */
  base: number;
}

/** Invocation `id` of a stage kernel over `count` transforms (the prologue of the kernel). */
export function stageLane(g: StageGeometry, id: number, count: number): StageLane {
  const { n, ns, perTransform: pt, vec: V } = g;
  const j = Math.floor(id / V) % pt;
  return {
    lid: id % STAGE_WORKGROUP,
    live: id < count * pt,
    j,
    k: j % ns,
    base: Math.floor(id / (pt * V)) * n * V + (id % V),
  };
}

/** Where the lane loads input m: base + (j + m·n/R)·V. */
export function stageInput(g: StageGeometry, l: StageLane, m: number): number {
  return l.base + (l.j + m * g.perTransform) * g.vec;
}

/** Where output a goes: base + ((j / ns)·ns·R + k + a·ns)·V, ns = 1 for 'filter-inverse'. */
export function stageOutput(g: StageGeometry, l: StageLane, a: number): number {
  const { ns, radix: R, vec: V } = g;
  return g.outNs === 1
    ? l.base + (l.j * R + a) * V
    : l.base + (Math.floor(l.j / ns) * ns * R + l.k + a * ns) * V;
}

/**
 * The access tally of one dispatch of a one-lane 'stages' kernel over `signals` signals, for
 * warp `warp` of workgroup 0 (whose block of the exchange starts at value 0).
 */
export function stageKernelTally(stage: StageKernel, signals: number, warp: number): StageTally {
  if (stage.lanes !== 1) {
    throw new RangeError(`the stage access model replays one lane a butterfly; got ${stage.lanes}`);
  }
  const g = stageGeometry(stage);
  const { n, radix: R, ns } = g;
  const W = STAGE_WORKGROUP;
  const count = stage.axis.inner * signals;
  const total = count * n;
  // With an exchange the kernel has no early return: every lane runs the shared accesses and
  // the twiddle reads; only the global ones are guarded.
  const exchange = g.exchangeIn || g.exchangeOut;
  // Workgroup 0: the global invocation id is the local one.
  const lanes = warpLanes(warp, W).map((id) => stageLane(g, id, count));
  const runs = (l: StageLane): boolean => exchange || l.live;
  const tally = new StageTally();

  const input = (l: StageLane, m: number): number => stageInput(g, l, m);
  if (g.exchangeIn) {
    for (let m = 0; m < R; m++) {
      const at = (l: StageLane): number | null => (m * W + l.lid < total ? m * W + l.lid : null);
      tally.add('global-read', lanes.map(at));
      tally.add(
        'shared-write',
        lanes.map((l) => (at(l) === null ? null : swizzle(m * W + l.lid))),
      );
    }
    for (let m = 0; m < R; m++)
      tally.add(
        'shared-read',
        lanes.map((l) => swizzle(input(l, m))),
      );
  } else {
    for (let m = 0; m < R; m++) {
      tally.add(
        'global-read',
        lanes.map((l) => (l.live ? input(l, m) : null)),
      );
    }
  }
  // twiddles.ts `stageTwiddleBlock`: W for input m at (m − 1)·ns + k; ns = 1 reads none.
  if (ns > 1) {
    for (let m = 1; m < R; m++) {
      tally.add(
        'twiddle',
        lanes.map((l) => (runs(l) ? (m - 1) * ns + l.k : null)),
      );
    }
  }
  const output = (l: StageLane, a: number): number => stageOutput(g, l, a);
  if (g.exchangeOut) {
    for (let a = 0; a < R; a++)
      tally.add(
        'shared-write',
        lanes.map((l) => swizzle(output(l, a))),
      );
    for (let a = 0; a < R; a++) {
      const at = (l: StageLane): number | null => (a * W + l.lid < total ? a * W + l.lid : null);
      tally.add(
        'shared-read',
        lanes.map((l) => (at(l) === null ? null : swizzle(a * W + l.lid))),
      );
      tally.add('global-write', lanes.map(at));
    }
  } else {
    for (let a = 0; a < R; a++) {
      tally.add(
        'global-write',
        lanes.map((l) => (l.live ? output(l, a) : null)),
      );
    }
  }
  return tally;
}

/**
 * The access tally of one dispatch of a 'subgroups' stage kernel (lanes S > 1,
 * stage-codegen.ts `multiLaneBody`), warp `warp` of workgroup 0: the workgroup's load of its
 * B = W/S butterflies' inputs (W = `stageWorkgroupSize`: 64, 128 for 32 lanes) into workgroup memory (`subgroupExchange`: runs of B, or its
 * block of 64·R values), each lane's reads of inputs l + S·m, the dispatch's twiddle block
 * (twiddles.ts `subgroupTwiddleLayout`), each lane's writes of outputs a + R·bitrev(l) and the
 * workgroup's store. Every lane runs the exchanges and twiddles; only global accesses past the
 * dispatch's values are skipped.
 */
export function subgroupStageTally(stage: StageKernel, signals: number, warp: number): StageTally {
  const S = stage.lanes;
  if (S === 1) throw new RangeError('subgroupStageTally replays lanes > 1; got 1');
  const { n, radix: R, ns, vec: V } = stageGeometry(stage);
  const x = subgroupExchange(stage);
  const T = subgroupTwiddleLayout(R, S, ns);
  const slotIn = swizzleWith(x.inShifts);
  const slotOut = swizzleWith(x.outShifts);
  const P = R * S;
  const W = stageWorkgroupSize(S);
  const B = W / S;
  const perGroup = (n / P) * V;
  const total = stage.axis.inner * signals * n;
  // Workgroup 0: butterfly b of the workgroup is butterfly b of the dispatch, and blk = 0.
  const lanes = warpLanes(warp, W).map((lid) => {
    const b = Math.floor(lid / S);
    const l = lid % S;
    const q = b % perGroup;
    const j = Math.floor(q / V);
    const k = j % ns;
    const base = Math.floor(b / perGroup) * n * V + (q % V);
    return {
      lid,
      b,
      l,
      k,
      inPos: (r: number): number => base + (j + (r * n) / P) * V,
      outPos: (a: number): number => base + (Math.floor(j / ns) * ns * P + k + a * ns) * V,
      rev: laneReverse(l, S),
    };
  });
  const tally = new StageTally();
  // Workgroup 0's butterfly 0 is transform 0's butterfly 0: q0 = 0, its group at 0.
  for (let i = 0; i < R; i++) {
    const at = (lid: number): number | null => {
      const e = i * W + lid;
      const v = x.runsIn ? (e % B) + Math.floor(e / B) * perGroup : e;
      return v < total ? v : null;
    };
    tally.add(
      'global-read',
      lanes.map((l) => at(l.lid)),
    );
    tally.add(
      'shared-write',
      lanes.map((l) => (at(l.lid) === null ? null : slotIn(i * W + l.lid))),
    );
  }
  for (let m = 0; m < R; m++) {
    tally.add(
      'shared-read',
      lanes.map((l) => {
        const r = l.l + S * m;
        return slotIn(x.runsIn ? r * B + l.b : l.inPos(r));
      }),
    );
  }
  if (ns > 1) {
    for (let m = 0; m < R; m++) {
      tally.add(
        'twiddle',
        lanes.map((l) => T.input + m * T.inputStride + l.k * S + l.l),
      );
    }
  }
  for (let a = 1; a < R; a++) {
    tally.add(
      'twiddle',
      lanes.map((l) => T.lane + (a - 1) * S + l.l),
    );
  }
  for (let h = S / 2; h >= 2; h /= 2) {
    tally.add(
      'twiddle',
      lanes.map((l) => T.shuffle + h + (l.l % h)),
    );
  }
  for (let a = 0; a < R; a++) {
    tally.add(
      'shared-write',
      lanes.map((l) => {
        const out = a + R * l.rev;
        return slotOut(x.runsOut ? out * B + l.b : l.outPos(out));
      }),
    );
  }
  for (let i = 0; i < R; i++) {
    const at = (lid: number): number | null => {
      const e = i * W + lid;
      const v = x.runsOut ? (e % B) + Math.floor(e / B) * ns * V : e;
      return v < total ? v : null;
    };
    tally.add(
      'shared-read',
      lanes.map((l) => (at(l.lid) === null ? null : slotOut(i * W + l.lid))),
    );
    tally.add(
      'global-write',
      lanes.map((l) => at(l.lid)),
    );
  }
  return tally;
}

/**
 * The 'subgroups' kernels (lanes ≤ `maxLanes`) of a forward (or inverse) FFT of `shape`;
 * stages that the schedule gives one lane replay as `stageKernelTally`. A 32-lane kernel's
 * workgroup has 4 warps (`stageWorkgroupSize`), the others 2: warps 2 and 3 replay only the
 * stages that have them.
 */
export function subgroupStageAccessReport(
  shape: number | Shape,
  maxLanes: number,
  { signals = MODEL_SIGNALS, warp = 0, inverse = false }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const label = `subgroups ×${maxLanes}${inverse ? ' inverse' : ''} ${shapeLabel(sh)}`;
  const list = transformStages(sh, inverse, maxLanes);
  const warps = (st: StageDispatch): number => stageWorkgroupSize(st.lanes) / 32;
  const most = Math.max(...list.map(warps));
  if (!Number.isInteger(warp) || warp < 0 || warp >= most) {
    throw new RangeError(`warp must be an integer in [0, ${most}); got ${warp}`);
  }
  return list.flatMap((st, s) =>
    warp >= warps(st)
      ? []
      : (st.lanes > 1 ? subgroupStageTally : stageKernelTally)(st, signals, warp).rows(
          label,
          `s${s + 1}`,
          `radix ${st.radix}×${st.lanes} lanes, ns ${st.ns}`,
        ),
  );
}

function stageRows(
  kernel: string,
  list: readonly StageDispatch[],
  signals: number,
  warp: number,
  first = 1,
): AccessRow[] {
  return list.flatMap((st, s) => {
    const role = st.role === 'fft' ? '' : `, ${st.role}`;
    return stageKernelTally(st, signals, warp).rows(
      kernel,
      `s${first + s}`,
      `radix ${st.radix}, ns ${st.ns}${role}`,
    );
  });
}

/**
 * The 'stages' kernels (stage-codegen.ts, lanes = 1) of a forward (or inverse) FFT of `shape`:
 * one dispatch per entry of `transformStages`, a warp of workgroup 0 (of STAGE_WORKGROUP).
 */
export function stageAccessReport(
  shape: number | Shape,
  { signals = MODEL_SIGNALS, warp = 0, inverse = false }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const label = `stages${inverse ? ' inverse' : ''} ${shapeLabel(sh)}`;
  return stageRows(label, transformStages(sh, inverse, 1), signals, warp);
}

/**
 * The fused spectral pipeline of the 'stages' variant (`fusedSpectralStages`, lanes = 1): the
 * forward stages, the last of them 'filter-inverse' (the hook, then the first inverse stage),
 * and the rest of the inverse, numbered on from there.
 */
export function fusedStageAccessReport(
  shape: number | Shape,
  { signals = MODEL_SIGNALS, warp = 0 }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const { before, after } = fusedSpectralStages(sh, 1);
  const label = `stages fused ${shapeLabel(sh)}`;
  return [
    ...stageRows(label, before, signals, warp),
    ...stageRows(label, after, signals, warp, before.length + 1),
  ];
}
