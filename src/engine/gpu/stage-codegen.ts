/**
 * WGSL for one radix-R Stockham stage through global memory (the 'stages' variant), generated
 * per radix as straight-line code. Why generated rather than a loop over an override-sized
 * private array: with loops, the R-point DFT indexes a private array with computed indices and
 * loads its internal twiddles from memory; SwiftShader (and some GPU compilers) then keep the
 * array in memory instead of registers. Unrolled, every value is a named register and every
 * internal twiddle of the R-point DFT is a literal (exact multiplications by ±1 and ±i vanish).
 *
 * Stage (Stockham autosort): butterfly j of a transform, k = j mod ns, takes inputs
 * j + r·n/R twiddled by W_(ns·R)^(r·k) = W_n^(r·k·step), step = n/(ns·R), and writes output r
 * to (j / ns)·ns·R + k + r·ns. Element e of transform t lives at
 *   (t / inner)·signalStride + (t mod inner)·innerStride + e·elemStride,
 * the same layout in and out, so 2D columns run in place of a transpose. Twiddles, in float64
 * from the CPU, the inverse conjugating them (sign = −1): with one lane a butterfly, the stage's
 * own block (twiddles.ts `stageTwiddleBlock`, W for input m at (m − 1)·ns + k, so a warp's
 * consecutive k read consecutive entries); with lanes, tw[m] = exp(−2πi·m/n).
 *
 * Role 'filter' fuses a spectral hook (spectral-hooks.ts: the φ-resolvent, or a factor per bin)
 * into the last forward stage: each output bin goes through the hook before it is written; a
 * hook with sums (the resolvent's Σ|X|², ΣR|X|², Σ(1−R)²|X|²) writes the invocation's sums over
 * its R bins to sums[sumsBase + signal·partialsPerSignal + invocation-in-signal] for
 * shaders/reduce-flat.wgsl. That saves the separate hook pass.
 * Role 'filter-inverse' then keeps the hooked bins in registers and runs the first inverse
 * stage (ns = 1) on them before writing: the last forward stage's butterfly j owns exactly
 * the inputs of inverse butterfly j (stage-schedule.ts), so that saves one more pass.
 *
 * Bindings and Params are those of the stage bind group layout in pipelines.ts.
 */

import { dftLines } from './dft-codegen';
import { CMUL_WGSL, type HookCode } from './spectral-hooks';
import type { StageRole } from './stage-schedule';
import { uniformLayout } from './uniform-layout';

export const STAGE_WORKGROUP = 64;

/** The radices a stage can have (stageRadices in fft-plan.ts picks them). */
export const STAGE_RADICES = [2, 4, 8, 16] as const;

/** Most lanes one 'subgroups' butterfly spans: a divisor of the workgroup and of subgroups. */
export const MAX_LANES = 32;

export const STAGE_PARAMS = uniformLayout('Params', [
  ['n', 'u32'],
  ['ns', 'u32'],
  ['count', 'u32'],
  ['inner', 'u32'],
  ['signalStride', 'u32'],
  ['innerStride', 'u32'],
  ['elemStride', 'u32'],
  ['groupsX', 'u32'],
  ['sign', 'f32'],
  ['scale', 'f32'],
  ['nx', 'u32', 'bins per row, for a hook to find (y, x)'],
  ['phi', 'f32', "a 'resolvent' hook's φ"],
  ['sumsBase', 'u32'],
  ['partialsPerSignal', 'u32'],
] as const);

/** Bindings of the stage layout (pipelines.ts): a hook's tables at 4 and 5, sums at 6. */
const HOOK_BINDINGS = { tableA: 4, tableB: 5, sums: 6 };

function header(hook: HookCode | undefined): string {
  return `${STAGE_PARAMS.wgsl}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
${hook ? hook.declarations(HOOK_BINDINGS) : ''}
${CMUL_WGSL}`;
}

/**
 * A stage of radix P = radix·lanes. With lanes = 1, one invocation does a whole radix-R
 * butterfly. With lanes = S > 1 (the 'subgroups' variant), S neighbouring invocations of one
 * subgroup share a radix-R·S butterfly, so an axis takes fewer passes through global memory:
 * input r = l + S·m goes to lane l; each lane does an R-point DFT over m, twiddles by
 * W_P^(l·a), then an S-point DFT across the lanes by radix-2 decimation in frequency with
 * subgroupShuffleXor, leaving lane l with outputs a + R·bitrev(l). The engine only uses lanes
 * after probing that subgroupShuffleXor(·, h) reaches invocation index ^ h (subgroup-probe.ts).
 */
export function stageShader(radix: number, role: StageRole, lanes = 1, hook?: HookCode): string {
  if (!(STAGE_RADICES as readonly number[]).includes(radix)) {
    throw new RangeError(`stage radix must be one of ${STAGE_RADICES.join(', ')}; got ${radix}`);
  }
  if (!Number.isInteger(Math.log2(lanes)) || lanes > MAX_LANES) {
    throw new RangeError(`stage lanes must be a power of two ≤ ${MAX_LANES}; got ${lanes}`);
  }
  if ((role === 'fft') !== (hook === undefined)) {
    throw new RangeError(`stage role '${role}' ${hook ? 'takes no' : 'needs a'} spectral hook`);
  }
  if (role === 'filter-inverse' && lanes !== 1) {
    throw new RangeError(
      `a 'filter-inverse' stage runs one butterfly an invocation; got ${lanes} lanes`,
    );
  }
  const S = lanes;
  const P = radix * S;
  const body: string[] = [];
  body.push(
    `let perTransform = p.n / ${radix}u; // invocations per transform`,
    `let id = (wid.x + wid.y * p.groupsX) * ${STAGE_WORKGROUP}u + lid;`,
    'let inv = id % perTransform;',
  );
  if (S === 1) {
    body.push('let t = id / perTransform;', 'if (t >= p.count) { return; }', 'let j = inv;');
  } else {
    // No early return: every lane of a subgroup takes part in the shuffles. A whole group of
    // S lanes lies in one transform (perTransform is a multiple of S), so an idle lane's
    // partners are idle too; they compute on a clamped transform and store nothing.
    body.push(
      'let valid = id / perTransform < p.count;',
      'let t = min(id / perTransform, p.count - 1u);',
      `let j = inv / ${S}u; // butterfly`,
      `let l = inv % ${S}u; // lane`,
    );
  }
  body.push(
    'let base = (t / p.inner) * p.signalStride + (t % p.inner) * p.innerStride;',
    'let k = j % p.ns;',
    // W_(ns·P)^(r·k) = W_n^(r·k·step); r·k·step < n, so no wrap.
    `let kStep = k * (p.n / (p.ns * ${P}u));`,
    // The merged stage runs forward, then inverse: its sign is set per half.
    role === 'filter-inverse' ? 'var sg = 1.0;' : 'let sg = p.sign;',
    'let es = p.elemStride;',
    `let inStride = (p.n / ${P}u) * es;`,
    'let in0 = base + j * es;',
  );
  for (let m = 0; m < radix; m++) {
    if (S === 1) {
      const load = `src[in0 + ${m}u * inStride]`;
      body.push(
        m === 0
          ? `var v0 = ${load};`
          : // twiddles.ts `stageTwiddleBlock`: this stage's W for input m, indexed by k.
            `var v${m} = cmul(${load}, vec2f(tw[${m - 1}u * p.ns + k].x, tw[${m - 1}u * p.ns + k].y * sg));`,
      );
    } else {
      body.push(
        `let r${m} = l + ${S * m}u;`,
        `var v${m} = cmul(src[in0 + r${m} * inStride], vec2f(tw[r${m} * kStep].x, tw[r${m} * kStep].y * sg));`,
      );
    }
  }
  body.push(...dftLines(radix));
  if (S > 1) {
    // Twiddle W_P^(l·a), then the S-point DFT across lanes, one radix-2 level per bit.
    body.push(`let nOverP = p.n / ${P}u;`);
    for (let a = 1; a < radix; a++) {
      body.push(
        `v${a} = cmul(v${a}, vec2f(tw[l * ${a}u * nOverP].x, tw[l * ${a}u * nOverP].y * sg));`,
      );
    }
    for (let h = S / 2; h >= 1; h /= 2) {
      body.push(
        '{',
        `  let low = (l & ${h}u) == 0u;`,
        `  let w0 = tw[(l % ${h}u) * (p.n / ${2 * h}u)];`,
        '  let w = vec2f(w0.x, w0.y * sg);',
      );
      for (let a = 0; a < radix; a++) {
        body.push(
          `  { let o = subgroupShuffleXor(v${a}, ${h}u); v${a} = select(cmul(o - v${a}, w), v${a} + o, low); }`,
        );
      }
      body.push('}');
    }
    body.push(`let outLane = reverseBits(l) >> ${32 - Math.log2(S)}u;`);
  }
  body.push(
    `let out = (j / p.ns) * p.ns * ${P}u + k;`,
    'let outStride = p.ns * es;',
    // Lane l holds outputs a + R·bitrev(l): they start R·bitrev(l) output strides in.
    S === 1 ? 'let out0 = out * es;' : `let out0 = out * es + outLane * ${radix}u * outStride;`,
  );
  const guard = S === 1 ? '' : 'if (valid) ';
  if (role === 'fft') {
    for (let a = 0; a < radix; a++) {
      body.push(`${guard}{ dst[base + out0 + ${a}u * outStride] = v${a} * p.scale; }`);
    }
  } else if (hook) {
    const code = hook; // role ≠ 'fft' always has one (checked above)
    // Offset of this transform inside its signal, to find each bin's (y, x).
    body.push('let within = (t % p.inner) * p.innerStride;');
    if (code.sums) body.push('var sum = vec3f(0.0);');
    for (let a = 0; a < radix; a++) {
      body.push(
        `{`,
        `  let at = out0 + ${a}u * outStride;`,
        ...code.apply(`v${a}`, 'within + at').map((l) => `  ${l}`),
        ...(role === 'filter' ? [`  ${guard}{ dst[base + at] = v${a} * p.scale; }`] : []),
        `}`,
      );
    }
    if (code.sums) {
      body.push(
        `${guard}{ sums[p.sumsBase + (t / p.inner) * p.partialsPerSignal + (t % p.inner) * perTransform + inv] = vec4f(sum, 0.0); }`,
      );
    }
    if (role === 'filter-inverse') {
      // Inverse stage 1 (ns = 1: k = 0, no twiddles): butterfly j writes j·R + a.
      body.push('sg = -1.0;', '{', ...dftLines(radix).map((l) => `  ${l}`), '}');
      for (let a = 0; a < radix; a++) {
        body.push(`dst[base + (j * ${radix}u + ${a}u) * es] = v${a} * p.scale;`);
      }
    }
  }
  const what = S === 1 ? `radix-${radix}` : `radix-${P} (${radix} per lane × ${S} lanes)`;
  const hooked = hook ? `, hook '${hook.key}'` : '';
  return `// Generated by src/engine/gpu/stage-codegen.ts: ${what} Stockham stage, role '${role}'${hooked}.
${S > 1 ? 'enable subgroups;\n' : ''}${header(hook)}
@compute @workgroup_size(${STAGE_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${body.map((l) => `  ${l}`).join('\n')}
}
`;
}
