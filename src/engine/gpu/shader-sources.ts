/**
 * WGSL sources kept as files in shaders/, bundled as text by Vite (`?raw`), with their uniform
 * struct prepended from its one declaration. The FFT, hook and WHT kernels are generated
 * instead (stage-codegen.ts, workgroup-codegen.ts, hook-pass-codegen.ts, wht-codegen.ts): their
 * radices, twiddles and hooks are baked in.
 */
import reduceFlat from '../../../shaders/reduce-flat.wgsl?raw';
import { uniformLayout } from './uniform-layout';

export const REDUCE_PARAMS = uniformLayout('Params', [
  ['segments', 'u32'],
  ['length', 'u32'],
  ['outLength', 'u32'],
  ['dstBase', 'u32'],
  ['groupsX', 'u32'],
] as const);

export const SHADERS = { reduceFlat: `${REDUCE_PARAMS.wgsl}\n${reduceFlat}` } as const;
