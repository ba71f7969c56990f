/**
 * `npx tsx scripts/access-table.ts`
 *
 * Prints the GPU-free memory access model (src/engine/gpu/access-model.ts) of the 'workgroup'
 * FFT passes, the 'workgroup' fused spectral programs, the 'stages' kernels (forward, inverse,
 * fused) and the 'subgroups' kernels (32 lanes) as the Markdown
 * tables of the README's "Memory access model" section: a summary line per shape (the worst
 * access of each kernel family, over every warp of the workgroup), then the rows of a few kernels.
 * Imports only pure modules (no WGSL `?raw` files), so plain tsx runs it.
 */
import {
  formatAccessSummary,
  formatAccessTable,
  fusedAccessReport,
  fusedStageAccessReport,
  stageAccessReport,
  subgroupStageAccessReport,
  workgroupAccessReport,
  type AccessRow,
} from '../src/engine/gpu/access-model';
import type { Shape } from '../src/engine/types';

/** Values a workgroup holds with 32 KiB of workgroup memory (fft-plan.ts `workgroupCapacity`). */
const CAPACITY = 8192;
const SHAPES: (number | Shape)[] = [
  16,
  32,
  64,
  256,
  1024,
  4096,
  8192,
  65536,
  1 << 20,
  [64, 64],
  [1024, 2],
  [1024, 1024],
  [2048, 2048],
  [4096, 4096],
];
// 256, 64 and (32 lanes) 128 invocations a workgroup.
const WARPS = { workgroup: 8, stages: 2, subgroups: 4 };

/**
 * Every warp's rows: the summary takes the worst. A report refuses a warp its kernels do not
 * have (a shape without 32-lane stages has 2 warps, not 4): the warps end there.
 */
function allWarps(report: (warp: number) => AccessRow[], warps: number): AccessRow[] {
  const rows: AccessRow[] = [];
  for (let warp = 0; warp < warps; warp++) {
    try {
      rows.push(...report(warp));
    } catch (error) {
      if (warp > 0 && error instanceof RangeError) break;
      throw error;
    }
  }
  return rows;
}

const summary = SHAPES.flatMap((s) => [
  ...allWarps((warp) => workgroupAccessReport(s, CAPACITY, { warp }), WARPS.workgroup),
  ...allWarps(
    (warp) => fusedAccessReport(s, CAPACITY, { kind: 'resolvent' }, { warp }),
    WARPS.workgroup,
  ),
  ...allWarps((warp) => stageAccessReport(s, { warp }), WARPS.stages),
  ...allWarps((warp) => stageAccessReport(s, { warp, inverse: true }), WARPS.stages),
  ...allWarps((warp) => fusedStageAccessReport(s, { warp }), WARPS.stages),
  // A 32-lane subgroup (a GPU's warp): SwiftShader's 4 lanes would hide the stride.
  ...allWarps((warp) => subgroupStageAccessReport(s, 32, { warp }), WARPS.subgroups),
]);
console.log(formatAccessSummary(summary));
console.log();
console.log(
  formatAccessTable([
    ...workgroupAccessReport(16, CAPACITY),
    ...workgroupAccessReport(4096, CAPACITY),
    ...workgroupAccessReport(8192, CAPACITY),
    ...workgroupAccessReport(65536, CAPACITY),
    ...stageAccessReport(1024),
  ]),
);
