/**
 * `npm run bench [-- --quick|--tiny] [--node] [--json FILE]`
 *
 * Runs the benchmark suite of src/bench and prints its table. Default: in headless Chromium
 * (the system browser, WebGPU enabled) on a page served by Vite. `--node`: in this process
 * through the `webgpu` package (Dawn); the suite is loaded through Vite's SSR loader so its
 * WGSL `?raw` imports resolve as in the browser.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { BenchPageGlobals } from '../src/bench/headless/page-globals';
import type { BenchProgress } from '../src/bench/runner';
import type { BenchRun, SuiteName } from '../src/bench/schema';
import { createNodeFftPool } from './node-pool';

interface Args {
  suite: SuiteName;
  node: boolean;
  json: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { suite: 'full', node: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.suite = 'quick';
    else if (a === '--tiny') args.suite = 'tiny';
    else if (a === '--full') args.suite = 'full';
    else if (a === '--node') args.node = true;
    else if (a === '--json') {
      const file = argv[++i];
      if (!file) throw new Error('--json needs a file name');
      args.json = file;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--quick|--tiny|--full] [--node] [--json FILE]');
      process.exit(0);
    } else throw new Error(`unknown argument ${String(a)} (try --help)`);
  }
  return args;
}

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** A Linux machine without a GPU device node gets SwiftShader; one with a GPU keeps its driver. */
function needsSoftwareVulkan(): boolean {
  if (process.platform !== 'linux' || process.env.VK_ICD_FILENAMES) return false;
  const dri = existsSync('/dev/dri') ? readdirSync('/dev/dri') : [];
  const hasGpu = existsSync('/dev/nvidia0') || dri.some((n) => n.startsWith('renderD'));
  return !hasGpu && existsSync(SWIFTSHADER_ICD);
}

function progressPrinter(): (p: BenchProgress) => void {
  const started = Date.now();
  return (p) => {
    const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    const line = `[${String(p.done).padStart(3)}/${p.total}] ${s}s ${p.label}`;
    if (process.stderr.isTTY)
      process.stderr.write(`\r\x1b[K${line}${p.done === p.total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

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

// The `webgpu` instance must stay referenced while its devices live (see WEBGPU-ON-CPU.md).
let keepGpu: unknown = null;

async function runInNode(suite: SuiteName, vite: ViteDevServer): Promise<unknown> {
  if (needsSoftwareVulkan()) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
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
  const mod = (await vite.ssrLoadModule(
    '/src/bench/index.ts',
  )) as typeof import('../src/bench/index');
  const owned = await mod.createHost(
    gpu,
    'node',
    `Node.js ${process.version} (webgpu/Dawn)`,
    createNodeFftPool,
  );
  owned.host.timestampQuantization = 'disabled';
  try {
    return await mod.runSuite(owned.host, suite, { onProgress: progressPrinter() });
  } finally {
    owned.dispose();
  }
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
  const args = parseArgs(process.argv.slice(2));
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
  let run: BenchRun;
  try {
    const raw = args.node
      ? await runInNode(args.suite, vite)
      : await runInChromium(args.suite, port, vite);
    // The bench's modules reach the engine, whose WGSL only Vite's loader can import.
    const mod = (await vite.ssrLoadModule(
      '/src/bench/index.ts',
    )) as typeof import('../src/bench/index');
    // The result crosses a process or page boundary: check it against the schema.
    run = mod.parseBenchRun(JSON.stringify(raw));
    console.log(mod.formatRun(run));
  } finally {
    await vite.close();
  }
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(run, null, 2)}\n`);
    console.log(`JSON written to ${args.json}`);
  }
  console.log(`Total wall time of the command: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  void keepGpu;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
