/** Node pieces the training CLIs share: the worker pool on worker threads, and file reading. */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createWorkerPool, nodeWorkerScript } from '../src/parallel/pool';
import type { JsonReader } from '../src/train/datasets';
import { createPoolRunner, type TrainTaskRegistry } from '../src/train/pool-runner';
import type { ShardRunner } from '../src/train/runner';

export const readJsonFile: JsonReader = async (url) =>
  JSON.parse(await readFile(url, 'utf8')) as unknown;

/** A runner on `maxWorkers` worker threads, each loading src/train/worker.ts through tsx. */
export function nodeTrainRunner(maxWorkers: number): ShardRunner {
  const worker = new URL('../src/train/worker.ts', import.meta.url).href;
  const pool = createWorkerPool<TrainTaskRegistry>({
    maxWorkers: Math.max(1, maxWorkers),
    ...nodeWorkerScript(worker, import.meta.resolve('tsx/esm/api')),
  });
  return createPoolRunner(pool);
}

export const cores = availableParallelism();

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value, null, 2) + '\n');
}
