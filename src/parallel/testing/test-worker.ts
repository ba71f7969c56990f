/** A worker for the pool's own tests: small tasks, one that blocks, one that crashes the worker. */
import { serveTasks } from '../serve';

export const testTasks = {
  sum: (xs: Float64Array) => xs.reduce((a, b) => a + b, 0),
  double: (xs: Float64Array) => xs.map((x) => 2 * x),
  /** Busy for `ms` milliseconds, so a test can kill the worker mid-task. */
  spin: (ms: number) => {
    const end = Date.now() + ms;
    let n = 0;
    while (Date.now() < end) n++;
    return n;
  },
  crash: () => process.exit(3),
};
export type TestTasks = typeof testTasks;

serveTasks(testTasks);
