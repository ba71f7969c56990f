/**
 * WGSL sources, one kernel per file in shaders/, bundled as text by Vite (`?raw`). The
 * 'stages' kernels are generated per radix instead (stage-codegen.ts).
 */
import fftWorkgroup from '../../../shaders/fft-workgroup.wgsl?raw';
import reduceFlat from '../../../shaders/reduce-flat.wgsl?raw';
import resolvent from '../../../shaders/resolvent.wgsl?raw';

export const SHADERS = { fftWorkgroup, reduceFlat, resolvent } as const;
