/**
 * WGSL for the 'workgroup' variant: the VkFFT shape, generated per pass. Each thread holds 16
 * values in registers (n/16 threads a transform); a stage is radix-16 butterflies on those
 * registers, unrolled with literal internal twiddles, and workgroup memory carries only the
 * exchanges between stages. n = 4096 is three stages and two exchanges; n ≤ 16 is one stage.
 *
 * Split exchanges: a kernel over more than half the capacity (perGroup·n > capacity / 2: n =
 * 8192, or 2048-point columns four to a workgroup) holds 32 values a thread (fft-plan.ts
 * `threadValues`), and its `sh` is f32: each exchange writes every register's real half, reads
 * the real halves back, then does the same with the imaginary halves. 8192 values fit 32 KiB
 * that way; the bytes through workgroup memory are the same, the barriers twice as many.
 *
 * Everything known when a pass is planned is baked into its WGSL as a literal (issue 10): the
 * length, the layout's strides, transforms per signal and per workgroup, the lane order and the
 * direction. Divisions and remainders are then by power-of-two literals (shifts and masks) and no
 * index takes a runtime division; only the transform count, the grid width, the output scale,
 * φ and the sums' offset stay in the uniform, so one pipeline serves every batch of a shape.
 *
 * Two kernels:
 * - `workgroupFftShader`: one FFT pass. Transform t of the dispatch is inner transform
 *   t mod inner of signal t / inner; element e is read at signal·inSignal + (t mod inner)·inInner
 *   + e·inElem and output bin k written at signal·outSignal + (t mod inner)·outInner + k·outElem,
 *   times W_N^(within·k) from `twN` when twiddleN ≠ 0 (the four-step pass; twiddles.ts
 *   `fourStepTwiddleTable` lays it out in blocks that match the lanes, `fourStepBlock`, so a
 *   warp reads neighbouring entries). So one generator serves 1D, the rows and strided columns of 2D (no
 *   transposes) and both halves of the four-step split.
 * - `workgroupSpectralShader`: the fused spectral pass: forward FFT, a per-bin hook of
 *   spectral-hooks.ts (the φ-resolvent with its sums, or a factor per bin), inverse FFT, in one
 *   dispatch, written where it was read. For 1D signals of n ≤ capacity that is the whole
 *   pipeline; fft-plan.ts `fusedWorkgroupProgram` places it in 2D and four-step programs. The
 *   inverse runs the radices in reverse, so its first stage takes the last forward stage's
 *   registers as they are (stage-schedule.ts explains why): no exchange between the two.
 *
 * Global memory is read and written in whole 32-byte sectors (4 values) by every warp
 * instruction. Directly from registers that holds when the lanes of a warp run along a
 * transform of ≥ 64 values (n/16 ≥ 4 neighbouring threads), or across ≥ 4 neighbouring
 * transforms of a strided pass (`transformFastest`). Where it does not (transforms of 16 or 32
 * values; the four-step second pass, which writes its rows transposed; strided passes over
 * fewer than 4 transforms a signal), the pass is staged through workgroup memory: the
 * workgroup's block is loaded (or stored) by all 256 threads in address order, and the
 * registers go to and from workgroup memory in transform order (`ioOf` picks the mode).
 *
 * Stages are Stockham, as in stage-codegen.ts: butterfly b, k = b mod ns, takes elements
 * b + r·n/R twiddled by W_n^(r·k·n/(ns·R)) and writes output r to (b / ns)·ns·R + k + r·ns.
 * Twiddles: twiddles.ts `workgroupTwiddleTable`, one contiguous block per stage, in float64
 * from the CPU; the inverse conjugates them. Bindings are the fft layout of pipelines.ts.
 *
 * The generator also records every memory instruction it emits with a function giving the
 * element each lane touches (`WorkgroupAccess`): access-model.ts replays exactly these, so the
 * model cannot drift from the WGSL.
 */
import { dftLines, u32 as u } from './dft-codegen';
import type { AccessKind } from './access-model-core';
import {
  conflictFreeSwizzle,
  DEFAULT_SHIFTS,
  swizzleWgslWith,
  swizzleWith,
  type ElementWords,
  type SwizzleShifts,
} from './shared-swizzle';
import { CMUL_WGSL, type HookCode } from './spectral-hooks';
import { uniformLayout } from './uniform-layout';
import { FFT_WORKGROUP, stagePasses, threadValues, vec2ExchangeValues } from './fft-plan';
import { fourStepTwiddleIndex, workgroupTwiddleBlocks, type TwiddleBlock } from './twiddles';
import {
  describe,
  fourStepBlock,
  ioOf,
  stagedValue,
  type Io,
  type SpectralKernel,
  type StagedIo,
  type WorkgroupKernel,
} from './workgroup-layout';

export {
  fourStepBlock,
  passKernel,
  workgroupKernelKey,
  type SpectralKernel,
  type WorkgroupKernel,
} from './workgroup-layout';

export const WORKGROUP_PARAMS = uniformLayout('Params', [
  ['count', 'u32', 'transforms in this dispatch'],
  ['groupsX', 'u32', 'workgroups along x, to linearise 2D dispatches'],
  ['scale', 'f32', 'applied on output (1/N on the last inverse pass)'],
  ['phi', 'f32', "a 'resolvent' hook's φ"],
  ['sumsBase', 'u32', 'hook sums: index in `sums` of the first transform'],
] as const);

/** What one lane of workgroup 0 computes in the prologue (access-model.ts replays lanes). */
export interface LaneContext {
  lid: number;
  lt: number;
  j: number;
  inGroup: boolean;
  live: boolean;
  t: number;
  within: number;
  inBase: number;
  outBase: number;
  shBase: number;
}

/** One emitted memory instruction: which element each lane touches (null: the lane skips it). */
export interface WorkgroupAccess {
  kind: AccessKind;
  /** 'load', 's1', 'fwd s2', 'inv s1', 'store', 'sums'. */
  stage: string;
  detail: string;
  at(lane: LaneContext, count: number): number | null;
  /** 4-byte words an element takes: 2 (vec2f), or 1 in a split kernel's f32 workgroup memory. */
  words: ElementWords;
}

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
  readonly accesses: WorkgroupAccess[] = [];
  /** Workgroup memory has been read since the last barrier: a write must wait for the readers. */
  private readPending = false;
  usesShared = false;
  usesSums = false;
  readonly n: number;
  readonly threads: number;
  readonly perThread: number;
  readonly input: Io;
  readonly output: Io;
  /**
   * More values than workgroup memory holds as vec2f (perGroup·n > capacity / 2): `sh` is f32, and each
   * exchange moves the real halves, then the imaginary halves (`halfExchange`).
   */
  readonly split: boolean;
  readonly words: ElementWords;
  /** A split exchange's writes of the imaginary halves, emitted by the next `read`. */
  private pendingImaginary: (() => void) | null = null;
  /** Labels the accesses recorded next. */
  stage = '';
  detail = '';

  private readonly twiddleBlocks: TwiddleBlock[];
  /**
   * The kernel's swizzle (shared-swizzle.ts), the same map as its WGSL `slot`. The recorded
   * accesses call it when replayed, so `chooseSwizzle` can set it after the body is emitted.
   */
  slot: (i: number) => number;
  shifts: SwizzleShifts = DEFAULT_SHIFTS;

  constructor(
    readonly k: WorkgroupKernel,
    capacity: number,
  ) {
    const { pass } = k;
    this.n = pass.n;
    this.perThread = threadValues(pass.n, k.perGroup);
    this.threads = pass.n / this.perThread;
    this.split = k.perGroup * pass.n > vec2ExchangeValues(capacity);
    this.words = this.split ? 1 : 2;
    this.slot = swizzleWith(this.shifts, this.words);
    this.twiddleBlocks = workgroupTwiddleBlocks(stagePasses(pass.n).map((s) => s.radix));
    this.input = ioOf(k, { signal: pass.inSignal, inner: pass.inInner, elem: pass.inElem });
    this.output = ioOf(k, { signal: pass.outSignal, inner: pass.outInner, elem: pass.outElem });
    if (this.split && this.input.mode === 'staged') {
      // fft-plan.ts launches no such pass: split kernels read whole sectors directly.
      throw new RangeError(
        `workgroup FFT: a staged load with split exchanges is not generated (${describe(k)})`,
      );
    }
  }

  /** The prologue's values for lane `lid` of workgroup 0 (the WGSL of `prologue`, in numbers). */
  lane(lid: number, count: number): LaneContext {
    const { pass, perGroup, transformFastest } = this.k;
    const lt = transformFastest ? lid % perGroup : Math.floor(lid / this.threads);
    const j = transformFastest ? Math.floor(lid / perGroup) : lid % this.threads;
    const inGroup = lt < perGroup && j < this.threads;
    const t = lt;
    const signal = Math.floor(t / pass.inner);
    const within = t % pass.inner;
    return {
      lid,
      lt,
      j,
      inGroup,
      live: inGroup && t < count,
      t,
      within,
      inBase: signal * pass.inSignal + within * pass.inInner,
      outBase: signal * pass.outSignal + within * pass.outInner,
      shBase: lt * this.n,
    };
  }

  private prologue(): string[] {
    const { pass, perGroup, transformFastest } = this.k;
    const { threads, n } = this;
    return [
      `let firstT = (wid.x + wid.y * p.groupsX) * ${u(perGroup)};`,
      // Strided passes: neighbouring threads take neighbouring transforms (coalesced reads).
      transformFastest ? `let lt = lid % ${u(perGroup)};` : `let lt = lid / ${u(threads)};`,
      transformFastest ? `let j = lid / ${u(perGroup)};` : `let j = lid % ${u(threads)};`,
      // Every thread reaches every barrier: idle ones just skip memory accesses.
      `let inGroup = lt < ${u(perGroup)} && j < ${u(threads)};`,
      'let t = firstT + lt;',
      'let live = inGroup && t < p.count;',
      `let signal = t / ${u(pass.inner)};`,
      `let within = t % ${u(pass.inner)};`,
      `let inBase = signal * ${u(pass.inSignal)} + within * ${u(pass.inInner)};`,
      `let outBase = signal * ${u(pass.outSignal)} + within * ${u(pass.outInner)};`,
      `let shBase = lt * ${u(n)};`,
      ...Array.from({ length: this.perThread }, (_, i) => `var v${i} = vec2f(0.0);`),
    ];
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

  private record(kind: AccessKind, at: WorkgroupAccess['at']): void {
    const shared = kind === 'shared-read' || kind === 'shared-write';
    this.accesses.push({
      kind,
      stage: this.stage,
      detail: this.detail,
      at,
      words: shared ? this.words : 2,
    });
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
    return `(j + ${u(this.threads * q)})`;
  }

  /** Staged rounds over the group's block: ⌈perGroup·n / 256⌉ coalesced instructions. */
  private rounds(): number {
    return Math.ceil((this.k.perGroup * this.n) / FFT_WORKGROUP);
  }

  /**
   * Copies the group's block between global and workgroup memory in address order: 'load'
   * fills workgroup memory from `src` (the input side), 'store' empties it into `dst` (the
   * output side). Value x of round i is x = lid + 256·i (`stagedValue`).
   *
   * A split kernel stores in halves: each round reads the real halves the registers left into
   * a register of its own (gs{i}), `writeImaginary` puts the imaginary halves in their place,
   * and each round reads those and writes the whole value out. (fft-plan.ts launches split
   * kernels with staged stores only, the four-step second pass with 16 KiB; the constructor
   * refuses a staged load.)
   */
  private stagedCopy(io: StagedIo, direction: 'load' | 'store', writeImaginary?: () => void): void {
    const { pass, perGroup } = this.k;
    const load = direction === 'load';
    const side = load
      ? { signal: pass.inSignal, inner: pass.inInner, elem: pass.inElem }
      : { signal: pass.outSignal, inner: pass.outInner, elem: pass.outElem };
    const size = perGroup * this.n;
    const base = load ? 'inGroupBase' : 'outGroupBase';
    if (load) this.beforeSharedWrite();
    this.line(
      `let ${base} = (firstT / ${u(pass.inner)}) * ${u(side.signal)} + (firstT % ${u(pass.inner)}) * ${u(side.inner)};`,
    );
    const shared = `sh[slot(xt * ${u(this.n)} + xe)]`;
    const global = `${load ? 'src' : 'dst'}[${base} + xAt]`;
    const rounds = Array.from({ length: this.rounds() }, (_, i) => {
      const v = stagedValue(io, side, this.n, i);
      const live = (lid: number, count: number) => {
        const s = v.of(lid);
        return s.x < size && s.lt < count ? s : null;
      };
      const globalAt: WorkgroupAccess['at'] = (l, count) => live(l.lid, count)?.offset ?? null;
      const sharedAt: WorkgroupAccess['at'] = (l, count) => {
        const s = live(l.lid, count);
        return s ? this.slot(s.lt * this.n + s.e) : null;
      };
      const copy = (body: string): void => {
        this.line(
          '{',
          ...v.wgsl.map((l) => `  ${l}`),
          `  if (x < ${u(size)} && firstT + xt < p.count) { ${body}; }`,
          '}',
        );
      };
      return { copy, globalAt, sharedAt, temp: `gs${i}` };
    });
    if (!this.split) {
      for (const r of rounds) {
        r.copy(load ? `${shared} = ${global}` : `${global} = ${shared}`);
        // In program order: the read, then the write.
        if (load) {
          this.record('global-read', r.globalAt);
          this.record('shared-write', r.sharedAt);
        } else {
          this.record('shared-read', r.sharedAt);
          this.record('global-write', r.globalAt);
        }
      }
      if (load) this.afterSharedWrite();
      else this.readPending = true;
      return;
    }
    if (load || !writeImaginary) {
      throw new Error('workgroup FFT: split staging is a store with its imaginary halves');
    }
    this.line(...rounds.map((r) => `var ${r.temp} = vec2f(0.0);`));
    for (const r of rounds) {
      r.copy(`${r.temp}.x = ${shared}`);
      this.record('shared-read', r.sharedAt);
    }
    this.readPending = true;
    writeImaginary();
    for (const r of rounds) {
      r.copy(`${r.temp}.y = ${shared}; ${global} = ${r.temp}`);
      this.record('shared-read', r.sharedAt);
      this.record('global-write', r.globalAt);
    }
    this.readPending = true;
  }

  /** Reads (and twiddles) every butterfly's inputs of a radix-R stage, then its DFTs. */
  read(radix: number, ns: number, from: Where): void {
    const { n, threads } = this;
    const { pass } = this.k;
    if (from === 'global' && this.input.mode === 'staged') {
      const { stage, detail } = this;
      this.stage = 'load';
      this.detail = this.input.m === 1 ? 'rows' : `${this.input.m} transforms side by side`;
      this.stagedCopy(this.input, 'load');
      this.stage = stage;
      this.detail = detail;
      from = 'shared';
    }
    const bOf = (q: number, l: LaneContext): number => l.j + threads * q;
    const eOf = (q: number, r: number, l: LaneContext): number => bOf(q, l) + (r * n) / radix;
    const element = (q: number, r: number): string =>
      `${this.butterfly(q)} + ${u((r * n) / radix)}`;
    if (from === 'shared' && this.split) {
      this.halfExchange(radix, element, eOf);
      for (let q = 0; q < this.perThread / radix; q++) {
        for (let r = 0; r < radix; r++) this.twiddle(radix, ns, q, r);
        this.dft(radix, q);
      }
      return;
    }
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const e = element(q, r);
        if (from === 'global') {
          this.line(`if (live) { ${reg} = src[inBase + (${e}) * ${u(pass.inElem)}]; }`);
          this.record('global-read', (l) =>
            l.live ? l.inBase + eOf(q, r, l) * pass.inElem : null,
          );
        }
        if (from === 'shared') {
          this.line(`if (inGroup) { ${reg} = sh[slot(shBase + ${e})]; }`);
          this.record('shared-read', (l) =>
            l.inGroup ? this.slot(l.shBase + eOf(q, r, l)) : null,
          );
        }
        this.twiddle(radix, ns, q, r);
      }
      this.dft(radix, q);
    }
    if (from === 'shared') this.readPending = true;
  }

  /**
   * A split exchange's reads (`sh` of f32): the real halves the last
   * write left, then the imaginary halves written over them. Each register's imaginary half is
   * still the one it was written from when the second write runs: the first read replaced only
   * the real halves.
   */
  private halfExchange(
    radix: number,
    element: (q: number, r: number) => string,
    eOf: (q: number, r: number, l: LaneContext) => number,
  ): void {
    const writeImaginary = this.pendingImaginary;
    if (!writeImaginary)
      throw new Error('workgroup FFT: a split read with no split write before it');
    this.pendingImaginary = null;
    for (const half of ['x', 'y'] as const) {
      if (half === 'y') writeImaginary();
      for (let q = 0; q < this.perThread / radix; q++) {
        for (let r = 0; r < radix; r++) {
          this.line(
            `if (inGroup) { v${q * radix + r}.${half} = sh[slot(shBase + ${element(q, r)})]; }`,
          );
          this.record('shared-read', (l) =>
            l.inGroup ? this.slot(l.shBase + eOf(q, r, l)) : null,
          );
        }
      }
      this.readPending = true;
    }
  }

  /** Output r of butterfly q, times its stage twiddle (none for r = 0 or the first stage). */
  private twiddle(radix: number, ns: number, q: number, r: number): void {
    if (r === 0 || ns === 1) return;
    const reg = `v${q * radix + r}`;
    const b = this.butterfly(q);
    // twiddles.ts `workgroupTwiddleTable`: this stage's W for output r, indexed by k.
    const at = this.twiddleAt(radix, ns) + (r - 1) * ns;
    this.line(
      `{ let w = tw[${u(at)} + (${b} & ${u(ns - 1)})]; ${reg} = cmul(${reg}, vec2f(w.x, w.y * sg)); }`,
    );
    // The twiddle load is unguarded: every lane makes it.
    this.record('twiddle', (l) => at + ((l.j + this.threads * q) % ns));
  }

  /** The radix-R DFT of butterfly q's registers. */
  private dft(radix: number, q: number): void {
    this.line('{', ...dftLines(radix, (r) => `v${q * radix + r}`).map((l) => `  ${l}`), '}');
  }

  /** Position of output r of butterfly q in a radix-R stage after ns. */
  private outPosition(q: number, radix: number, ns: number, r: number): string {
    const b = this.butterfly(q);
    return `((${b} / ${u(ns)}) * ${u(ns * radix)} + (${b} & ${u(ns - 1)}) + ${u(r * ns)})`;
  }

  private outPositionOf(q: number, radix: number, ns: number, r: number, l: LaneContext): number {
    const b = l.j + this.threads * q;
    return Math.floor(b / ns) * ns * radix + (b % ns) + r * ns;
  }

  write(radix: number, ns: number, to: Exclude<Where, 'registers'>): void {
    const { pass } = this.k;
    if (to === 'shared' && this.split) {
      this.halfWrite(radix, ns, 'x');
      this.pendingImaginary = () => this.halfWrite(radix, ns, 'y');
      return;
    }
    const staged = to === 'global' && this.output.mode === 'staged';
    if (to === 'shared' || staged) this.beforeSharedWrite();
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const reg = `v${q * radix + r}`;
        const k = this.outPosition(q, radix, ns, r);
        const kOf = (l: LaneContext): number => this.outPositionOf(q, radix, ns, r, l);
        if (to === 'shared') {
          this.line(`if (inGroup) { sh[slot(shBase + ${k})] = ${reg}; }`);
          this.record('shared-write', (l) => (l.inGroup ? this.slot(l.shBase + kOf(l)) : null));
          continue;
        }
        const block = fourStepBlock(this.k);
        const twiddleAt =
          block === 1
            ? `within * ${u(this.n)} + k`
            : `(within / ${u(block)}) * ${u(block * this.n)} + k * ${u(block)} + (within & ${u(block - 1)})`;
        const twiddled =
          pass.twiddleN !== 0
            ? [`  let w = twN[${twiddleAt}];`, '  y = cmul(y, vec2f(w.x, w.y * sg));']
            : [];
        // Split: the register keeps the scaled, twiddled value; its imaginary half goes later.
        const put = !staged
          ? [`  dst[outBase + k * ${u(pass.outElem)}] = y;`]
          : this.split
            ? [`  ${reg} = y;`, `  sh[slot(shBase + k)] = ${reg}.x;`]
            : ['  sh[slot(shBase + k)] = y;'];
        this.line(
          `if (${staged ? 'inGroup' : 'live'}) {`,
          `  let k = ${k};`,
          `  var y = ${reg} * p.scale;`,
          ...twiddled,
          ...put,
          '}',
        );
        if (pass.twiddleN !== 0) {
          const guard = (l: LaneContext): boolean => (staged ? l.inGroup : l.live);
          this.record('twiddle', (l) =>
            guard(l) ? fourStepTwiddleIndex(l.within, kOf(l), this.n, block) : null,
          );
        }
        if (staged) {
          this.record('shared-write', (l) => (l.inGroup ? this.slot(l.shBase + kOf(l)) : null));
        } else {
          this.record('global-write', (l) => (l.live ? l.outBase + kOf(l) * pass.outElem : null));
        }
      }
    }
    if (to === 'shared' || staged) this.afterSharedWrite();
    if (staged && this.output.mode === 'staged') {
      const { stage, detail } = this;
      this.stage = 'store';
      this.detail = this.output.m === 1 ? 'rows' : `${this.output.m} transforms side by side`;
      this.stagedCopy(this.output, 'store', () => this.halfWrite(radix, ns, 'y'));
      this.stage = stage;
      this.detail = detail;
    }
  }

  /** One half (real: x, imaginary: y) of every register into a split exchange's f32 `sh`. */
  private halfWrite(radix: number, ns: number, half: 'x' | 'y'): void {
    this.beforeSharedWrite();
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const k = this.outPosition(q, radix, ns, r);
        this.line(`if (inGroup) { sh[slot(shBase + ${k})] = v${q * radix + r}.${half}; }`);
        this.record('shared-write', (l) =>
          l.inGroup ? this.slot(l.shBase + this.outPositionOf(q, radix, ns, r, l)) : null,
        );
      }
    }
    this.afterSharedWrite();
  }

  /**
   * Adds each thread's `sum` over the threads of its transform (a tree with literal strides, so
   * the rounding error grows as log n) and writes the total to sums[sumsBase + t]. Workgroup
   * memory is scratch: (Σ|X|², ΣR|X|²) at slot(a), (Σ(1−R)²|X|², 0) at slot(WG + a), where
   * a = j·perGroup + lt; in a split kernel (f32 `sh`) the three sums at slot(a), slot(WG + a)
   * and slot(2·WG + a).
   */
  reduceSums(): void {
    this.usesSums = true;
    if (this.threads === 1) {
      this.line('if (live) { sums[p.sumsBase + t] = vec4f(sum, 0.0); }');
      return;
    }
    const wg = FFT_WORKGROUP;
    const pg = this.k.perGroup;
    // Thread j of transform lt keeps its partial at j·perGroup + lt: the threads still adding
    // at each level (j < stride) then use one contiguous range, free of bank conflicts.
    const at = (l: LaneContext): number => l.j * pg + l.lt;
    // Rows of scratch: vec2f (Σ|X|², ΣR|X|²) and (Σ(1−R)²|X|², 0), or three f32 rows when `sh`
    // is f32 (a split kernel).
    const rows: [number, string][] = this.split
      ? [
          [0, 'sum.x'],
          [wg, 'sum.y'],
          [2 * wg, 'sum.z'],
        ]
      : [
          [0, 'sum.xy'],
          [wg, 'vec2f(sum.z, 0.0)'],
        ];
    const slotAt = (offset: number, plus = 0): string =>
      offset + plus === 0
        ? 'sh[slot(sumAt)]'
        : offset === 0
          ? `sh[slot(sumAt + ${u(plus)})]`
          : `sh[slot(${u(offset + plus)} + sumAt)]`;
    this.stage = 'sums';
    this.detail = `tree over ${this.threads} threads`;
    this.beforeSharedWrite();
    this.line(
      `let sumAt = j * ${u(pg)} + lt;`,
      ...rows.map(([offset, value]) => `if (inGroup) { ${slotAt(offset)} = ${value}; }`),
    );
    for (const [offset] of rows) {
      this.record('shared-write', (l) => (l.inGroup ? this.slot(offset + at(l)) : null));
    }
    this.afterSharedWrite();
    for (let stride = this.threads / 2; stride >= 1; stride /= 2) {
      this.line(
        `if (inGroup && j < ${u(stride)}) {`,
        ...rows.map(([offset]) => `  ${slotAt(offset)} += ${slotAt(offset, stride * pg)};`),
        '}',
        'workgroupBarrier();',
      );
      const active = (l: LaneContext): boolean => l.inGroup && l.j < stride;
      for (const [offset] of rows) {
        this.record('shared-read', (l) => (active(l) ? this.slot(offset + at(l)) : null));
        this.record('shared-read', (l) =>
          active(l) ? this.slot(offset + at(l) + stride * pg) : null,
        );
        this.record('shared-write', (l) => (active(l) ? this.slot(offset + at(l)) : null));
      }
    }
    const total = this.split
      ? `vec4f(${rows.map(([offset]) => slotAt(offset)).join(', ')}, 0.0)`
      : `vec4f(sh[slot(sumAt)], sh[slot(${u(wg)} + sumAt)].x, 0.0)`;
    this.line(`if (live && j == 0u) { sums[p.sumsBase + t] = ${total}; }`);
    for (const [offset] of rows) {
      this.record('shared-read', (l) => (l.live && l.j === 0 ? this.slot(offset + at(l)) : null));
    }
    this.readPending = true;
  }

  /**
   * Applies the hook to the bins in registers after the last forward stage (ns = n/R). Bin k of
   * transform `within` is the signal's bin within·binInner + k·binElem, at (bin / nx, bin % nx).
   */
  hook(radix: number, code: HookCode, k: SpectralKernel): void {
    const { n } = this;
    if (code.sums) this.line('var sum = vec3f(0.0);');
    for (let q = 0; q < this.perThread / radix; q++) {
      for (let r = 0; r < radix; r++) {
        const bin = `(${this.butterfly(q)} + ${u((r * n) / radix)})`;
        this.line(
          ...code.apply(
            `v${q * radix + r}`,
            `within * ${u(k.binInner)} + ${bin} * ${u(k.binElem)}`,
            k.nx,
          ),
        );
      }
    }
  }

  /**
   * Values of workgroup memory the kernel uses: its group's transforms (exchanges, staging) and
   * the sums' two scratch rows. Declaring no more than that leaves room for more workgroups
   * on a GPU core, and keeps SwiftShader's zero-fill (compiled per element) short.
   */
  private sharedSize(): number {
    const sumsRows = this.split ? 3 : 2;
    return Math.max(this.k.perGroup * this.n, this.usesSums ? sumsRows * FFT_WORKGROUP : 0);
  }

  shader(title: string, hook?: HookCode): string {
    return `// Generated by src/engine/gpu/workgroup-codegen.ts: ${title}.
${header(hook)}
${this.usesShared ? `var<workgroup> sh: array<${this.split ? 'f32' : 'vec2f'}, ${this.sharedSize()}>;\n${swizzleWgslWith(this.shifts, this.words)}\n` : ''}
@compute @workgroup_size(${FFT_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
${[...this.prologue(), ...this.body].map((l) => `  ${l}`).join('\n')}
}
`;
  }
}

function checkKernel(k: WorkgroupKernel, capacity: number): void {
  const { n } = k.pass;
  if (!Number.isInteger(Math.log2(n)) || n < 2 || n > capacity) {
    throw new RangeError(`workgroup FFT n must be a power of two in [2, ${capacity}]; got ${n}`);
  }
  if (!Number.isInteger(Math.log2(k.perGroup)) || k.perGroup * n > capacity) {
    throw new RangeError(
      `workgroup FFT perGroup must be a power of two with perGroup·n ≤ ${capacity}; got ${k.perGroup} × ${n}`,
    );
  }
}

/** A generated kernel: its WGSL and the memory instructions it makes. */
export interface GeneratedKernel {
  code: string;
  accesses: WorkgroupAccess[];
  /** Lane values of the prologue, for the model. */
  lane(lid: number, count: number): LaneContext;
}

/**
 * Picks the kernel's swizzle: the first of SWIZZLE_CANDIDATES (the default first) under which
 * every workgroup-memory instruction, in every warp, takes its ideal wavefronts; the default if
 * none does (the model then shows it). Each instruction's unswizzled elements are replayed once;
 * a candidate only maps them, so the search costs little on the page's thread.
 */
function chooseSwizzle(e: Emitter): void {
  if (!e.usesShared) return;
  const count = e.k.perGroup;
  const identity = (i: number): number => i;
  e.slot = identity;
  const instructions: number[][] = [];
  for (let warp = 0; warp < FFT_WORKGROUP / 32; warp++) {
    const lanes = Array.from({ length: 32 }, (_, i) => e.lane(warp * 32 + i, count));
    for (const a of e.accesses) {
      if (a.kind !== 'shared-read' && a.kind !== 'shared-write') continue;
      const elements = lanes.map((l) => a.at(l, count)).filter((x): x is number => x !== null);
      if (elements.length > 0) instructions.push(elements);
    }
  }
  const shifts = conflictFreeSwizzle(instructions, e.words) ?? DEFAULT_SHIFTS;
  e.shifts = shifts;
  e.slot = swizzleWith(shifts, e.words);
}

/** Emits a kernel's body, then picks its swizzle. */
function generate(k: WorkgroupKernel, capacity: number, build: (e: Emitter) => void): Emitter {
  const e = new Emitter(k, capacity);
  build(e);
  chooseSwizzle(e);
  return e;
}

/** The generated FFT pass and its memory instructions. */
export function workgroupFftKernel(k: WorkgroupKernel, capacity: number): GeneratedKernel {
  checkKernel(k, capacity);
  const radices = stagePasses(k.pass.n).map((s) => s.radix);
  const e = generate(k, capacity, (e) => {
    e.line(`let sg = ${k.sign.toFixed(1)};`);
    let ns = 1;
    radices.forEach((radix, s) => {
      e.stage = `s${s + 1}`;
      e.detail = `radix ${radix}, ns ${ns}`;
      e.line(`// stage ${s + 1}: radix ${radix}, ns = ${ns}`);
      e.read(radix, ns, s === 0 ? 'global' : 'shared');
      e.write(radix, ns, s === radices.length - 1 ? 'global' : 'shared');
      ns *= radix;
    });
  });
  const title =
    `${k.pass.n}-point FFT pass${k.sign < 0 ? ' (inverse)' : ''}, radices ${radices.join('·')}, ` +
    `${e.perThread} values a thread; ${describe(k)}`;
  return { code: e.shader(title), accesses: e.accesses, lane: (l, c) => e.lane(l, c) };
}

export function workgroupFftShader(k: WorkgroupKernel, capacity: number): string {
  return workgroupFftKernel(k, capacity).code;
}

/**
 * The fused spectral pass (fft-plan.ts `fusedWorkgroupProgram`): forward FFT, the hook (with its
 * sums, per transform, at sums[sumsBase + t]: per signal when a transform is the whole signal),
 * inverse FFT, written where it was read.
 */
export function workgroupSpectralKernel(
  k: SpectralKernel,
  capacity: number,
  hook: HookCode,
): GeneratedKernel {
  checkKernel(k, capacity);
  const forward = stagePasses(k.pass.n).map((s) => s.radix);
  const inverse = [...forward].reverse();
  const merged = forward[forward.length - 1] as number;
  const e = generate(k, capacity, (e) => {
    e.line('var sg = 1.0;');
    let ns = 1;
    forward.forEach((radix, s) => {
      const last = s === forward.length - 1;
      e.stage = `fwd s${s + 1}`;
      e.detail = `radix ${radix}, ns ${ns}`;
      e.line(`// forward stage ${s + 1}: radix ${radix}, ns = ${ns}`);
      e.read(radix, ns, s === 0 ? 'global' : 'shared');
      if (!last) e.write(radix, ns, 'shared');
      ns *= radix;
    });
    // The last forward stage left bin b + r·n/R in register r of butterfly b.
    e.line(`// hook '${hook.key}' on the bins in registers`);
    e.hook(merged, hook, k);
    if (hook.sums) e.reduceSums();
    e.line('sg = -1.0;');
    ns = 1;
    inverse.forEach((radix, s) => {
      e.stage = `inv s${s + 1}`;
      e.detail = `radix ${radix}, ns ${ns}`;
      e.line(`// inverse stage ${s + 1}: radix ${radix}, ns = ${ns}`);
      e.read(radix, ns, s === 0 ? 'registers' : 'shared');
      e.write(radix, ns, s === inverse.length - 1 ? 'global' : 'shared');
      ns *= radix;
    });
  });
  const title =
    `${k.pass.n}-point fused spectral pass, hook '${hook.key}' (forward ${forward.join('·')}, ` +
    `inverse ${inverse.join('·')}); ${describe(k)}, bins at ${k.binInner}/${k.binElem} of rows ${k.nx} wide`;
  return {
    code: e.shader(title, hook),
    accesses: e.accesses,
    lane: (l, c) => e.lane(l, c),
  };
}

export function workgroupSpectralShader(
  k: SpectralKernel,
  capacity: number,
  hook: HookCode,
): string {
  return workgroupSpectralKernel(k, capacity, hook).code;
}
