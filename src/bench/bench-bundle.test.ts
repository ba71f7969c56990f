/**
 * The self-contained Node bundle (`npm run bench:bundle`): built into a temporary folder, it
 * imports nothing but Node's built-ins and `webgpu`, answers its command line in a folder
 * without node_modules, and serves the CPU FFT worker protocol when started as a worker. The
 * whole benchmark through the bundle (`--tiny`, about a minute on SwiftShader) is
 * scripts/check-bench-bundle.sh.
 */
import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchBundle } from '../../scripts/bench-bundle';
import { createCpuEngine } from '../engine/cpu-engine';
import { uniformSigned } from '../workloads/rng';
import { pffftBinary } from './cpu/pffft-binary';
import type { FromWorker, ToWorker } from './cpu/worker-protocol';
import { fftTolerance, maxRelError } from './verify';

let dir = '';
let bundle = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const built = await buildBenchBundle(join(dir, 'out'));
  // A clean folder: the bundle alone, no node_modules.
  bundle = join(dir, 'bench.mjs');
  copyFileSync(built, bundle);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle in its clean folder: exit status and output. */
const node = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd: dir, timeout: 60_000 },
      (e, stdout, stderr) => resolve({ status: e ? Number(e.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('the Node benchmark bundle', () => {
  it('imports only Node built-ins and webgpu', () => {
    const text = readFileSync(bundle, 'utf8');
    const specifiers = [
      ...text.matchAll(/^import .* from "([^"]+)";$/gm),
      ...text.matchAll(/\bimport\("([^"]+)"\)/g),
    ].map((m) => m[1] as string);
    const builtins = new Set(builtinModules);
    const foreign = specifiers.filter(
      (s) => s !== 'webgpu' && !s.startsWith('node:') && !builtins.has(s),
    );
    expect(foreign).toEqual([]);
    expect(specifiers).toContain('webgpu');
  });

  it(
    'answers --help and refuses an unknown flag with exit status 2, without node_modules',
    {
      timeout: 60_000,
    },
    async () => {
      const [help, bad] = await Promise.all([node('--help'), node('--bogus')]);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/--native/);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/unknown argument --bogus; allowed: --quick/);
    },
  );

  it('serves the fft.js and PFFFT workers from the same file', async () => {
    const n = 64;
    const batch = 3;
    const input = uniformSigned(5, 2 * n * batch);
    const ref = await createCpuEngine().fft(input, { shape: [n], batch });
    const { wasm, simd } = await pffftBinary();
    const w = new Worker(bundle, { workerData: { role: 'cpu-fft-worker' } });
    const ask = (m: ToWorker): Promise<FromWorker> =>
      new Promise((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage(m);
      });
    try {
      for (const kernel of [{ name: 'fftjs' }, { name: 'pffft', wasm, simd }] as const) {
        const data = kernel.name === 'fftjs' ? Float64Array.from(input) : input;
        expect(await ask({ type: 'init', kernel, shape: [n], data })).toEqual({ type: 'ready' });
        expect(await ask({ type: 'run', repeats: 2 })).toEqual({ type: 'done' });
        const out = await ask({ type: 'read' });
        if (out.type !== 'result') throw new Error(JSON.stringify(out));
        expect(maxRelError(out.data, ref.data), kernel.name).toBeLessThan(fftTolerance(n));
      }
    } finally {
      await w.terminate();
    }
  }, 60_000);
});
