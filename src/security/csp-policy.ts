/**
 * The app's Content-Security-Policy, one definition for every place that serves it: the meta
 * tag of the built index.html, the headers of `vite preview` and the dev server (vite.config.ts)
 * and the production header file (public/_headers, checked against this by a unit test).
 *
 * - script-src 'self': no inline script and no eval; 'wasm-unsafe-eval' lets the benchmark's
 *   PFFFT peer compile its WebAssembly (it allows WebAssembly.compile, not eval).
 * - worker-src 'self' blob:: the CPU FFT pool, the import worker and workerpool's workers.
 * - connect-src 'self': nothing is fetched from elsewhere (the dev server's HMR socket is 'self').
 * - style-src 'unsafe-inline': React and recharts set style attributes, and the dev server
 *   injects <style> tags; styles cannot run code.
 * - font-src data:: the typeset formulas' KaTeX fonts come from the bundle, and Vite inlines
 *   the smallest of them (under its 4 KiB asset limit) as data: URLs; a font cannot run code.
 */

export interface CspOptions {
  /** The dev server's per-session nonce for the inline React Refresh preamble it injects. */
  devNonce?: string;
  /** Directives that only headers honour (frame-ancestors); a meta tag ignores them. */
  header?: boolean;
}

export function cspDirectives(options: CspOptions = {}): string[] {
  const scripts = ["'self'", "'wasm-unsafe-eval'"];
  if (options.devNonce) scripts.push(`'nonce-${options.devNonce}'`);
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (options.header) directives.push("frame-ancestors 'none'");
  return directives;
}

export function cspPolicy(options: CspOptions = {}): string {
  return cspDirectives(options).join('; ');
}

/** Headers served with the app (preview, dev and production). */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': cspPolicy({ ...options, header: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
