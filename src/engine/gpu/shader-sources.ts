/**
 * WGSL sources, one kernel per file in shaders/, bundled as text by Vite (`?raw`). The
 * FFT kernels are generated instead, per radix (stage-codegen.ts) or per length
 * (workgroup-codegen.ts): their radices and twiddles are baked in.
 */
import reduceFlat from '../../../shaders/reduce-flat.wgsl?raw';
import resolvent from '../../../shaders/resolvent.wgsl?raw';

export const SHADERS = { reduceFlat, resolvent } as const;
