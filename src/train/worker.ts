/**
 * The training lab's worker script in Node (worker threads, the CLI): one task, a shard's local
 * steps (see local-steps.ts), with the spectral step on the float64 CPU filter. The browser's
 * workers load worker-web.ts, which adds the GPU engine.
 */
import { serveTasks } from '../parallel/serve';
import { runLocalSteps, type ShardInput, type ShardOutput } from './local-steps';

export const trainTasks = {
  trainShard: (input: ShardInput): Promise<ShardOutput> => runLocalSteps(input),
};
export type TrainTasks = typeof trainTasks;

serveTasks(trainTasks);
