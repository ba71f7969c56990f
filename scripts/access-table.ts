/**
 * `npx tsx scripts/access-table.ts`
 *
 * Prints the GPU-free memory access model (src/engine/gpu/access-model.ts) of the 'workgroup'
 * and 'stages' kernels as the Markdown table of the README's "Memory access model" section.
 * Imports only pure modules (no WGSL `?raw` files), so plain tsx runs it.
 */
import {
  formatAccessTable,
  stageAccessReport,
  workgroupAccessReport,
} from '../src/engine/gpu/access-model';
import type { Shape } from '../src/engine/types';

const CAPACITY = 4096;
const SHAPES: (number | Shape)[] = [16, 256, 1024, 4096, [64, 64]];

console.log(
  formatAccessTable([
    ...SHAPES.flatMap((s) => workgroupAccessReport(s, CAPACITY)),
    ...SHAPES.flatMap((s) => stageAccessReport(s)),
  ]),
);
