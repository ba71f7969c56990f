/** WGSL sources, one kernel per file in shaders/, bundled as text by Vite (`?raw`). */
import fftWorkgroup from '../../../shaders/fft-workgroup.wgsl?raw';
import reduceSums from '../../../shaders/reduce-sums.wgsl?raw';
import resolvent from '../../../shaders/resolvent.wgsl?raw';

export const SHADERS = { fftWorkgroup, reduceSums, resolvent } as const;
