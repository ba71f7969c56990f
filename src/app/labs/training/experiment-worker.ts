/**
 * The in-browser regularizer experiment's worker (a module Web Worker bundled by Vite). Its
 * runs are sequential and in-process, as in the CLI, so their wall times do not overlap; the
 * spectral step runs on the float64 CPU filter here, so the arms' times compare the algorithms
 * rather than GPU round trips. The page cancels by terminating the worker: a run's rounds are
 * synchronous, so a message would wait for the whole experiment.
 */
import { runQuickExperiment } from './experiment-job';
import type { FromExperimentWorker, ToExperimentWorker } from './experiment-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these members.
const scope = self as unknown as {
  postMessage(message: FromExperimentWorker): void;
  onmessage: ((e: MessageEvent<ToExperimentWorker>) => void) | null;
};

scope.onmessage = (e) => void runQuickExperiment(e.data.config, (m) => scope.postMessage(m));
