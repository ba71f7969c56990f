/**
 * WGSL for one FFT pass of the 'workgroup' variant, generated per transform length n: the
 * VkFFT shape. Each thread holds 16 values in registers (n/16 threads a transform); a stage is
 * radix-16 butterflies on those registers, unrolled with literal internal twiddles, and
 * workgroup memory carries only the exchanges between stages. n = 4096 is three stages and two
 * exchanges (the loop form in shaders/fft-workgroup.wgsl takes six radix-4 stages, each through
 * workgroup memory, with run-time indexed register arrays). n ≤ 16 is one stage: registers
 * only, no workgroup memory, no barrier.
 *
 * Layout and Params are those of shaders/fft-workgroup.wgsl (MODE 0), which still runs the
 * fused resolvent (MODE 1): transform t of the dispatch is inner transform t mod inner of signal
 * t / inner; element e is read at signal·inSignal + (t mod inner)·inInner + e·inElem and output
 * bin k written at signal·outSignal + (t mod inner)·outInner + k·outElem, times W_N^(j·k) from
 * `twN` when twiddleN ≠ 0 (the four-step pass). Stages are Stockham, as in stage-codegen.ts:
 * butterfly b, k = b mod ns, takes elements b + r·n/R twiddled by W_n^(r·k·n/(ns·R)) and
 * writes output r to (b / ns)·ns·R + k + r·ns.
 */
import { FFT_WORKGROUP, stagePasses, valuesPerThread } from './fft-plan';
import { dftLines } from './dft-codegen';

const HEADER = `struct Params {
  n: u32,
  log2n: u32,
  perGroup: u32,
  count: u32,
  inner: u32,
  inSignal: u32,
  inInner: u32,
  inElem: u32,
  outSignal: u32,
  outInner: u32,
  outElem: u32,
  twiddleN: u32,
  sign: f32,
  scale: f32,
  groupsX: u32,
  transformFastest: u32,
  phi: f32,
  sumsBase: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> twN: array<vec2f>;

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}
`;

/** The generated pass for transforms of length n (a power of two ≤ capacity). */
export function workgroupFftShader(n: number, capacity: number): string {
  if (!Number.isInteger(Math.log2(n)) || n < 2 || n > capacity) {
    throw new RangeError(`workgroup FFT n must be a power of two in [2, ${capacity}]; got ${n}`);
  }
  const perThread = valuesPerThread(n);
  const threads = n / perThread; // per transform
  const stages = stagePasses(n).map((s) => s.radix);
  const exchanges = stages.length > 1;
  const body: string[] = [
    `let firstT = (wid.x + wid.y * p.groupsX) * p.perGroup;`,
    // Strided passes: neighbouring threads take neighbouring transforms (coalesced reads).
    `var lt = lid / ${threads}u;`,
    `var j = lid % ${threads}u;`,
    'if (p.transformFastest != 0u) {',
    '  lt = lid % p.perGroup;',
    '  j = lid / p.perGroup;',
    '}',
    // Every thread reaches every barrier: idle ones just skip memory accesses.
    `let inGroup = lt < p.perGroup && j < ${threads}u;`,
    'let t = firstT + lt;',
    'let live = inGroup && t < p.count;',
    'let signal = t / p.inner;',
    'let within = t % p.inner;',
    'let inBase = signal * p.inSignal + within * p.inInner;',
    'let outBase = signal * p.outSignal + within * p.outInner;',
    `let shBase = lt * ${n}u;`,
    'let sg = p.sign;',
  ];
  for (let i = 0; i < perThread; i++) body.push(`var v${i} = vec2f(0.0);`);

  let ns = 1;
  stages.forEach((radix, s) => {
    const first = s === 0;
    const last = s === stages.length - 1;
    const groups = perThread / radix; // butterflies per thread in this stage
    const stride = n / radix;
    const step = n / (ns * radix);
    body.push(`// stage ${s + 1}: radix ${radix}, ns = ${ns}`);
    // Read (and twiddle) every butterfly's inputs into registers.
    for (let q = 0; q < groups; q++) {
      const b = `(j + ${threads * q}u)`;
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const e = `${b} + ${r * stride}u`;
        body.push(
          first
            ? `if (live) { ${reg} = src[inBase + (${e}) * p.inElem]; }`
            : `if (inGroup) { ${reg} = sh[shBase + ${e}]; }`,
        );
        if (r > 0 && ns > 1) {
          body.push(
            `{ let w = tw[(${b} % ${ns}u) * ${r * step}u]; ${reg} = cmul(${reg}, vec2f(w.x, w.y * sg)); }`,
          );
        }
      }
      body.push('{', ...dftLines(radix, (r) => `v${q * radix + r}`).map((l) => `  ${l}`), '}');
    }
    // Everyone has read before anyone overwrites workgroup memory (the last stage writes global).
    if (!first && !last) body.push('workgroupBarrier();');
    for (let q = 0; q < groups; q++) {
      const b = `(j + ${threads * q}u)`;
      const out = `((${b} / ${ns}u) * ${ns * radix}u + ${b} % ${ns}u)`;
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const k = `${out} + ${r * ns}u`;
        if (last) {
          body.push(
            `if (live) {`,
            `  let k = ${k};`,
            `  var y = ${reg} * p.scale;`,
            '  if (p.twiddleN != 0u) {',
            '    let w = twN[(within * k) % p.twiddleN];',
            '    y = cmul(y, vec2f(w.x, w.y * sg));',
            '  }',
            '  dst[outBase + k * p.outElem] = y;',
            '}',
          );
        } else {
          body.push(`if (inGroup) { sh[shBase + ${k}] = ${reg}; }`);
        }
      }
    }
    if (!last) body.push('workgroupBarrier();');
    ns *= radix;
  });

  return `// Generated by src/engine/gpu/workgroup-codegen.ts: ${n}-point FFT pass, radices ${stages.join('·')}, ${perThread} values a thread.
${HEADER}
${exchanges ? `var<workgroup> sh: array<vec2f, ${capacity}>;\n` : ''}
@compute @workgroup_size(${FFT_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${body.map((l) => `  ${l}`).join('\n')}
}
`;
}
