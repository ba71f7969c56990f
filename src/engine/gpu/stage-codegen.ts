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
 * neighbouring k read neighbouring entries; ns = 1 needs none: W = 1); with lanes,
 * tw[m] = exp(−2πi·m/n).
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

import { dftLines } from './dft-codegen';
import { SWIZZLE_WGSL } from './shared-swizzle';
import { CMUL_WGSL, type HookCode } from './spectral-hooks';
import type { StageDispatch } from './stage-schedule';
import { uniformLayout } from './uniform-layout';

export const STAGE_WORKGROUP = 64;

/** The radices a stage can have (stageRadices in fft-plan.ts picks them). */
export const STAGE_RADICES = [2, 4, 8, 16] as const;

/** Most lanes one 'subgroups' butterfly spans: a divisor of the workgroup and of subgroups. */
export const MAX_LANES = 32;

/** vec2f values in a 32-byte global-memory sector: shorter runs waste part of a sector. */
const SECTOR_VALUES = 4;

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
>;

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
    exchangeIn: lanes === 1 && perTransform * vec < SECTOR_VALUES,
    exchangeOut: lanes === 1 && outNs * vec < SECTOR_VALUES,
  };
}

/** Everything a stage kernel's WGSL depends on: its pipeline key (with the hook's key). */
export function stageKernelKey(stage: StageKernel): string {
  const { axis, radix, lanes, ns, inverse, role } = stage;
  const width = lanes > 1 ? `${radix}×${lanes} lanes` : `${radix}`;
  const layout = `inner ${axis.inner} strides ${axis.signalStride}/${axis.innerStride}/${axis.elemStride}`;
  return `radix-${width} n=${axis.n} ns=${ns} ${layout} ${inverse ? 'inverse' : 'forward'} ${role}`;
}

/** Bindings of the stage layout (pipelines.ts): a hook's tables at 4 and 5, sums at 6. */
const HOOK_BINDINGS = { tableA: 4, tableB: 5, sums: 6 };

function header(hook: HookCode | undefined, sharedValues: number): string {
  const shared =
    sharedValues > 0 ? `var<workgroup> sh: array<vec2f, ${sharedValues}>;\n${SWIZZLE_WGSL}\n` : '';
  return `${STAGE_PARAMS.wgsl}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
${hook ? hook.declarations(HOOK_BINDINGS) : ''}${shared}
${CMUL_WGSL}`;
}

/** A u32 literal. */
const u = (x: number): string => `${x}u`;

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
 * A stage of radix P = radix·lanes with lanes = S > 1 (the 'subgroups' variant): S neighbouring
 * invocations of one subgroup share a radix-R·S butterfly, so an axis takes fewer passes
 * through global memory: input r = l + S·m goes to lane l; each lane does an R-point DFT over
 * m, twiddles by W_P^(l·a), then an S-point DFT across the lanes by radix-2 decimation in
 * frequency with subgroupShuffleXor, leaving lane l with outputs a + R·bitrev(l). The engine
 * only uses lanes after probing that subgroupShuffleXor(·, h) reaches invocation index ^ h
 * (subgroup-probe.ts). Invocations go transform by transform (a butterfly's lanes must be
 * neighbours), so this variant keeps the transform-major order.
 */
function multiLaneBody(stage: StageKernel, g: StageGeometry, hook: HookCode | undefined): string[] {
  const { radix, ns, perTransform: pt, vec: V, n } = g;
  const S = stage.lanes;
  const P = radix * S;
  const inv = stage.inverse;
  // No early return: every lane of a subgroup takes part in the shuffles. A whole group of
  // S lanes lies in one transform (perTransform is a multiple of S), so an idle lane's
  // partners are idle too; they compute on a clamped transform and store nothing.
  const body: string[] = [
    `let id = (wid.x + wid.y * p.groupsX) * ${u(STAGE_WORKGROUP)} + lid;`,
    `let inv = id % ${u(pt)};`,
    `let valid = id / ${u(pt)} < p.count;`,
    `let t = min(id / ${u(pt)}, p.count - 1u);`,
    `let j = inv / ${u(S)}; // butterfly`,
    `let l = inv % ${u(S)}; // lane`,
    // Transform t = group·V + w starts at group·n·V + w (module header).
    `let base = ${V > 1 ? `(t / ${u(V)}) * ${u(n * V)} + t % ${u(V)}` : `t * ${u(n)}`};`,
    `let k = j % ${u(ns)};`,
    // W_(ns·P)^(r·k) = W_n^(r·k·step); r·k·step < n, so no wrap.
    `let kStep = k * ${u(n / (ns * P))};`,
    `let in0 = base + j * ${u(V)};`,
  ];
  const inStride = (n / P) * V;
  for (let m = 0; m < radix; m++) {
    body.push(
      `let r${m} = l + ${u(S * m)};`,
      `var v${m} = cmul(src[in0 + r${m} * ${u(inStride)}], ${twiddle(`r${m} * kStep`, inv)});`,
    );
  }
  body.push(...dftBlock(radix, inv));
  // Twiddle W_P^(l·a), then the S-point DFT across lanes, one radix-2 level per bit.
  for (let a = 1; a < radix; a++) {
    body.push(`v${a} = cmul(v${a}, ${twiddle(`l * ${u(a * (n / P))}`, inv)});`);
  }
  for (let h = S / 2; h >= 1; h /= 2) {
    body.push(
      '{',
      `  let low = (l & ${u(h)}) == 0u;`,
      `  let w = ${twiddle(`(l % ${u(h)}) * ${u(n / (2 * h))}`, inv)};`,
    );
    for (let a = 0; a < radix; a++) {
      body.push(
        `  { let o = subgroupShuffleXor(v${a}, ${u(h)}); v${a} = select(cmul(o - v${a}, w), v${a} + o, low); }`,
      );
    }
    body.push('}');
  }
  body.push(
    `let outLane = reverseBits(l) >> ${u(32 - Math.log2(S))};`,
    // Lane l holds outputs a + R·bitrev(l): they start R·bitrev(l) output strides in.
    `let out0 = base + ((j / ${u(ns)}) * ${u(ns * P)} + k) * ${u(V)} + outLane * ${u(radix * ns * V)};`,
  );
  const outStride = ns * V;
  if (hook) body.push(...hookLines(hook, g, 'out0', outStride, 'if (valid) '));
  for (let a = 0; a < radix; a++) {
    body.push(`if (valid) { dst[out0 + ${u(a * outStride)}] = v${a} * p.scale; }`);
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
  const body = lanes === 1 ? singleLaneBody(stage, g, hook) : multiLaneBody(stage, g, hook);
  const shared = g.exchangeIn || g.exchangeOut ? STAGE_WORKGROUP * stage.radix : 0;
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
${lanes > 1 ? 'enable subgroups;\n' : ''}${header(hook, shared)}
@compute @workgroup_size(${STAGE_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${body.map((l) => `  ${l}`).join('\n')}
}
`;
}
