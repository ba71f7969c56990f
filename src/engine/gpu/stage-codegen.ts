/**
 * WGSL for one radix-R Stockham stage through global memory (the 'stages' variant), generated
 * per dispatch as straight-line code. Why generated rather than a loop over an override-sized
 * private array: with loops, the R-point DFT indexes a private array with computed indices and
 * loads its internal twiddles from memory; SwiftShader (and some GPU compilers) then keep the
 * array in memory instead of registers. Unrolled, every value is a named register and every
 * internal twiddle of the R-point DFT is a literal (exact multiplications by ±1 and ±i vanish).
 * Everything known when the kernel is generated is a literal too (issue 10): the axis length
 * n, ns, the radix, the layout, the sign and the role, so every division and modulus below is
 * by a power-of-two constant (a shift or a mask) and the pipeline key (`stageKernelKey`) names
 * each of them. Only the batch (`p.count`), the grid width, the scale, φ and the sums' base
 * come from the uniform.
 *
 * Stage (Stockham autosort): butterfly j of a transform, k = j mod ns, takes inputs
 * j + r·n/R twiddled by W_(ns·R)^(r·k) and writes output a to (j / ns)·ns·R + k + a·ns.
 *
 * Layout (`stageGeometry`): every axis stage-schedule.ts makes is a batch of groups of V
 * transforms side by side, element e of transform w of group g at g·n·V + e·V + w: V = 1 for a
 * contiguous axis (1D, 2D rows: group = transform), V = nx for a 2D column axis (group =
 * signal, w = column). Invocation id = (g·(n/R) + j)·V + w: neighbouring invocations take
 * neighbouring transforms first (columns), then neighbouring butterflies. So a warp's load of
 * input m touches runs of (n/R)·V consecutive values and its store of output a runs of ns·V,
 * each run starting on a multiple of its length: whole 32-byte sectors (4 vec2f) whenever the
 * run is ≥ 4. Where a run is shorter (n/R·V < 4 for the loads: n ≤ 32 on a contiguous axis;
 * ns·V < 4 for the stores: the first stage of a contiguous axis, the inverse half of
 * 'filter-inverse', a 2-column axis), the 64 invocations of a workgroup exchange their values
 * through workgroup memory: their butterflies cover one block of 64·R consecutive values (the
 * block starts at 64·R·workgroup, as id ↦ positions is a bijection onto it), which the
 * workgroup loads or stores as 64 consecutive values an instruction. `slot` (shared-swizzle.ts)
 * keeps those exchanges free of bank conflicts; access-model-stages.ts checks both.
 *
 * Twiddles, in float64 from the CPU, the inverse conjugating them: with one lane a butterfly,
 * the stage's own block (twiddles.ts `stageTwiddleBlock`, W for input m at (m − 1)·ns + k, so
 * neighbouring k read neighbouring entries; ns = 1 needs none: W = 1); with lanes, the
 * dispatch's block too (`subgroupTwiddleLayout`: lane l of butterfly k at k·S + l, and the
 * lane and shuffle twiddles, which depend on l only).
 *
 * Role 'filter' fuses a spectral hook (spectral-hooks.ts: the φ-resolvent, or a factor per bin)
 * into the last forward stage: each output bin goes through the hook before it is written; a
 * hook with sums (the resolvent's Σ|X|², ΣR|X|², Σ(1−R)²|X|²) writes the invocation's sums over
 * its R bins to sums[sumsBase + id] (id runs signal by signal, so that is partial
 * id − signal·partialsPerSignal of its signal) for shaders/reduce-flat.wgsl. That saves the
 * separate hook pass. Role 'filter-inverse' then keeps the hooked bins in registers and runs the
 * first inverse stage (ns = 1) on them before writing: the last forward stage's butterfly j
 * owns exactly the inputs of inverse butterfly j (stage-schedule.ts), so that saves one more pass.
 *
 * Bindings and Params are those of the stage bind group layout in pipelines.ts.
 */

import { dftLines, u32 as u } from './dft-codegen';
import { SECTOR_VALUES } from './fft-plan';
import {
  conflictFreeSwizzle,
  SWIZZLE_WGSL,
  swizzleWgslWith,
  type SwizzleShifts,
} from './shared-swizzle';
import { CMUL_WGSL, type HookCode } from './spectral-hooks';
import type { StageDispatch } from './stage-schedule';
import { subgroupTwiddleLayout } from './twiddles';
import { uniformLayout } from './uniform-layout';

export const STAGE_WORKGROUP = 64;

/** The radices a stage can have (stageRadices in fft-plan.ts picks them). */
export const STAGE_RADICES = [2, 4, 8, 16] as const;

/** Most lanes one 'subgroups' butterfly spans: a divisor of the workgroup and of subgroups. */
export const MAX_LANES = 32;

/**
 * Invocations in a workgroup of a stage kernel with `lanes` lanes a butterfly: 64, but for 32
 * lanes 128. A 'subgroups' workgroup exchanges the values of its workgroup/lanes butterflies,
 * which come in runs of that many neighbouring values (`subgroupExchange`): 64 / 32 = 2 would
 * be half a sector; 4 butterflies fill one. (128·16 values of a radix-16 × 32 stage are 16 KiB
 * of workgroup memory, WebGPU's guaranteed limit.)
 */
export function stageWorkgroupSize(lanes: number): number {
  return Math.max(STAGE_WORKGROUP, SECTOR_VALUES * lanes);
}

export const STAGE_PARAMS = uniformLayout('Params', [
  ['count', 'u32', 'transforms in this dispatch'],
  ['groupsX', 'u32'],
  ['scale', 'f32'],
  ['phi', 'f32', "a 'resolvent' hook's φ"],
  ['sumsBase', 'u32'],
] as const);

/** What one generated stage kernel is: everything its WGSL bakes in (not the scale). */
export type StageKernel = Pick<
  StageDispatch,
  'axis' | 'radix' | 'lanes' | 'ns' | 'inverse' | 'role'
> & {
  /**
   * No workgroup-memory exchange: every invocation reads and writes its own values directly,
   * in runs shorter than a sector where the exchange would have been (PlanSpec.stageExchange
   * false: software adapters). The access model replays the exchanging form.
   */
  direct?: boolean;
};

/** The index geometry of a stage kernel, shared by the generator and the access model. */
export interface StageGeometry {
  n: number;
  radix: number;
  ns: number;
  /** Invocations per transform: n/radix (a butterfly each with one lane, 1/lanes of one else). */
  perTransform: number;
  /** Transforms side by side (module header): 1 on a contiguous axis, nx on a column axis. */
  vec: number;
  /** Transforms per signal. */
  inner: number;
  /** Bins per row of the signal, for a hook to find (y, x). */
  nx: number;
  /** The ns of the stage whose outputs are stored: 1 for 'filter-inverse' (its inverse half). */
  outNs: number;
  /** Whether the inputs come through workgroup memory (load runs (n/R)·V shorter than a sector). */
  exchangeIn: boolean;
  /** Whether the outputs go through workgroup memory (store runs outNs·V shorter than a sector). */
  exchangeOut: boolean;
}

const isPowerOfTwo = (x: number): boolean => Number.isInteger(x) && x >= 1 && (x & (x - 1)) === 0;

/**
 * Checks a stage kernel's parameters and derives its geometry. Throws a RangeError naming the
 * field and what it allows.
 */
export function stageGeometry(stage: StageKernel): StageGeometry {
  const { axis, radix, lanes, ns, role } = stage;
  const { n, inner, signalStride, innerStride, elemStride } = axis;
  if (!(STAGE_RADICES as readonly number[]).includes(radix)) {
    throw new RangeError(`stage radix must be one of ${STAGE_RADICES.join(', ')}; got ${radix}`);
  }
  if (!isPowerOfTwo(lanes) || lanes > MAX_LANES) {
    throw new RangeError(`stage lanes must be a power of two ≤ ${MAX_LANES}; got ${lanes}`);
  }
  if (role === 'filter-inverse' && lanes !== 1) {
    throw new RangeError(
      `a 'filter-inverse' stage runs one butterfly an invocation; got ${lanes} lanes`,
    );
  }
  const P = radix * lanes;
  if (!isPowerOfTwo(n) || !isPowerOfTwo(ns) || n % (ns * P) !== 0) {
    throw new RangeError(
      `stage axis.n must be a power of two and a multiple of ns·radix·lanes = ${ns}·${radix}·${lanes}; got n = ${n}`,
    );
  }
  if (role === 'filter-inverse' && ns * radix !== n) {
    throw new RangeError(
      `a 'filter-inverse' stage is the last forward stage: ns·radix must be n = ${n}; got ${ns}·${radix}`,
    );
  }
  const contiguous =
    elemStride === 1 && signalStride === n * inner && (inner === 1 || innerStride === n);
  const columns = innerStride === 1 && elemStride === inner && signalStride === n * inner;
  if (!isPowerOfTwo(inner) || !(contiguous || columns)) {
    throw new RangeError(
      `stage axis layout must be contiguous (elemStride 1, innerStride n, signalStride n·inner) or columns (innerStride 1, elemStride inner, signalStride n·inner), inner a power of two; got n ${n}, inner ${inner}, signalStride ${signalStride}, innerStride ${innerStride}, elemStride ${elemStride}`,
    );
  }
  const vec = elemStride;
  const perTransform = n / radix;
  const outNs = role === 'filter-inverse' ? 1 : ns;
  return {
    n,
    radix,
    ns,
    perTransform,
    vec,
    inner,
    nx: vec > 1 ? vec : n,
    outNs,
    exchangeIn: lanes === 1 && stage.direct !== true && perTransform * vec < SECTOR_VALUES,
    exchangeOut: lanes === 1 && stage.direct !== true && outNs * vec < SECTOR_VALUES,
  };
}

/** Everything a stage kernel's WGSL depends on: its pipeline key (with the hook's key). */
export function stageKernelKey(stage: StageKernel): string {
  const { axis, radix, lanes, ns, inverse, role } = stage;
  const width = lanes > 1 ? `${radix}×${lanes} lanes` : `${radix}`;
  const layout = `inner ${axis.inner} strides ${axis.signalStride}/${axis.innerStride}/${axis.elemStride}`;
  const direct = stage.direct === true && lanes === 1 ? ' direct' : '';
  return `radix-${width} n=${axis.n} ns=${ns} ${layout} ${inverse ? 'inverse' : 'forward'} ${role}${direct}`;
}

/** Bindings of the stage layout (pipelines.ts): a hook's tables at 4 and 5, sums at 6. */
const HOOK_BINDINGS = { tableA: 4, tableB: 5, sums: 6 };

function header(
  hook: HookCode | undefined,
  sharedValues: number,
  x: SubgroupExchange | undefined,
): string {
  // A 'subgroups' kernel has a swizzle for each of its two exchanges.
  const slots = x
    ? `${swizzleWgslWith(x.inShifts).replace('fn slot', 'fn slotIn')}\n${swizzleWgslWith(x.outShifts).replace('fn slot', 'fn slotOut')}`
    : SWIZZLE_WGSL;
  const shared =
    sharedValues > 0 ? `var<workgroup> sh: array<vec2f, ${sharedValues}>;\n${slots}\n` : '';
  return `${STAGE_PARAMS.wgsl}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
${hook ? hook.declarations(HOOK_BINDINGS) : ''}${shared}
${CMUL_WGSL}`;
}

/** `expr`·c, leaving out a factor of 1. */
const times = (expr: string, c: number): string => (c === 1 ? expr : `${expr} * ${u(c)}`);

/** The R-point DFT of v0…v(R−1) in a block of its own, with the sign of its direction. */
function dftBlock(radix: number, inverse: boolean): string[] {
  return [
    '{',
    `  const sg = ${inverse ? '-1.0' : '1.0'};`,
    ...dftLines(radix).map((l) => `  ${l}`),
    '}',
  ];
}

/** A twiddle read, conjugated for the inverse. */
function twiddle(index: string, inverse: boolean): string {
  return inverse ? `(tw[${index}] * vec2f(1.0, -1.0))` : `tw[${index}]`;
}

/**
 * The hook applied to v0…v(R−1), the outputs of the forward DFT at global positions
 * `first` + a·step; with sums, the invocation's partial sums stored under `guard`.
 */
function hookLines(
  code: HookCode,
  g: StageGeometry,
  first: string,
  step: number,
  guard: string,
): string[] {
  const lines: string[] = [`let hooked0 = ${first};`];
  if (code.sums) lines.push('var sum = vec3f(0.0);');
  for (let a = 0; a < g.radix; a++) {
    // A signal is n·inner consecutive values: the bin is the position within it.
    const bin = `(hooked0 + ${u(a * step)}) % ${u(g.n * g.inner)}`;
    lines.push(...code.apply(`v${a}`, bin, g.nx));
  }
  if (code.sums) lines.push(`${guard}{ sums[p.sumsBase + id] = vec4f(sum, 0.0); }`);
  return lines;
}

/** A stage with one butterfly an invocation (module header: layout and exchanges). */
function singleLaneBody(
  stage: StageKernel,
  g: StageGeometry,
  hook: HookCode | undefined,
): string[] {
  const { radix: R, ns, perTransform: pt, vec: V, n } = g;
  const W = STAGE_WORKGROUP;
  const exchange = g.exchangeIn || g.exchangeOut;
  const body: string[] = ['let wg = wid.x + wid.y * p.groupsX;', `let id = wg * ${u(W)} + lid;`];
  // workgroupBarrier needs uniform control flow: with an exchange, idle invocations stay.
  if (exchange) {
    body.push(
      `let live = id < p.count * ${u(pt)};`,
      `let total = p.count * ${u(n)}; // values in the dispatch`,
      `let blk = wg * ${u(W * R)}; // first value of the workgroup's block`,
    );
  } else {
    body.push(`if (id >= p.count * ${u(pt)}) { return; }`);
  }
  const guard = exchange ? 'if (live) ' : '';
  body.push(
    `let j = ${pt === 1 ? '0u' : V > 1 ? `(id / ${u(V)}) % ${u(pt)}` : `id % ${u(pt)}`}; // butterfly`,
    `let base = ${times(pt * V === 1 ? 'id' : `(id / ${u(pt * V)})`, n * V)}${V > 1 ? ` + id % ${u(V)}` : ''};`,
  );
  if (ns > 1) body.push(`let k = j % ${u(ns)};`);
  // Input m of the butterfly: base + (j + m·n/R)·V.
  const inStep = pt * V;
  for (let m = 0; m < R; m++) body.push(`var v${m}: vec2f;`);
  if (g.exchangeIn) {
    for (let m = 0; m < R; m++) {
      body.push(
        `{ let i = blk + ${u(m * W)} + lid; if (i < total) { sh[slot(${u(m * W)} + lid)] = src[i]; } }`,
      );
    }
    body.push('workgroupBarrier();', `let in0 = base + ${times('j', V)} - blk;`);
    for (let m = 0; m < R; m++) body.push(`v${m} = sh[slot(in0 + ${u(m * inStep)})];`);
  } else {
    body.push(`let in0 = base + ${times('j', V)};`);
    const loads = Array.from({ length: R }, (_, m) => `v${m} = src[in0 + ${u(m * inStep)}];`);
    body.push(...(exchange ? [`if (live) {`, ...loads.map((l) => `  ${l}`), '}'] : loads));
  }
  // twiddles.ts `stageTwiddleBlock`: this stage's W for input m, indexed by k (ns = 1: W = 1).
  if (ns > 1) {
    for (let m = 1; m < R; m++) {
      body.push(`v${m} = cmul(v${m}, ${twiddle(`${u((m - 1) * ns)} + k`, stage.inverse)});`);
    }
  }
  body.push(...dftBlock(R, stage.inverse));
  // Output a of the forward butterfly: base + ((j / ns)·ns·R + k + a·ns)·V.
  // (The last stage of an axis, ns = n/R, has j < ns: k = j and no block term.)
  const fwdOut =
    ns === 1
      ? `base + ${times('j', R * V)}`
      : ns === pt
        ? `base + ${times('k', V)}`
        : `base + (j / ${u(ns)}) * ${u(ns * R * V)} + ${times('k', V)}`;
  if (hook) {
    body.push(...hookLines(hook, g, fwdOut, ns * V, guard));
    if (stage.role === 'filter-inverse') body.push(...dftBlock(R, true));
  }
  const out0 = g.outNs === ns ? fwdOut : `base + ${times('j', R * V)}`;
  const outStep = g.outNs * V;
  if (g.exchangeOut) {
    if (g.exchangeIn) body.push('workgroupBarrier(); // every input read before sh is reused');
    body.push(`let out0 = ${out0} - blk;`);
    for (let a = 0; a < R; a++) body.push(`sh[slot(out0 + ${u(a * outStep)})] = v${a};`);
    body.push('workgroupBarrier();');
    for (let a = 0; a < R; a++) {
      body.push(
        `{ let i = blk + ${u(a * W)} + lid; if (i < total) { dst[i] = sh[slot(${u(a * W)} + lid)] * p.scale; } }`,
      );
    }
  } else {
    body.push(`let out0 = ${out0};`);
    for (let a = 0; a < R; a++) {
      body.push(`${guard}{ dst[out0 + ${u(a * outStep)}] = v${a} * p.scale; }`);
    }
  }
  return body;
}

/**
 * How a 'subgroups' kernel (lanes S > 1) moves its values through workgroup memory. Invocation
 * id = butterfly·S + lane, butterflies in the lanes = 1 order (groups of V transforms, then
 * butterfly j, then the column w fastest): a butterfly's S lanes are S consecutive invocations
 * aligned to S, so subgroupShuffleXor(·, h < S) stays inside it. A butterfly's P = R·S inputs
 * stride (n/P)·V, so a warp's lanes can't load neighbouring values straight from src: the
 * workgroup's B = W/S butterflies (W = `stageWorkgroupSize`) load their W·R inputs together, W
 * neighbouring values an instruction, into workgroup memory, and the lanes pick theirs from
 * there; the outputs go back the same way.
 *
 * 'runs': the B butterflies lie in one group and (for the outputs) one block of ns·P·V outputs,
 * so input r (output a') of the B butterflies is a run of B neighbouring values; exchange entry
 * e = r·B + b (a'·B + b) for butterfly b of the workgroup. 'block': the B butterflies cover
 * whole groups (inputs: (n/P)·V < B) or whole blocks of ns·P·V outputs (ns·V < B): the
 * workgroup's values are the W·R values from W·R·workgroup on, entry e = position − that.
 * B ≥ 4 makes every run whole sectors (hence W = 128 for S = 32).
 */
export interface SubgroupExchange {
  /** Invocations a workgroup (`stageWorkgroupSize`). */
  workgroup: number;
  /** Butterflies a workgroup: workgroup / lanes. */
  butterflies: number;
  runsIn: boolean;
  runsOut: boolean;
  /** Swizzle shifts (shared-swizzle.ts `swizzleWith`) of the input and output exchanges. */
  inShifts: SwizzleShifts;
  outShifts: SwizzleShifts;
}

/** Bit-reversal of l over log2(S) bits: lane l ends with outputs a + R·bitrev(l). */
export function laneReverse(l: number, lanes: number): number {
  let r = 0;
  for (let bit = 1, top = lanes >> 1; bit < lanes; bit <<= 1, top >>= 1) if (l & bit) r |= top;
  return r;
}

/**
 * The exchange of a 'subgroups' kernel. The swizzles are the first of SWIZZLE_CANDIDATES under
 * which every lane-side access of workgroup 0 (input m of each lane; output a of each lane) is
 * conflict-free in every warp: the workgroup-side accesses are W neighbouring entries, which
 * every candidate keeps conflict-free (it permutes aligned blocks of 16).
 */
export function subgroupExchange(stage: StageKernel): SubgroupExchange {
  const g = stageGeometry(stage);
  const { n, radix: R, ns, vec: V } = g;
  const S = stage.lanes;
  const P = R * S;
  const W = stageWorkgroupSize(S);
  const B = W / S;
  const perGroup = (n / P) * V;
  const runsIn = perGroup >= B;
  const runsOut = ns * V >= B;
  // Workgroup 0's lanes: butterfly b = lid / S is butterfly b of the dispatch.
  const ins: number[][] = [];
  const outs: number[][] = [];
  for (let m = 0; m < R; m++) {
    ins.push([]);
    outs.push([]);
  }
  for (let lid = 0; lid < W; lid++) {
    const b = Math.floor(lid / S);
    const l = lid % S;
    const gr = Math.floor(b / perGroup);
    const q = b % perGroup;
    const j = Math.floor(q / V);
    const k = j % ns;
    const pos0 = gr * n * V + q; // base + j·V
    for (let m = 0; m < R; m++) {
      const r = l + S * m;
      ins[m]?.push(runsIn ? r * B + b : pos0 + r * perGroup);
      const a = m + R * laneReverse(l, S);
      const out = gr * n * V + (Math.floor(j / ns) * ns * P + k + a * ns) * V + (q % V);
      outs[m]?.push(runsOut ? a * B + b : out);
    }
  }
  const pick = (accesses: number[][]): SwizzleShifts => {
    // Each access is the whole workgroup's elements: a warp instruction is 32 of them.
    const instructions = accesses.flatMap((all) =>
      Array.from({ length: W / 32 }, (_, w) => all.slice(32 * w, 32 * w + 32)),
    );
    const found = conflictFreeSwizzle(instructions);
    if (!found) {
      throw new RangeError(
        `no swizzle in SWIZZLE_CANDIDATES keeps the exchange of ${stageKernelKey(stage)} conflict-free`,
      );
    }
    return found;
  };
  return {
    workgroup: W,
    butterflies: B,
    runsIn,
    runsOut,
    inShifts: pick(ins),
    outShifts: pick(outs),
  };
}

/**
 * A stage of radix P = radix·lanes with lanes = S > 1 (the 'subgroups' variant): S neighbouring
 * invocations of one subgroup share a radix-R·S butterfly, so an axis takes fewer passes
 * through global memory: input r = l + S·m goes to lane l; each lane does an R-point DFT over
 * m, twiddles by W_P^(l·a), then an S-point DFT across the lanes by radix-2 decimation in
 * frequency with subgroupShuffleXor, leaving lane l with outputs a + R·bitrev(l). The engine
 * only uses lanes after probing that subgroupShuffleXor(·, h) reaches invocation index ^ h
 * (subgroup-probe.ts). Loads and stores go through workgroup memory (`subgroupExchange`);
 * twiddles come from the dispatch's own block (twiddles.ts `subgroupTwiddleLayout`).
 */
function multiLaneBody(
  stage: StageKernel,
  g: StageGeometry,
  hook: HookCode | undefined,
  x: SubgroupExchange,
): string[] {
  const { radix: R, ns, vec: V, n } = g;
  const S = stage.lanes;
  const P = R * S;
  const W = x.workgroup;
  const B = x.butterflies;
  const perGroup = (n / P) * V;
  const inv = stage.inverse;
  const T = subgroupTwiddleLayout(R, S, ns);
  // No early return: every lane takes part in the barriers and the shuffles. Lanes past the
  // dispatch compute on whatever workgroup memory holds and store nothing.
  const body: string[] = [
    'let wg = wid.x + wid.y * p.groupsX;',
    `let id = wg * ${u(W)} + lid;`,
    `let valid = id < p.count * ${u(n / R)};`,
    `let total = p.count * ${u(n)}; // values in the dispatch`,
    `let blk = wg * ${u(W * R)}; // the workgroup's first value, for 'block' exchanges`,
    `let b = lid / ${u(S)}; // butterfly in the workgroup`,
    `let l = lid % ${u(S)}; // lane`,
    `let bf = id / ${u(S)}; // butterfly in the dispatch`,
    `let q = bf % ${u(perGroup)}; // j·V + w`,
    `let base = (bf / ${u(perGroup)}) * ${u(n * V)}${V > 1 ? ` + q % ${u(V)}` : ''};`,
    `let j = ${V > 1 ? `q / ${u(V)}` : 'q'}; // butterfly in the transform`,
    `let k = j % ${u(ns)};`,
    // The workgroup's butterfly 0 (its group and q) for the 'runs' exchanges.
    `let q0 = (wg * ${u(B)}) % ${u(perGroup)};`,
    `let g0 = (wg * ${u(B)}) / ${u(perGroup)} * ${u(n * V)};`,
  ];
  for (let i = 0; i < R; i++) {
    const at = x.runsIn ? `g0 + q0 + e % ${u(B)} + (e / ${u(B)}) * ${u(perGroup)}` : 'blk + e';
    body.push(
      `{ let e = ${u(i * W)} + lid; let i = ${at}; if (i < total) { sh[slotIn(e)] = src[i]; } }`,
    );
  }
  body.push('workgroupBarrier();');
  // Input r = l + S·m: entry r·B + b ('runs'), or its position base + (j + r·n/P)·V − blk.
  body.push(
    `let in0 = ${x.runsIn ? `b + l * ${u(B)}` : `base + ${times('j', V)} - blk + l * ${u(perGroup)}`};`,
  );
  const inStep = S * (x.runsIn ? B : perGroup);
  for (let m = 0; m < R; m++) body.push(`var v${m} = sh[slotIn(in0 + ${u(m * inStep)})];`);
  // W_(ns·P)^(r·k) for r = l + S·m (ns = 1: all 1).
  if (ns > 1) {
    body.push(`let kl = k * ${u(S)} + l;`);
    for (let m = 0; m < R; m++) {
      body.push(`v${m} = cmul(v${m}, ${twiddle(`${u(T.input + m * T.inputStride)} + kl`, inv)});`);
    }
  }
  body.push(...dftBlock(R, inv));
  // Twiddle W_P^(l·a), then the S-point DFT across lanes, one radix-2 level per bit.
  for (let a = 1; a < R; a++) {
    body.push(`v${a} = cmul(v${a}, ${twiddle(`${u(T.lane + (a - 1) * S)} + l`, inv)});`);
  }
  for (let h = S / 2; h >= 1; h /= 2) {
    // Level h twiddles the upper lanes' differences by W_(2h)^(l mod h); h = 1: W = 1.
    body.push('{', `  let low = (l & ${u(h)}) == 0u;`);
    if (h > 1) body.push(`  let w = ${twiddle(`${u(T.shuffle + h)} + l % ${u(h)}`, inv)};`);
    for (let a = 0; a < R; a++) {
      const diff = h > 1 ? `cmul(o - v${a}, w)` : `o - v${a}`;
      body.push(
        `  { let o = subgroupShuffleXor(v${a}, ${u(h)}); v${a} = select(${diff}, v${a} + o, low); }`,
      );
    }
    body.push('}');
  }
  body.push(
    `let outLane = reverseBits(l) >> ${u(32 - Math.log2(S))};`,
    // Lane l holds outputs a + R·bitrev(l): they start R·bitrev(l) output strides in.
    `let fwd0 = base + ((j / ${u(ns)}) * ${u(ns * P)} + k) * ${u(V)} + outLane * ${u(R * ns * V)};`,
  );
  const fwdStep = ns * V;
  if (hook) body.push(...hookLines(hook, g, 'fwd0', fwdStep, 'if (valid) '));
  body.push(
    'workgroupBarrier(); // every input read before sh is reused',
    `let out0 = ${x.runsOut ? `b + outLane * ${u(R * B)}` : 'fwd0 - blk'};`,
  );
  const outStep = x.runsOut ? B : fwdStep;
  for (let a = 0; a < R; a++) body.push(`sh[slotOut(out0 + ${u(a * outStep)})] = v${a};`);
  body.push('workgroupBarrier();');
  if (x.runsOut) {
    // The workgroup's butterfly 0 stores output a' of its block at outBase + a'·ns·V.
    body.push(`let outBase = g0 + (q0 / ${u(ns * V)}) * ${u(ns * V * P)} + q0 % ${u(ns * V)};`);
  }
  for (let i = 0; i < R; i++) {
    const at = x.runsOut ? `outBase + e % ${u(B)} + (e / ${u(B)}) * ${u(ns * V)}` : 'blk + e';
    body.push(
      `{ let e = ${u(i * W)} + lid; let i = ${at}; if (i < total) { dst[i] = sh[slotOut(e)] * p.scale; } }`,
    );
  }
  return body;
}

/**
 * The WGSL of one stage dispatch (`stage`: an entry of stage-schedule.ts, its scale aside).
 * With lanes = 1, one invocation does a whole radix-R butterfly; with lanes > 1 see
 * `multiLaneBody`. Roles other than 'fft' take a spectral hook.
 */
export function stageShader(stage: StageKernel, hook?: HookCode): string {
  const g = stageGeometry(stage);
  const { role, lanes } = stage;
  if ((role === 'fft') !== (hook === undefined)) {
    throw new RangeError(`stage role '${role}' ${hook ? 'takes no' : 'needs a'} spectral hook`);
  }
  const x = lanes > 1 ? subgroupExchange(stage) : undefined;
  const body = x ? multiLaneBody(stage, g, hook, x) : singleLaneBody(stage, g, hook);
  const W = x ? x.workgroup : STAGE_WORKGROUP;
  const shared = x || g.exchangeIn || g.exchangeOut ? W * stage.radix : 0;
  const hooked = hook ? `, hook '${hook.key}'` : '';
  const what =
    lanes === 1
      ? `radix-${stage.radix}`
      : `radix-${stage.radix * lanes} (${stage.radix} per lane × ${lanes} lanes)`;
  const exchanges = [g.exchangeIn ? 'inputs' : '', g.exchangeOut ? 'outputs' : '']
    .filter(Boolean)
    .join(' and ');
  return `// Generated by src/engine/gpu/stage-codegen.ts: ${what} Stockham stage, role '${role}'${hooked}.
// ${stageKernelKey(stage)}${exchanges ? `; ${exchanges} through workgroup memory` : ''}.
${lanes > 1 ? 'enable subgroups;\n' : ''}${header(hook, shared, x)}
@compute @workgroup_size(${W})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${body.map((l) => `  ${l}`).join('\n')}
}
`;
}
