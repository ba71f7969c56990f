/** The worker script of the scheduler lab's real execution (Node worker threads and browsers). */
import { serveTasks } from '../../parallel/serve';
import { resolventJob } from './job';

export const schedTasks = { resolventJob };
export type SchedTasks = typeof schedTasks;

serveTasks(schedTasks);
