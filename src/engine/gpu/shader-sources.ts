/**
 * WGSL sources kept as files in shaders/, bundled as text by Vite (`?raw`), with their uniform
 * struct prepended from its one declaration, and the workgroup sizes their dispatches are
 * counted in (set as each kernel's WORKGROUP_SIZE override). The FFT, hook and WHT kernels are
 * generated instead (stage-codegen.ts, workgroup-codegen.ts, hook-pass-codegen.ts,
 * wht-codegen.ts): their radices, twiddles and hooks are baked in.
 */
import copy from '../../../shaders/copy.wgsl?raw';
import readReduce from '../../../shaders/read-reduce.wgsl?raw';
import reduceFlat from '../../../shaders/reduce-flat.wgsl?raw';
import { uniformLayout } from './uniform-layout';

export const REDUCE_PARAMS = uniformLayout('Params', [
  ['segments', 'u32'],
  ['length', 'u32'],
  ['outLength', 'u32'],
  ['dstBase', 'u32'],
  ['groupsX', 'u32'],
] as const);

export const COPY_PARAMS = uniformLayout('Params', [
  ['count', 'u32', 'vec4s to copy'],
  ['groupsX', 'u32'],
] as const);
export const COPY_WORKGROUP = 256;

export const READ_REDUCE_PARAMS = uniformLayout('Params', [
  ['vec4sPerSignal', 'u32'],
  ['signals', 'u32', 'signals in this dispatch'],
  ['itemsPerThread', 'u32'],
  ['partials', 'u32', 'vec4sPerSignal / itemsPerThread'],
  ['sumsBase', 'u32'],
  ['groupsX', 'u32'],
] as const);
export const READ_REDUCE_WORKGROUP = 256;

export const SHADERS = {
  reduceFlat: `${REDUCE_PARAMS.wgsl}\n${reduceFlat}`,
  copy: `${COPY_PARAMS.wgsl}\n${copy}`,
  readReduce: `${READ_REDUCE_PARAMS.wgsl}\n${readReduce}`,
} as const;
