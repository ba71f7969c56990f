/**
 * WGSL for the 'workgroup' variant, generated per transform length n: the VkFFT shape. Each
 * thread holds 16 values in registers (n/16 threads a transform); a stage is radix-16
 * butterflies on those registers, unrolled with literal internal twiddles, and workgroup memory
 * carries only the exchanges between stages. n = 4096 is three stages and two exchanges; n ≤ 16
 * is one stage: registers only, no workgroup memory, no barrier.
 *
 * Two kernels:
 * - `workgroupFftShader`: one FFT pass. Transform t of the dispatch is inner transform
 *   t mod inner of signal t / inner; element e is read at signal·inSignal + (t mod inner)·inInner
 *   + e·inElem and output bin k written at signal·outSignal + (t mod inner)·outInner + k·outElem,
 *   times W_N^(within·k) from `twN` when twiddleN ≠ 0 (the four-step pass; twiddles.ts
 *   `fourStepTwiddleTable` stores it at k·inner + within, so neighbouring transforms read
 *   neighbouring entries and no index needs a modulo). So one kernel serves 1D,
 *   the rows and strided columns of 2D (no transposes) and both halves of the four-step split.
 * - `workgroupSpectralShader`: the fused spectral pass: forward FFT, a per-bin hook of
 *   spectral-hooks.ts (the φ-resolvent with its sums, or a factor per bin), inverse FFT, in one
 *   dispatch. For 1D signals of n ≤ capacity that is
 *   the whole pipeline; fft-plan.ts `fusedWorkgroupProgram` places it in 2D and four-step
 *   programs. The inverse runs the radices in reverse, so its first stage takes the last forward
 *   stage's registers as they are (stage-schedule.ts explains why): no exchange between the two.
 *
 * Stages are Stockham, as in stage-codegen.ts: butterfly b, k = b mod ns, takes elements
 * b + r·n/R twiddled by W_n^(r·k·n/(ns·R)) and writes output r to (b / ns)·ns·R + k + r·ns.
 * Twiddles: twiddles.ts `workgroupTwiddleTable`, one contiguous block per stage, in float64
 * from the CPU; the inverse conjugates them. The four-step twiddles twN[m] = exp(−2πi·m/N).
 * Bindings are the fft layout of pipelines.ts.
 */
import { dftLines } from './dft-codegen';
import { SWIZZLE_WGSL } from './shared-swizzle';
import { CMUL_WGSL, type HookCode } from './spectral-hooks';
import { uniformLayout } from './uniform-layout';
import { FFT_WORKGROUP, stagePasses, valuesPerThread } from './fft-plan';
import { workgroupTwiddleBlocks, type TwiddleBlock } from './twiddles';

export const WORKGROUP_PARAMS = uniformLayout('Params', [
  ['n', 'u32'],
  ['nx', 'u32', 'hook: signal width (n for 1D), to find a bin (y, x)'],
  ['perGroup', 'u32', 'transforms per workgroup'],
  ['count', 'u32', 'transforms in this dispatch'],
  ['inner', 'u32'],
  ['inSignal', 'u32'],
  ['inInner', 'u32'],
  ['inElem', 'u32'],
  ['outSignal', 'u32'],
  ['outInner', 'u32'],
  ['outElem', 'u32'],
  ['twiddleN', 'u32'],
  ['sign', 'f32', '+1 forward, −1 inverse (FFT pass)'],
  ['scale', 'f32', 'applied on output (1/N on the last inverse pass)'],
  ['groupsX', 'u32', 'workgroups along x, to linearise 2D dispatches'],
  ['transformFastest', 'u32', '1: neighbouring threads take neighbouring transforms'],
  ['phi', 'f32', "a 'resolvent' hook's φ"],
  ['sumsBase', 'u32', 'hook sums: index in `sums` of the first transform'],
  ['binInner', 'u32', 'hook: bin k of transform `within` is the signal bin'],
  ['binElem', 'u32', '  within·binInner + k·binElem'],
] as const);

/** Bindings of the fft layout (pipelines.ts) a hook uses. */
const HOOK_BINDINGS = { tableA: 7, tableB: 5, sums: 6 };

function header(hook: HookCode | undefined): string {
  return `${WORKGROUP_PARAMS.wgsl}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> twN: array<vec2f>;
${hook ? hook.declarations(HOOK_BINDINGS) : ''}
${CMUL_WGSL}`;
}

type Where = 'global' | 'shared' | 'registers';

/** Emits the code of one kernel, inserting a barrier wherever workgroup memory changes hands. */
class Emitter {
  readonly body: string[] = [];
  /** Workgroup memory has been read since the last barrier: a write must wait for the readers. */
  private readPending = false;
  usesShared = false;
  readonly threads: number;
  readonly perThread: number;

  private readonly twiddleBlocks: TwiddleBlock[];

  constructor(readonly n: number) {
    this.perThread = valuesPerThread(n);
    this.threads = n / this.perThread;
    this.twiddleBlocks = workgroupTwiddleBlocks(stagePasses(n).map((s) => s.radix));
  }

  /** Where the twiddles of the stage (radix, ns) start in the table. */
  private twiddleAt(radix: number, ns: number): number {
    const block = this.twiddleBlocks.find((b) => b.radix === radix && b.ns === ns);
    if (!block) throw new Error(`no twiddles for radix ${radix} after ns ${ns} (n = ${this.n})`);
    return block.offset;
  }

  line(...l: string[]): void {
    this.body.push(...l);
  }

  private beforeSharedWrite(): void {
    this.usesShared = true;
    if (this.readPending) this.line('workgroupBarrier();');
    this.readPending = false;
  }

  private afterSharedWrite(): void {
    this.line('workgroupBarrier();');
  }

  /** Butterfly q of this thread: b = j + threads·q. */
  butterfly(q: number): string {
    return `(j + ${this.threads * q}u)`;
  }

  /** Reads (and twiddles) every butterfly's inputs of a radix-R stage, then its DFTs. */
  read(radix: number, ns: number, from: Where): void {
    const { n } = this;
    for (let q = 0; q < this.perThread / radix; q++) {
      const b = this.butterfly(q);
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const e = `${b} + ${(r * n) / radix}u`;
        if (from === 'global') this.line(`if (live) { ${reg} = src[inBase + (${e}) * p.inElem]; }`);
        if (from === 'shared') this.line(`if (inGroup) { ${reg} = sh[slot(shBase + ${e})]; }`);
        if (r > 0 && ns > 1) {
          // twiddles.ts `workgroupTwiddleTable`: this stage's W for output r, indexed by k.
          const at = this.twiddleAt(radix, ns) + (r - 1) * ns;
          this.line(
            `{ let w = tw[${at}u + (${b} & ${ns - 1}u)]; ${reg} = cmul(${reg}, vec2f(w.x, w.y * sg)); }`,
          );
        }
      }
      this.line('{', ...dftLines(radix, (r) => `v${q * radix + r}`).map((l) => `  ${l}`), '}');
    }
    if (from === 'shared') this.readPending = true;
  }

  /** Position of output r of butterfly q in a radix-R stage after ns. */
  outPosition(q: number, radix: number, ns: number, r: number): string {
    const b = this.butterfly(q);
    return `((${b} / ${ns}u) * ${ns * radix}u + ${b} % ${ns}u + ${r * ns}u)`;
  }

  write(radix: number, ns: number, to: Exclude<Where, 'registers'>): void {
    if (to === 'shared') this.beforeSharedWrite();
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const k = this.outPosition(q, radix, ns, r);
        if (to === 'shared') {
          this.line(`if (inGroup) { sh[slot(shBase + ${k})] = ${reg}; }`);
        } else {
          this.line(
            `if (live) {`,
            `  let k = ${k};`,
            `  var y = ${reg} * p.scale;`,
            '  if (p.twiddleN != 0u) {',
            '    let w = twN[k * p.inner + within];',
            '    y = cmul(y, vec2f(w.x, w.y * sg));',
            '  }',
            '  dst[outBase + k * p.outElem] = y;',
            '}',
          );
        }
      }
    }
    if (to === 'shared') this.afterSharedWrite();
  }

  /**
   * Adds each thread's `sum` over the threads of its transform (a tree with literal strides, so
   * the rounding error grows as log n) and writes the total to sums[sumsBase + t]. Workgroup
   * memory is scratch: sh[lid] = (Σ|X|², ΣR|X|²), sh[WG + lid] = (Σ(1−R)²|X|², 0). Thread j of
   * a transform is `laneStep` invocations after thread j − 1: 1, or perGroup in strided passes.
   */
  reduceSums(): void {
    if (this.threads === 1) {
      this.line('if (live) { sums[p.sumsBase + t] = vec4f(sum, 0.0); }');
      return;
    }
    const wg = FFT_WORKGROUP;
    this.beforeSharedWrite();
    this.line(
      'let laneStep = select(1u, p.perGroup, p.transformFastest != 0u);',
      `sh[lid] = sum.xy;`,
      `sh[${wg}u + lid] = vec2f(sum.z, 0.0);`,
    );
    this.afterSharedWrite();
    for (let stride = this.threads / 2; stride >= 1; stride /= 2) {
      this.line(
        `if (j < ${stride}u) {`,
        `  let other = lid + ${stride}u * laneStep;`,
        `  sh[lid] += sh[other];`,
        `  sh[${wg}u + lid] += sh[${wg}u + other];`,
        '}',
        'workgroupBarrier();',
      );
    }
    this.line(
      `if (live && j == 0u) { sums[p.sumsBase + t] = vec4f(sh[lid], sh[${wg}u + lid].x, 0.0); }`,
    );
    this.readPending = true;
  }

  /**
   * Applies the hook to the bins in registers after the last forward stage (ns = n/R). Bin k of
   * transform `within` is the signal's bin within·binInner + k·binElem, at (bin / nx, bin % nx).
   */
  hook(radix: number, code: HookCode): void {
    const { n } = this;
    if (code.sums) this.line('var sum = vec3f(0.0);');
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const k = `(${this.butterfly(q)} + ${(r * n) / radix}u)`;
        this.line(...code.apply(`v${q * radix + r}`, `within * p.binInner + ${k} * p.binElem`));
      }
    }
  }

  shader(title: string, capacity: number, hook?: HookCode): string {
    const { n, threads } = this;
    const prologue = [
      'let firstT = (wid.x + wid.y * p.groupsX) * p.perGroup;',
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
      ...Array.from({ length: this.perThread }, (_, i) => `var v${i} = vec2f(0.0);`),
    ];
    return `// Generated by src/engine/gpu/workgroup-codegen.ts: ${title}.
${header(hook)}
${this.usesShared ? `var<workgroup> sh: array<vec2f, ${capacity}>;\n${SWIZZLE_WGSL}\n` : ''}
@compute @workgroup_size(${FFT_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${[...prologue, ...this.body].map((l) => `  ${l}`).join('\n')}
}
`;
  }
}

function checkLength(n: number, capacity: number): void {
  if (!Number.isInteger(Math.log2(n)) || n < 2 || n > capacity) {
    throw new RangeError(`workgroup FFT n must be a power of two in [2, ${capacity}]; got ${n}`);
  }
}

/** The generated pass for transforms of length n (a power of two ≤ capacity). */
export function workgroupFftShader(n: number, capacity: number): string {
  checkLength(n, capacity);
  const e = new Emitter(n);
  const radices = stagePasses(n).map((s) => s.radix);
  e.line('let sg = p.sign;');
  let ns = 1;
  radices.forEach((radix, s) => {
    e.line(`// stage ${s + 1}: radix ${radix}, ns = ${ns}`);
    e.read(radix, ns, s === 0 ? 'global' : 'shared');
    e.write(radix, ns, s === radices.length - 1 ? 'global' : 'shared');
    ns *= radix;
  });
  const title = `${n}-point FFT pass, radices ${radices.join('·')}, ${e.perThread} values a thread`;
  return e.shader(title, capacity);
}

/**
 * The fused spectral pass over transforms of length n (fft-plan.ts `fusedWorkgroupProgram`):
 * forward FFT, the hook (with its sums, per transform, at sums[sumsBase + t]: per signal when a
 * transform is the whole signal), inverse FFT, written where it was read.
 */
export function workgroupSpectralShader(n: number, capacity: number, hook: HookCode): string {
  checkLength(n, capacity);
  const e = new Emitter(n);
  const forward = stagePasses(n).map((s) => s.radix);
  const inverse = [...forward].reverse();
  const merged = forward[forward.length - 1] as number;
  e.line('var sg = 1.0;');
  let ns = 1;
  forward.forEach((radix, s) => {
    const last = s === forward.length - 1;
    e.line(`// forward stage ${s + 1}: radix ${radix}, ns = ${ns}`);
    e.read(radix, ns, s === 0 ? 'global' : 'shared');
    if (!last) e.write(radix, ns, 'shared');
    ns *= radix;
  });
  // The last forward stage left bin b + r·n/R in register r of butterfly b.
  e.line(`// hook '${hook.key}' on the bins in registers`);
  e.hook(merged, hook);
  if (hook.sums) e.reduceSums();
  e.line('sg = -1.0;');
  ns = 1;
  inverse.forEach((radix, s) => {
    e.line(`// inverse stage ${s + 1}: radix ${radix}, ns = ${ns}`);
    e.read(radix, ns, s === 0 ? 'registers' : 'shared');
    e.write(radix, ns, s === inverse.length - 1 ? 'global' : 'shared');
    ns *= radix;
  });
  const title = `${n}-point fused spectral pass, hook '${hook.key}' (forward ${forward.join('·')}, inverse ${inverse.join('·')})`;
  return e.shader(title, capacity, hook);
}
