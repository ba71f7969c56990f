/**
 * The self-contained Node benchmark (`npm run bench:bundle` builds it into one .mjs file):
 * the `--node` path of `npm run bench`, with the bench module, its WGSL, PFFFT's WebAssembly
 * and the cuFFT script bundled in, and only the `webgpu` package left to import at run time.
 * The file is also its own CPU FFT worker: a worker thread started on it serves the worker
 * protocol instead of running the benchmark.
 *
 *   node bench.mjs [--quick|--tiny|--full] [--native] [--json FILE]   (--node is implied)
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import * as bench from '../src/bench/index';
import { BENCH_USAGE, parseBenchArgs, UsageError } from './bench-args';
import { printAndSave, runInNode } from './bench-node';
import { serveCpuFftOnParentPort } from './cpu-fft-node-port';
import { pythonNativePeer } from './native-peer';
import nativeScript from './native-peer.py?raw';
import { createNodeFftPool } from './node-pool';

const WORKER_ROLE = 'cpu-fft-worker';

function spawnSelf(): Worker {
  return new Worker(new URL(import.meta.url), { workerData: { role: WORKER_ROLE } });
}

async function main(): Promise<void> {
  // Node is the only runtime here: --node is implied (and accepted, for run.sh's commands).
  const args = parseBenchArgs(['--node', ...process.argv.slice(2)]);
  if (args.help) {
    console.log(`usage: node ${process.argv[1] ?? 'bench.mjs'} ${BENCH_USAGE}`);
    return;
  }
  const started = Date.now();
  const raw = await runInNode(bench, {
    suite: args.suite,
    createPool: () => createNodeFftPool(spawnSelf),
    nativePeer: args.native ? pythonNativePeer({ script: nativeScript }) : null,
  });
  printAndSave(bench, raw, args.json);
  console.log(`Total wall time of the command: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const role: unknown = (workerData as { role?: unknown } | null)?.role;
if (!isMainThread && role === WORKER_ROLE) {
  serveCpuFftOnParentPort();
} else {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      if (e instanceof UsageError) {
        console.error(`${e.message}\nusage: node bench.mjs ${BENCH_USAGE}`);
        process.exit(2);
      }
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
