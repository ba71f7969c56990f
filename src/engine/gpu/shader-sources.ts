/** WGSL sources, one kernel per file in shaders/, bundled as text by Vite (`?raw`). */
import fftStage from '../../../shaders/fft-stage.wgsl?raw';
import fftWorkgroup from '../../../shaders/fft-workgroup.wgsl?raw';
import reduceFlat from '../../../shaders/reduce-flat.wgsl?raw';
import resolvent from '../../../shaders/resolvent.wgsl?raw';

export const SHADERS = { fftStage, fftWorkgroup, reduceFlat, resolvent } as const;
