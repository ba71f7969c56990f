/**
 * Which passes an FFT of a given shape takes on the GPU. Pure data, no GPU objects, so the
 * plan can be unit-tested: every pass is one dispatch of a workgroup-codegen.ts kernel.
 *
 * - 1D, n ≤ capacity: one pass, each transform read and written once.
 * - 1D, n > capacity: four-step with n = n1·n2 (both ≤ capacity): n1 column FFTs of length n2
 *   over stride-n1 elements with the W_n^(n1·k2) twiddle applied on output, then n2 contiguous
 *   row FFTs of length n1 written transposed (to k2 + n2·k1). Two passes, no transpose pass.
 * - 2D [ny, nx]: row FFTs, then column FFTs in place (strided), again no transpose pass.
 */
import type { Shape } from '../types';

/** One dispatch: the layout fields of the kernel's Params (see the WGSL for their meaning). */
export interface FftPass {
  n: number;
  /** Transforms per signal. */
  inner: number;
  inSignal: number;
  inInner: number;
  inElem: number;
  outSignal: number;
  outInner: number;
  outElem: number;
  /** 0, or the N of the four-step twiddle W_N^(j·k) applied on output. */
  twiddleN: number;
}

export interface FftProgram {
  /** Complex values per signal. */
  size: number;
  passes: FftPass[];
}

/** Most values a thread of the 'workgroup' kernels holds in registers. */
export const MAX_VALUES_PER_THREAD = 32;

/**
 * Largest FFT length one workgroup holds: 4 bytes a value of workgroup memory, at most 8192
 * (256 threads of 32 values). A kernel over at most half of it exchanges whole vec2f (8 bytes a
 * value); one over more exchanges the real and then the imaginary halves through f32
 * (workgroup-codegen.ts, "split exchanges"). 32 KiB: 8192; 16 KiB: 4096.
 */
export function workgroupCapacity(maxComputeWorkgroupStorageSize: number): number {
  let cap = 2;
  while (
    cap * 2 * 4 <= maxComputeWorkgroupStorageSize &&
    cap * 2 <= FFT_WORKGROUP * MAX_VALUES_PER_THREAD
  ) {
    cap *= 2;
  }
  return cap;
}

/** Values a kernel exchanges as whole vec2f under `capacity`; kernels over more split them. */
export function vec2ExchangeValues(capacity: number): number {
  return capacity / 2;
}

export function planFft(shape: Shape, capacity: number): FftProgram {
  if (shape.length === 2) {
    const [ny, nx] = shape;
    if (ny > capacity || nx > capacity) {
      throw new RangeError(`2D axes must be ≤ ${capacity} on this device; got ${ny}×${nx}`);
    }
    const size = ny * nx;
    return {
      size,
      passes: [
        {
          n: nx,
          inner: ny,
          inSignal: size,
          inInner: nx,
          inElem: 1,
          outSignal: size,
          outInner: nx,
          outElem: 1,
          twiddleN: 0,
        },
        {
          n: ny,
          inner: nx,
          inSignal: size,
          inInner: 1,
          inElem: nx,
          outSignal: size,
          outInner: 1,
          outElem: nx,
          twiddleN: 0,
        },
      ],
    };
  }
  const [n] = shape;
  if (n <= capacity) {
    return {
      size: n,
      passes: [
        {
          n,
          inner: 1,
          inSignal: n,
          inInner: 0,
          inElem: 1,
          outSignal: n,
          outInner: 0,
          outElem: 1,
          twiddleN: 0,
        },
      ],
    };
  }
  // Balanced split keeps both passes' transforms as long as possible within capacity.
  const log2 = Math.log2(n);
  const n1 = 2 ** Math.floor(log2 / 2);
  const n2 = n / n1;
  if (n1 > capacity || n2 > capacity) {
    throw new RangeError(`1D n must be ≤ ${capacity * capacity} on this device; got ${n}`);
  }
  return {
    size: n,
    passes: [
      {
        n: n2,
        inner: n1,
        inSignal: n,
        inInner: 1,
        inElem: n1,
        outSignal: n,
        outInner: 1,
        outElem: n1,
        twiddleN: n,
      },
      {
        n: n1,
        inner: n2,
        inSignal: n,
        inInner: n1,
        inElem: 1,
        outSignal: n,
        outInner: 1,
        outElem: n2,
        twiddleN: 0,
      },
    ],
  };
}

/** The fused spectral pass: its FFT layout plus where its forward bins sit in the signal. */
export interface FusedPass extends FftPass {
  /** Bin k of inner transform `within` is the signal's bin within·binInner + k·binElem. */
  binInner: number;
  binElem: number;
}

/**
 * The 'workgroup' variant's fused spectral pipeline: one pass transforms forward, applies the
 * hook to the bins and transforms back while a transform sits in one workgroup, writing where
 * it read.
 * - 1D within capacity: that is the whole pipeline, one dispatch (scale 1/n in it).
 * - 2D: row FFTs, then the fused pass on the columns, then inverse row FFTs.
 * - 1D four-step: the column pass (twiddled on output), then the fused pass on the rows, which
 *   undoes the twiddle on output (conjugated, as its inverse half runs with sign −1), then the
 *   inverse column pass in place. Three passes over the data instead of five plus a filter.
 */
export function fusedWorkgroupProgram(program: FftProgram): {
  before: FftPass[];
  fused: FusedPass;
  after: FftPass[];
} {
  const [p0, p1] = program.passes as [FftPass, FftPass | undefined];
  const inPlace = (p: FftPass): FftPass => ({
    ...p,
    outSignal: p.inSignal,
    outInner: p.inInner,
    outElem: p.inElem,
  });
  if (!p1) {
    return { before: [], fused: { ...p0, binInner: p0.outInner, binElem: p0.outElem }, after: [] };
  }
  return {
    before: [p0],
    fused: { ...inPlace(p1), twiddleN: p0.twiddleN, binInner: p1.outInner, binElem: p1.outElem },
    after: [{ ...inPlace(p0), twiddleN: 0 }],
  };
}

/**
 * Threads per FFT workgroup. Each holds 16 values (or a whole shorter transform), 32 where a
 * kernel's transforms need more (`threadValues`); workgroup-codegen.ts keeps them in registers
 * between stages.
 */
export const FFT_WORKGROUP = 256;

/** Values one thread of the 'workgroup' kernels holds by default: 16, or a shorter transform. */
export function valuesPerThread(n: number): number {
  return Math.min(16, n);
}

/**
 * Values one thread holds in a kernel of perGroup transforms of n: 16 (or n), more when the
 * group's values outnumber 16 per thread (n = 8192; long columns packed four side by side).
 */
export function threadValues(n: number, perGroup: number): number {
  return Math.max(valuesPerThread(n), (perGroup * n) / FFT_WORKGROUP);
}

/** vec2f values per 32-byte global-memory sector: a warp covers whole sectors in runs of 4. */
export const SECTOR_VALUES = 32 / 8;

/** Launch geometry of one pass over `signals` signals. */
export interface PassLaunch {
  count: number;
  perGroup: number;
  groups: number;
  /** Neighbouring threads take neighbouring transforms: coalesced reads on strided passes. */
  transformFastest: boolean;
}

export function launchOf(pass: FftPass, signals: number, capacity: number): PassLaunch {
  const count = pass.inner * signals;
  // As many transforms as workgroup memory holds as whole vec2f, and no more than the threads
  // can take: a transform shorter than 16 values still needs a whole thread. Only a transform
  // over half the capacity (one a workgroup) needs split exchanges.
  const threadsPerTransform = pass.n / valuesPerThread(pass.n);
  const whole = Math.floor(vec2ExchangeValues(capacity) / pass.n);
  let perGroup = Math.max(1, Math.min(whole, FFT_WORKGROUP / threadsPerTransform));
  const fits = Math.floor(capacity / pass.n);
  const strided = (pass.inElem !== 1 || pass.outElem !== 1) && pass.inner >= SECTOR_VALUES;
  if (strided && perGroup < SECTOR_VALUES && fits > perGroup) {
    // Strided columns, or rows stored transposed (the four-step second pass), too long for 4
    // side by side in whole vec2f at 16 values a thread (2048 points with 32 KiB, 1024 with
    // 16 KiB): up to 32 a thread and split exchanges, so a warp covers whole sectors.
    const most = (FFT_WORKGROUP * MAX_VALUES_PER_THREAD) / pass.n;
    perGroup = Math.max(perGroup, Math.min(fits, most, SECTOR_VALUES));
  }
  while (perGroup > 1 && perGroup / 2 >= count) perGroup /= 2;
  return {
    count,
    perGroup,
    groups: Math.ceil(count / perGroup),
    transformFastest: pass.inElem !== 1 && perGroup > 1,
  };
}

/** Splits a workgroup count into an x·y grid within maxComputeWorkgroupsPerDimension. */
export function grid(groups: number, maxPerDimension: number): [number, number] {
  if (groups <= maxPerDimension) return [groups, 1];
  const y = Math.ceil(groups / maxPerDimension);
  return [Math.ceil(groups / y), y];
}

/** One global-memory Stockham pass: `radix` values per invocation, `lanes` invocations a butterfly. */
export interface StagePass {
  radix: number;
  lanes: number;
}

/**
 * Passes of the global-memory Stockham stages (stage-codegen.ts) for an axis of n points.
 * Fewer passes move fewer bytes, so each takes the largest butterfly it can: `maxRadix` (16)
 * values per invocation, times `maxLanes` invocations of a subgroup sharing one butterfly
 * ('subgroups' variant; 1 for 'stages'). What remains after the full passes takes one smaller
 * pass. `maxRadix` 2 gives the textbook radix-2 plan, one pass per stage (stage-capture.ts).
 */
export function stagePasses(n: number, maxLanes = 1, maxRadix = 16): StagePass[] {
  const passes: StagePass[] = [];
  const full = maxRadix * maxLanes;
  let rest = n;
  while (rest >= full) {
    passes.push({ radix: maxRadix, lanes: maxLanes });
    rest /= full;
  }
  if (rest > maxRadix) passes.push({ radix: maxRadix, lanes: rest / maxRadix });
  else if (rest > 1) passes.push({ radix: rest, lanes: 1 });
  return passes;
}
