/**
 * A GPU-free model of the memory traffic of the generated FFT kernels (issue 10). It replays the
 * index arithmetic of one warp, the 32 invocations with local_invocation_index 0–31 of
 * workgroup 0, through every memory instruction of each stage, and counts:
 *
 * - 'shared-read' / 'shared-write' (workgroup-codegen.ts `sh[…]`): wavefronts. Each vec2f is two
 *   4-byte words; word w sits in bank w mod 32. An instruction takes as many wavefronts as the
 *   most distinct words that fall in one bank (a lane reading a word another lane reads is a
 *   broadcast, free). Ideal: ⌈distinct words / 32⌉, i.e. 2 per 32 values, 1/16 a value. A split
 *   exchange (f32 `sh`) moves each value as two one-word instructions: 1 wavefront each per 32
 *   values, the same 1/16 a value.
 * - 'global-read' / 'global-write' (`src[…]`, `dst[…]`): distinct 32-byte sectors. Ideal:
 *   ⌈distinct values · 8 / 32⌉, i.e. 8 per 32 values, 1/4 a value.
 * - 'twiddle' (`tw[…]`, `twN[…]`): distinct 128-byte lines (an index into the table the kernel
 *   reads: twiddles.ts `workgroupTwiddleTable` for the 'workgroup' stages). Ideal: ⌈distinct entries · 8 / 128⌉
 *   (many lanes often share a twiddle: that broadcast counts once).
 *
 * Counts are per warp instruction and summed over a stage's instructions, then divided by the
 * values the active lanes moved: units per value. A sector or line touched again by a later
 * instruction is counted again (a cache may absorb it; the model does not say). Only the active
 * lanes count: a kernel's guards (`live`, `inGroup`, `t < count`) are replayed too.
 *
 * The 'workgroup' kernels are replayed from the generator itself: workgroup-codegen.ts records,
 * with every memory instruction it emits, the element each lane touches and the prologue's lane
 * values, so the model counts exactly the WGSL it ships (a test also checks the instruction
 * counts against the WGSL text). The 'stages' kernels (access-model-stages.ts) replay the
 * formulas of stage-codegen.ts. The geometry comes from the same pure planners the engine uses
 * (fft-plan.ts, stage-schedule.ts).
 */
import type { Shape } from '../types';
import {
  asShape,
  MODEL_SIGNALS,
  shapeLabel,
  StageTally,
  warpLanes,
  type AccessRow,
  type ModelOptions,
} from './access-model-core';
import type { SpectralHook } from '../ops/operator';
import { FFT_WORKGROUP, fusedWorkgroupProgram, planFft } from './fft-plan';
import { hookCode } from './spectral-hooks';
import {
  passKernel,
  workgroupFftKernel,
  workgroupKernelKey,
  workgroupSpectralKernel,
  type GeneratedKernel,
  type WorkgroupKernel,
} from './workgroup-codegen';

export {
  formatAccessSummary,
  formatAccessTable,
  isIdeal,
  lines,
  MODEL_SIGNALS,
  sectors,
  wavefronts,
  WARP,
  type AccessKind,
  type AccessRow,
} from './access-model-core';
export {
  fusedStageAccessReport,
  stageAccessReport,
  subgroupStageAccessReport,
} from './access-model-stages';
export type { ModelOptions } from './access-model-core';

/**
 * Generated kernels by their baked values: the model replays one kernel for many warps and
 * batches, and generating one (with its swizzle search) is the costly part.
 */
const generatedCache = new Map<string, GeneratedKernel>();

function cached(key: string, make: () => GeneratedKernel): GeneratedKernel {
  let kernel = generatedCache.get(key);
  if (!kernel) {
    kernel = make();
    generatedCache.set(key, kernel);
  }
  return kernel;
}

function fftKernel(kernel: WorkgroupKernel, capacity: number): GeneratedKernel {
  return cached(`fft ${workgroupKernelKey(kernel)} ${capacity}`, () =>
    workgroupFftKernel(kernel, capacity),
  );
}

/**
 * Tallies a generated kernel's recorded instructions for one warp, a row per stage and kind
 * (in the order they first appear).
 */
function kernelRows(
  kernel: GeneratedKernel,
  label: string,
  prefix: string,
  count: number,
  warp: number,
): AccessRow[] {
  const lanes = warpLanes(warp, FFT_WORKGROUP).map((lid) => kernel.lane(lid, count));
  const stages = new Map<string, { detail: string; tally: StageTally }>();
  for (const access of kernel.accesses) {
    const stage = prefix ? `${prefix} ${access.stage}` : access.stage;
    const entry = stages.get(stage) ?? { detail: access.detail, tally: new StageTally() };
    entry.tally.add(
      access.kind,
      lanes.map((l) => access.at(l, count)),
      access.words,
    );
    stages.set(stage, entry);
  }
  return [...stages].flatMap(([stage, { detail, tally }]) => tally.rows(label, stage, detail));
}

/**
 * The 'workgroup' kernels (`workgroupFftKernel`) of an FFT of `shape` (a length, or [ny, nx]):
 * every pass of `planFft`, launched over `signals` signals as `launchOf` launches it, replayed
 * from the instructions the generator recorded.
 */
export function workgroupAccessReport(
  shape: number | Shape,
  capacity: number,
  { signals = MODEL_SIGNALS, warp = 0 }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  // An inverse runs the same passes with the sign flipped: the same addresses.
  const { passes } = planFft(sh, capacity);
  return passes.flatMap((pass, p) => {
    const kernel = passKernel(pass, signals, capacity);
    const generated = fftKernel(kernel, capacity);
    const count = pass.inner * signals;
    const prefix = passes.length > 1 ? `p${p + 1}` : '';
    return kernelRows(generated, `workgroup ${shapeLabel(sh)}`, prefix, count, warp);
  });
}

/**
 * The 'workgroup' variant's fused spectral program of `shape` (fft-plan.ts
 * `fusedWorkgroupProgram`): the FFT passes before, the fused pass with `hook`, the passes after.
 */
export function fusedAccessReport(
  shape: number | Shape,
  capacity: number,
  hook: SpectralHook = { kind: 'resolvent' },
  { signals = MODEL_SIGNALS, warp = 0 }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const { before, fused, after } = fusedWorkgroupProgram(planFft(sh, capacity));
  const nx = sh[sh.length - 1] as number;
  const label = `fused ${shapeLabel(sh)}`;
  const pass = (kernel: GeneratedKernel, count: number, prefix: string): AccessRow[] =>
    kernelRows(kernel, label, prefix, count, warp);
  const rows: AccessRow[] = [];
  before.forEach((p, i) => {
    const k = fftKernel(passKernel(p, signals, capacity), capacity);
    rows.push(...pass(k, p.inner * signals, `before${i + 1}`));
  });
  const kernel = {
    ...passKernel(fused, signals, capacity),
    binInner: fused.binInner,
    binElem: fused.binElem,
    nx,
  };
  const code = hookCode(hook);
  const spectral = cached(`fused ${code.key} ${workgroupKernelKey(kernel)} ${capacity}`, () =>
    workgroupSpectralKernel(kernel, capacity, code),
  );
  rows.push(...pass(spectral, fused.inner * signals, 'fused'));
  after.forEach((p, i) => {
    const k = fftKernel(passKernel(p, signals, capacity, -1), capacity);
    rows.push(...pass(k, p.inner * signals, `after${i + 1}`));
  });
  return rows;
}
