/**
 * What a 'workgroup' kernel is before its WGSL is written (workgroup-codegen.ts writes it): the
 * pass, transforms per workgroup and lane order (fft-plan.ts `launchOf`), how each side moves
 * between global memory and registers (directly, or staged through workgroup memory in address
 * order), the addresses of a staged block, the four-step twiddle block a warp reads, and the
 * pipeline key of every value baked in.
 */
import { u32 as u } from './dft-codegen';
import { FFT_WORKGROUP, launchOf, SECTOR_VALUES, threadValues, type FftPass } from './fft-plan';

/** A pass as it is generated: its layout, its launch, its direction. */
export interface WorkgroupKernel {
  pass: FftPass;
  /** Transforms per workgroup (fft-plan.ts `launchOf`). */
  perGroup: number;
  /** Neighbouring threads take neighbouring transforms (strided passes). */
  transformFastest: boolean;
  /** +1 forward, −1 inverse (the FFT pass; the fused pass runs both). */
  sign: 1 | -1;
}

/** The kernel of `pass` as `launchOf` launches it over `signals` signals. */
export function passKernel(
  pass: FftPass,
  signals: number,
  capacity: number,
  sign: 1 | -1 = 1,
): WorkgroupKernel {
  const launch = launchOf(pass, signals, capacity);
  return { pass, perGroup: launch.perGroup, transformFastest: launch.transformFastest, sign };
}

/**
 * The block of the four-step twiddle table a kernel reads (twiddles.ts `fourStepTwiddleIndex`):
 * as many transforms as a warp's lanes span. Strided passes: min(perGroup, inner), the lanes run
 * across transforms. Otherwise the lanes run along k, n/16 threads a transform, so a warp spans
 * 32·16/n transforms (1 from n = 512 up).
 */
export function fourStepBlock(k: WorkgroupKernel): number {
  const { n, inner } = k.pass;
  if (k.transformFastest) return Math.min(k.perGroup, inner);
  const threads = n / threadValues(n, k.perGroup);
  return Math.max(1, Math.min(inner, k.perGroup, 32 / threads));
}

/** The fused pass: a kernel whose bins sit at within·binInner + k·binElem of a signal nx wide. */
export interface SpectralKernel extends WorkgroupKernel {
  binInner: number;
  binElem: number;
  nx: number;
}

/** One side (input or output) of a pass's layout. */
export interface Side {
  signal: number;
  inner: number;
  elem: number;
}

/**
 * How a side moves between global memory and registers.
 * - direct: each thread its own values (full sectors already).
 * - staged: through workgroup memory, 256 threads over the workgroup's perGroup·n values in
 *   address order: value x is element e = (x / m) mod n of transform lt = (x / m / n)·m + x mod m,
 *   at groupBase + (x / m / n)·groupStride + (x mod m)·side.inner + e·side.elem. m = 1 for rows
 *   (transforms one after another), m = min(perGroup, inner) for columns (m neighbouring
 *   transforms side by side).
 */
export type Io = { mode: 'direct' } | { mode: 'staged'; m: number; groupStride: number };
export type StagedIo = Extract<Io, { mode: 'staged' }>;

export function ioOf(k: WorkgroupKernel, side: Side): Io {
  const { n, inner } = k.pass;
  const pg = k.perGroup;
  const threads = n / threadValues(n, pg);
  if (k.transformFastest) {
    if (side.inner === 1 && Math.min(pg, inner) >= SECTOR_VALUES) return { mode: 'direct' };
  } else if (side.elem === 1 && (threads >= SECTOR_VALUES || pg === 1)) {
    // One transform a workgroup: its few threads read neighbouring values, all there is.
    return { mode: 'direct' };
  }
  if (side.elem === 1) {
    // Rows: the group's transforms must follow one another, inside a signal or across whole ones.
    const contiguous =
      inner === 1
        ? side.signal === n
        : side.inner === n && (pg <= inner || side.signal === inner * n);
    if (contiguous) return { mode: 'staged', m: 1, groupStride: n };
  } else if (side.inner === 1) {
    const m = Math.min(pg, inner);
    // Runs of m neighbouring transforms fill sectors; fewer fill them only as whole signals.
    if (m >= SECTOR_VALUES || (side.elem === m && side.signal === m * n)) {
      return { mode: 'staged', m, groupStride: side.signal };
    }
  }
  return { mode: 'direct' };
}

/**
 * Value x = lid + 256·i of a staged block of transforms of n: its transform in the group and
 * element, and its offset from the group's first element (Io's formula), in WGSL and in numbers.
 */
export function stagedValue(
  io: StagedIo,
  side: Side,
  n: number,
  i: number,
): {
  wgsl: string[];
  of(lid: number): { x: number; lt: number; e: number; offset: number };
} {
  const { m, groupStride } = io;
  const x = `lid + ${u(FFT_WORKGROUP * i)}`;
  const wgsl =
    m === 1
      ? [`let x = ${x};`, `let xt = x / ${u(n)};`, `let xe = x % ${u(n)};`]
      : [
          `let x = ${x};`,
          `let xw = x % ${u(m)};`,
          `let xg = x / ${u(m * n)};`,
          `let xt = xg * ${u(m)} + xw;`,
          `let xe = (x / ${u(m)}) % ${u(n)};`,
        ];
  wgsl.push(
    m === 1
      ? `let xAt = xt * ${u(groupStride)} + xe;`
      : `let xAt = xg * ${u(groupStride)} + xw * ${u(side.inner)} + xe * ${u(side.elem)};`,
  );
  return {
    wgsl,
    of: (lid) => {
      const xv = lid + FFT_WORKGROUP * i;
      if (m === 1) {
        const lt = Math.floor(xv / n);
        const e = xv % n;
        return { x: xv, lt, e, offset: lt * groupStride + e };
      }
      const w = xv % m;
      const g = Math.floor(xv / (m * n));
      const e = Math.floor(xv / m) % n;
      return {
        x: xv,
        lt: g * m + w,
        e,
        offset: g * groupStride + w * side.inner + e * side.elem,
      };
    },
  };
}

/** What a kernel does: its layout and launch, for titles and errors. */
export function describe(k: WorkgroupKernel): string {
  const { pass } = k;
  return (
    `in ${pass.inSignal}/${pass.inInner}/${pass.inElem}, out ${pass.outSignal}/${pass.outInner}/${pass.outElem}, ` +
    `×${pass.inner} a signal, ${k.perGroup} a workgroup${k.transformFastest ? ' side by side' : ''}` +
    (pass.twiddleN ? `, twiddled by W_${pass.twiddleN}` : '')
  );
}

/** The pipeline key of a kernel: every value baked into its WGSL. */
export function workgroupKernelKey(k: WorkgroupKernel | SpectralKernel): string {
  const p = k.pass;
  const base = [
    p.n,
    p.inner,
    p.inSignal,
    p.inInner,
    p.inElem,
    p.outSignal,
    p.outInner,
    p.outElem,
    p.twiddleN,
    k.perGroup,
    k.transformFastest ? 'tf' : 'tj',
    k.sign,
  ];
  if ('binInner' in k) base.push(k.binInner, k.binElem, k.nx);
  return base.join(',');
}
