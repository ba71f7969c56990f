/**
 * A GPU-free model of the memory traffic of the generated FFT kernels (issue 10). It replays the
 * index arithmetic of one warp, the 32 invocations with local_invocation_index 0–31 of
 * workgroup 0, through every memory instruction of each stage, and counts:
 *
 * - 'shared-read' / 'shared-write' (workgroup-codegen.ts `sh[…]`): wavefronts. Each vec2f is two
 *   4-byte words; word w sits in bank w mod 32. An instruction takes as many wavefronts as the
 *   most distinct words that fall in one bank (a lane reading a word another lane reads is a
 *   broadcast, free). Ideal: ⌈distinct words / 32⌉, i.e. 2 per 32 values, 1/16 a value.
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
 * The index formulas are those of workgroup-codegen.ts (`Emitter.read`, `write`, `outPosition`,
 * the prologue with `transformFastest`, the swizzle of shared-swizzle.ts) and stage-codegen.ts (lanes = 1); the geometry comes
 * from the same pure planners the engine uses (fft-plan.ts, stage-schedule.ts).
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
import {
  FFT_WORKGROUP,
  launchOf,
  planFft,
  stagePasses,
  valuesPerThread,
  type FftPass,
} from './fft-plan';
import { swizzle } from './shared-swizzle';
import { workgroupTwiddleBlocks } from './twiddles';

export {
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
export { stageAccessReport } from './access-model-stages';
export type { ModelOptions } from './access-model-core';

/** One lane of a workgroup-codegen.ts pass: the prologue of `Emitter.shader`. */
function workgroupLane(
  pass: FftPass,
  lid: number,
  perGroup: number,
  fastest: boolean,
  count: number,
) {
  const threads = pass.n / valuesPerThread(pass.n);
  const lt = fastest ? lid % perGroup : Math.floor(lid / threads);
  const j = fastest ? Math.floor(lid / perGroup) : lid % threads;
  const inGroup = lt < perGroup && j < threads;
  const t = lt; // workgroup 0: firstT = 0
  const live = inGroup && t < count;
  const signal = Math.floor(t / pass.inner);
  const within = t % pass.inner;
  return {
    j,
    inGroup,
    live,
    within,
    inBase: signal * pass.inSignal + within * pass.inInner,
    outBase: signal * pass.outSignal + within * pass.outInner,
    shBase: lt * pass.n,
  };
}

/**
 * The 'workgroup' kernels (`workgroupFftShader`) of an FFT of `shape` (a length, or [ny, nx]):
 * every pass of `planFft`, launched over `signals` signals as `launchOf` launches it.
 */
export function workgroupAccessReport(
  shape: number | Shape,
  capacity: number,
  { signals = MODEL_SIGNALS, warp = 0 }: ModelOptions = {},
): AccessRow[] {
  const sh = asShape(shape);
  const { passes } = planFft(sh, capacity);
  const rows: AccessRow[] = [];
  passes.forEach((pass, p) => {
    const { n } = pass;
    const launch = launchOf(pass, signals, capacity);
    const ls = warpLanes(warp, FFT_WORKGROUP).map((lid) =>
      workgroupLane(pass, lid, launch.perGroup, launch.transformFastest, launch.count),
    );
    const perThread = valuesPerThread(n);
    const threads = n / perThread;
    const radices = stagePasses(n).map((s) => s.radix);
    const blocks = workgroupTwiddleBlocks(radices);
    const twiddleAt = (radix: number, ns: number): number =>
      blocks.find((b) => b.radix === radix && b.ns === ns)?.offset ?? Number.NaN;
    let ns = 1;
    radices.forEach((radix, s) => {
      const tally = new StageTally();
      const first = s === 0;
      const last = s === radices.length - 1;
      for (let q = 0; q < perThread / radix; q++) {
        const b = (l: { j: number }): number => l.j + threads * q;
        for (let r = 0; r < radix; r++) {
          const e = (l: { j: number }): number => b(l) + (r * n) / radix;
          if (first)
            tally.add(
              'global-read',
              ls.map((l) => (l.live ? l.inBase + e(l) * pass.inElem : null)),
            );
          else
            tally.add(
              'shared-read',
              ls.map((l) => (l.inGroup ? swizzle(l.shBase + e(l)) : null)),
            );
          // The twiddle load is unguarded: every lane makes it (twiddles.ts block layout).
          if (r > 0 && ns > 1) {
            const at = twiddleAt(radix, ns) + (r - 1) * ns;
            tally.add(
              'twiddle',
              ls.map((l) => at + (b(l) % ns)),
            );
          }
        }
      }
      for (let q = 0; q < perThread / radix; q++) {
        for (let r = 0; r < radix; r++) {
          const k = (l: { j: number }): number => {
            const b = l.j + threads * q;
            return Math.floor(b / ns) * ns * radix + (b % ns) + r * ns;
          };
          if (!last) {
            tally.add(
              'shared-write',
              ls.map((l) => (l.inGroup ? swizzle(l.shBase + k(l)) : null)),
            );
            continue;
          }
          if (pass.twiddleN !== 0) {
            tally.add(
              'twiddle',
              ls.map((l) => (l.live ? k(l) * pass.inner + l.within : null)),
            );
          }
          tally.add(
            'global-write',
            ls.map((l) => (l.live ? l.outBase + k(l) * pass.outElem : null)),
          );
        }
      }
      const stage = passes.length > 1 ? `p${p + 1} s${s + 1}` : `s${s + 1}`;
      rows.push(...tally.rows(`workgroup ${shapeLabel(sh)}`, stage, `radix ${radix}, ns ${ns}`));
      ns *= radix;
    });
  });
  return rows;
}
