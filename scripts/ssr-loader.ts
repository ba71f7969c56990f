/**
 * Vite's SSR loader for the Node scripts that import the engine: it imports its WGSL as `?raw`,
 * which only Vite resolves, so plain tsx cannot import src/engine/index.ts.
 */
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

/** A Vite server in middleware mode, only for `ssrLoadModule`; close it when done. */
export function ssrLoader(): Promise<ViteDevServer> {
  return createServer({
    configFile: resolve(import.meta.dirname, '../vite.config.ts'),
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
}
