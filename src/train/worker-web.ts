/**
 * The training lab's worker script in the browser (Web Workers on workerpool). Each worker
 * makes its own GPU engine for the spectral step, from its own `navigator.gpu`.
 *
 * Why in the worker and not on the main thread's engine between rounds: the spectral step sits
 * inside every local step (`penalty` filters the activations between the forward and backward
 * passes; `smooth` filters the gradients before the update, and Adam's update is nonlinear in
 * them), and a round holds `updateInterval` local steps. Moving the filter out of the worker
 * would either change the algorithm (filter once per round) or cost a round trip to the main
 * thread per step; a device per worker keeps the step where the algorithm has it.
 */
import { serveTasks } from '../parallel/serve';
import { gpuSpectralBackend, spectralBackends, spectralShardTask } from './gpu-spectral';

const backends = spectralBackends((onLost) =>
  gpuSpectralBackend(
    typeof navigator !== 'undefined' && 'gpu' in navigator ? navigator.gpu : undefined,
    onLost,
  ),
);

export const webTrainTasks = { trainShard: spectralShardTask(backends) };

serveTasks(webTrainTasks);
