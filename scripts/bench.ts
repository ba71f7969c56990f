/**
 * `npm run bench [-- --quick|--tiny] [--node] [--native] [--json FILE]`
 *
 * Runs the benchmark suite of src/bench and prints its table. Default: in headless Chromium
 * (the system browser, WebGPU enabled) on a page served by Vite. `--node`: in this process
 * through the `webgpu` package (Dawn); the suite is loaded through Vite's SSR loader so its
 * WGSL `?raw` imports resolve as in the browser. `--native` (with `--node`): cuFFT through
 * PyTorch as a peer row, when `python3` has PyTorch with CUDA.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { BenchPageGlobals } from '../src/bench/headless/page-globals';
import type { SuiteName } from '../src/bench/schema';
import { BENCH_USAGE, parseBenchArgs, UsageError } from './bench-args';
import { printAndSave, progressPrinter, runInNode, type BenchModule } from './bench-node';
import { pythonNativePeer } from './native-peer';
import { createNodeFftPool } from './node-pool';
import { spawnTsxFftWorker } from './tsx-worker';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createNetServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function runInChromium(
  suite: SuiteName,
  port: number,
  vite: ViteDevServer,
): Promise<unknown> {
  await vite.listen();
  const { chromium } = await import('@playwright/test');
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--enable-unsafe-webgpu',
      // Unquantized timestamps; a browser that lacks either toggle ignores it.
      '--enable-dawn-features=allow_unsafe_apis',
      '--disable-dawn-features=timestamp_quantization',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.exposeFunction('__benchProgress', progressPrinter());
    await page.goto(`http://127.0.0.1:${port}/src/bench/headless/page.html#bench=${suite}&autorun`);
    // Runs in the page, where these globals are declared (page-globals.ts).
    const done = (): boolean => {
      const w: BenchPageGlobals = window;
      return w.__benchResult !== undefined || w.__benchError !== undefined;
    };
    // A crashed or closed page would otherwise leave the wait hanging forever.
    const crashed = new Promise<never>((_, reject) => {
      page.on('crash', () => reject(new Error('the benchmark page crashed')));
      page.on('close', () => reject(new Error('the benchmark page closed')));
    });
    // Closing the browser below closes the page too; that late rejection is expected.
    crashed.catch(() => undefined);
    await Promise.race([page.waitForFunction(done, null, { timeout: 0, polling: 500 }), crashed]);
    const error = await page.evaluate(() => window.__benchError ?? null);
    if (error) throw new Error(`benchmark page: ${error}`);
    const result = await page.evaluate(() => window.__benchResult);
    // The page cannot see the browser's flags: say here what was asked for above.
    return typeof result === 'object' && result !== null
      ? { ...result, timestampQuantization: 'disabled' }
      : result;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(`usage: npm run bench -- ${BENCH_USAGE}`);
    return;
  }
  const started = Date.now();
  const port = args.node ? 0 : await freePort();
  const vite = await createServer({
    configFile: resolve(import.meta.dirname, '../vite.config.ts'),
    logLevel: 'warn',
    server: args.node
      ? { middlewareMode: true, hmr: false, ws: false }
      : { host: '127.0.0.1', port, strictPort: true, hmr: false, ws: false },
    appType: args.node ? 'custom' : 'mpa',
  });
  try {
    // The bench's modules reach the engine, whose WGSL only Vite's loader can import.
    const mod = (await vite.ssrLoadModule('/src/bench/index.ts')) as BenchModule;
    const raw = args.node
      ? await runInNode(mod, {
          suite: args.suite,
          createPool: () => createNodeFftPool(spawnTsxFftWorker),
          nativePeer: args.native
            ? pythonNativePeer({
                script: readFileSync(new URL('./native-peer.py', import.meta.url), 'utf8'),
              })
            : null,
        })
      : await runInChromium(args.suite, port, vite);
    printAndSave(mod, raw, args.json);
  } finally {
    await vite.close();
  }
  console.log(`Total wall time of the command: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\nusage: npm run bench -- ${BENCH_USAGE}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
