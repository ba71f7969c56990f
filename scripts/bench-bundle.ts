/**
 * `npm run bench:bundle [-- --out DIR]`: builds the headless Node benchmark into one ESM file,
 * DIR/bench.mjs (default dist/bench-node/), that runs with `node` alone: every dependency is
 * bundled except the `webgpu` package (Dawn's native addon), which must sit in a node_modules
 * beside or above it. Vite builds it in SSR mode, so the WGSL `?raw` imports and PFFFT's
 * inlined WebAssembly resolve as in the app; dynamic imports (TensorFlow.js, PFFFT's glue) are
 * inlined so the folder holds nothing else. ../shared/device/prepare.sh packs it for a GPU
 * machine.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export const BUNDLE_FILE = 'bench.mjs';

export async function buildBenchBundle(outDir: string): Promise<string> {
  const root = resolve(import.meta.dirname, '..');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    ssr: { noExternal: true, external: ['webgpu'], target: 'node' },
    build: {
      ssr: resolve(root, 'scripts/bench-bundle-entry.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['webgpu'],
        output: { format: 'es', entryFileNames: BUNDLE_FILE, codeSplitting: false },
      },
    },
  });
  return resolve(outDir, BUNDLE_FILE);
}

function parseOut(argv: readonly string[]): string {
  if (argv.length === 0) return resolve(import.meta.dirname, '../dist/bench-node');
  if (argv[0] === '--out' && argv[1] && argv.length === 2) return resolve(argv[1]);
  console.error(`unknown arguments ${argv.join(' ')}; allowed: --out DIR`);
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const started = Date.now();
  buildBenchBundle(parseOut(process.argv.slice(2))).then(
    (file) => {
      const mib = (statSync(file).size / 2 ** 20).toFixed(1);
      const s = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`wrote ${file} (${mib} MiB) in ${s} s; run: node ${file} --quick`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
