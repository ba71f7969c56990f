/**
 * The benchmark in this Node process through the `webgpu` package (Dawn). Shared by
 * `npm run bench -- --node` (the bench module loaded through Vite's SSR loader) and the
 * self-contained bundle (the bench module bundled in), which pass it the module they have.
 */
import { writeFileSync } from 'node:fs';
import type { FftWorkerPool } from '../src/bench/cpu/worker-pool';
import type { NativePeer } from '../src/bench/native-peer';
import type { BenchProgress } from '../src/bench/runner';
import type { SuiteName } from '../src/bench/schema';
import { selectSoftwareVulkanIfNoGpu } from './software-vulkan';

export type BenchModule = typeof import('../src/bench/index');

export function progressPrinter(): (p: BenchProgress) => void {
  const started = Date.now();
  return (p) => {
    const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    const line = `[${String(p.done).padStart(3)}/${p.total}] ${s}s ${p.label}`;
    if (process.stderr.isTTY)
      process.stderr.write(`\r\x1b[K${line}${p.done === p.total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

// The `webgpu` instance must stay referenced while its devices live (see WEBGPU-ON-CPU.md).
let keepGpu: unknown = null;

export interface NodeRunOptions {
  suite: SuiteName;
  createPool: () => FftWorkerPool;
  nativePeer: NativePeer | null;
}

export async function runInNode(mod: BenchModule, options: NodeRunOptions): Promise<unknown> {
  selectSoftwareVulkanIfNoGpu();
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  // Dawn rounds timestamps to coarse steps unless its timestamp_quantization toggle is off.
  const gpu = create(['disable-dawn-features=timestamp_quantization']);
  keepGpu = gpu;
  // TensorFlow.js's WebGPU backend looks for navigator.gpu; Node 20 has no navigator.
  if (!('navigator' in globalThis) || !globalThis.navigator) {
    Object.defineProperty(globalThis, 'navigator', {
      value: { gpu, userAgent: `Node.js ${process.version}` },
      configurable: true,
    });
  }
  const owned = await mod.createHost(
    gpu,
    'node',
    `Node.js ${process.version} (webgpu/Dawn)`,
    options.createPool,
  );
  owned.host.timestampQuantization = 'disabled';
  owned.host.nativePeer = options.nativePeer;
  try {
    return await mod.runSuite(owned.host, options.suite, { onProgress: progressPrinter() });
  } finally {
    owned.dispose();
    void keepGpu;
  }
}

/**
 * Checks the run against the schema (it crossed a process or page boundary), prints its table
 * and writes the JSON when asked.
 */
export function printAndSave(mod: BenchModule, raw: unknown, json: string | null): void {
  const run = mod.parseBenchRun(JSON.stringify(raw));
  console.log(mod.formatRun(run));
  if (json) {
    writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
    console.log(`JSON written to ${json}`);
  }
}
