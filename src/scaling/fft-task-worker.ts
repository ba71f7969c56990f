/** Worker entry of the worker sweep: serves the FFT task through the shared pool (src/parallel). */
import { serveTasks } from '../parallel/serve';
import { fftTasks } from './fft-task';

serveTasks(fftTasks);
