import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspPolicy, securityHeaders } from './csp-policy';

describe('Content-Security-Policy', () => {
  it('allows no inline script or eval, and connects only to the app itself', () => {
    const policy = cspPolicy();
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(policy).not.toMatch(/\s'unsafe-eval'|script-src[^;]*unsafe-inline/);
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/frame-ancestors/);
    expect(cspPolicy({ devNonce: 'abc' })).toMatch(
      /script-src 'self' 'wasm-unsafe-eval' 'nonce-abc'/,
    );
  });

  it('lets the bundled KaTeX fonts load, from files or inlined as data: URLs', () => {
    expect(cspPolicy()).toMatch(/font-src 'self' data:(;|$)/);
  });

  it('public/_headers (production) serves the same headers', () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    for (const [name, value] of Object.entries(securityHeaders())) {
      expect(file).toContain(`  ${name}: ${value}\n`);
    }
  });
});
