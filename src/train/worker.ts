/** The training lab's worker script: one task, a shard's local steps (see local-steps.ts). */
import { serveTasks } from '../parallel/serve';
import { runLocalSteps, type ShardInput, type ShardOutput } from './local-steps';

export const trainTasks = {
  trainShard: (input: ShardInput): ShardOutput => runLocalSteps(input),
};
export type TrainTasks = typeof trainTasks;

serveTasks(trainTasks);
