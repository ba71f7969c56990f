/** The CPU FFT worker under Node, loaded through tsx like its parent (see tsx-worker.ts). */
import { serveCpuFftOnParentPort } from './cpu-fft-node-port';

serveCpuFftOnParentPort();
