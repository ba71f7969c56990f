/**
 * The headless benchmark page. The CLI opens it with `#bench=<suite>`, listens to progress
 * through `window.__benchProgress` (a Playwright binding) and collects `window.__benchResult`.
 */
import '../../security/zod-jitless';
import { createBrowserFftPool } from '../cpu/browser-pool';
import { createHost } from '../host';
import { parseBenchHash } from '../permalink';
import { runSuite } from '../runner';
import type { BenchPageGlobals } from './page-globals';

const status = document.getElementById('status');
const page: BenchPageGlobals = window;

async function main(): Promise<void> {
  const link = parseBenchHash(location.hash) ?? { suite: 'quick', autorun: true };
  if (!('gpu' in navigator)) throw new Error('WebGPU unavailable: navigator.gpu is missing');
  const owned = await createHost(
    navigator.gpu,
    'browser',
    navigator.userAgent,
    createBrowserFftPool,
  );
  try {
    window.__benchResult = await runSuite(owned.host, link.suite, {
      onProgress: (p) => {
        if (status) status.textContent = `[${p.done}/${p.total}] ${p.label}`;
        page.__benchProgress?.(p);
      },
    });
    if (status) status.textContent = 'done';
  } finally {
    owned.dispose();
  }
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (status) status.textContent = window.__benchError;
});
