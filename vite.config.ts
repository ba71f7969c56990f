import { randomUUID } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspPolicy, securityHeaders } from './src/security/csp-policy.ts';

/** The built index.html carries the policy as a meta tag too (for hosts that add no headers). */
function cspMetaTag(): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The dev server injects one inline script (React Refresh's preamble); Vite marks it with this
// per-start nonce, which only the dev server's policy allows.
const devNonce = randomUUID().replace(/-/g, '');

// One config for the app and both test tiers. GPU tests share one SwiftShader/Dawn
// adapter per file and are CPU-heavy on a 2-core machine, so they run one file at a time.
export default defineConfig(({ command }) => ({
  plugins: [react(), cspMetaTag()],
  ...(command === 'serve' ? { html: { cspNonce: devNonce } } : {}),
  server: { host: '127.0.0.1', port: 5173, headers: securityHeaders({ devNonce }) },
  preview: { host: '127.0.0.1', port: 4173, headers: securityHeaders() },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.gpu.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'gpu',
          include: ['src/**/*.gpu.test.ts'],
          environment: 'node',
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
