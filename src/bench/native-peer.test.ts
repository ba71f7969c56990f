import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPythonPeer } from '../../scripts/native-peer';
import type { CaseContext, RawCase } from './case-context';
import { parseNativeOutput, type NativeOutput } from './native-output';
import { nativeCases, type NativePeer } from './native-peer';
import { References } from './reference';
import { SUITES } from './suite';

const SCRIPT = readFileSync(new URL('../../scripts/native-peer.py', import.meta.url), 'utf8');
const REQUEST = {
  cases: [{ shape: [16], batch: 2 }],
  spans: 3,
  minSpanMs: 1,
  maxRepeats: 10,
  verifyPoints: 64,
};

const measured = {
  shape: [1024],
  batch: 16,
  repeats: 50,
  spansMs: [0.02, 0.01, 0.03],
  maxRelError: 2e-7,
  verifiedSignals: 2,
};

describe('the native peer’s output', () => {
  it('takes the last JSON line, after whatever the libraries printed', () => {
    const out = parseNativeOutput(
      `UserWarning: something\n${JSON.stringify({ available: true, library: 'torch 2.5, CUDA 12.4', device: 'H200', cases: [measured, { shape: [64, 64], batch: 1, error: 'OutOfMemoryError' }] })}\n`,
    );
    expect(out.available && out.cases.length).toBe(2);
  });
  it('reads the absent-PyTorch answer', () => {
    expect(parseNativeOutput('{"available": false, "reason": "no torch"}')).toEqual({
      available: false,
      reason: 'no torch',
    });
  });
  it('names what is wrong with a malformed answer', () => {
    expect(() => parseNativeOutput('no json here')).toThrow(/printed no JSON/);
    expect(() => parseNativeOutput('{"available": true')).toThrow(/bad JSON/);
    const bad = {
      available: true,
      library: 't',
      device: 'd',
      cases: [{ ...measured, spansMs: [] }],
    };
    expect(() => parseNativeOutput(JSON.stringify(bad))).toThrow(/malformed at cases\.0/);
  });
});

function context(): { ctx: CaseContext; recorded: RawCase[] } {
  const recorded: RawCase[] = [];
  const ctx = {
    spec: SUITES.tiny,
    refs: new References(SUITES.tiny.verifyPoints),
    signal: undefined,
    copyBytes: new Set<number>(),
    record: (c: RawCase) => recorded.push(c),
  } as unknown as CaseContext;
  return { ctx, recorded };
}

const peerAnswering = (out: NativeOutput): NativePeer => ({
  label: 'cuFFT via PyTorch',
  run: () => Promise.resolve(out),
});

describe('cases from the native peer', () => {
  it('records one cufft-torch case per measured shape, median and spread from its spans', async () => {
    const { ctx, recorded } = context();
    const out: NativeOutput = {
      available: true,
      library: 'torch 2.5',
      device: 'H200',
      cases: [measured],
    };
    await nativeCases(ctx, peerAnswering(out), [{ shape: [1024], batch: 16 }]);
    expect(recorded).toHaveLength(1);
    const c = recorded[0];
    expect(c?.op).toBe('cufft-torch');
    expect(c?.medianMs).toBe(0.02);
    expect(c?.cv).toBeGreaterThan(0);
    expect(c?.bytes).toBe(2 * 16 * 1024 * 8);
    expect(c?.tolerance).toBeGreaterThan(0);
    expect(c?.note).toMatch(/H200/);
  });
  it('throws the reason when the library is absent, so the step is skipped with it', async () => {
    const { ctx, recorded } = context();
    await expect(
      nativeCases(ctx, peerAnswering({ available: false, reason: 'no torch' }), []),
    ).rejects.toThrow('no torch');
    expect(recorded).toHaveLength(0);
  });
  it('records the shapes that ran and names those that failed', async () => {
    const { ctx, recorded } = context();
    const failed = { shape: [64, 64], batch: 1, error: 'OutOfMemoryError' };
    const out: NativeOutput = {
      available: true,
      library: 't',
      device: 'd',
      cases: [measured, failed],
    };
    await expect(nativeCases(ctx, peerAnswering(out), [])).rejects.toThrow(
      /failed at 64×64 ×1: OutOfMemoryError/,
    );
    expect(recorded).toHaveLength(1);
  });
  it('sends the suite’s span rules with the shapes', async () => {
    const { ctx } = context();
    let sent: unknown = null;
    const peer: NativePeer = {
      label: 'x',
      run: (request) => {
        sent = request;
        return Promise.resolve({ available: false, reason: 'x' });
      },
    };
    await nativeCases(ctx, peer, [{ shape: [64, 64], batch: 3 }]).catch(() => undefined);
    expect(sent).toEqual({
      cases: [{ shape: [64, 64], batch: 3 }],
      spans: SUITES.tiny.spans,
      minSpanMs: SUITES.tiny.minSpanMs,
      maxRepeats: SUITES.tiny.maxRepeats,
      verifyPoints: SUITES.tiny.verifyPoints,
    });
  });
});

describe('python3 and the script', () => {
  it('an interpreter that does not exist means no PyTorch, not a failure', async () => {
    const out = await runPythonPeer(
      { script: SCRIPT, python: 'python3-that-does-not-exist' },
      REQUEST,
    );
    expect(out).toEqual({
      available: false,
      reason: 'python3-that-does-not-exist not found, so no PyTorch',
    });
  });
  it('a script that crashes is an error with its exit status and last words', async () => {
    const script = 'import sys\nsys.stderr.write("Traceback: boom\\n")\nsys.exit(3)';
    await expect(runPythonPeer({ script }, REQUEST)).rejects.toThrow(
      /exit status 3\): Traceback: boom/,
    );
  });
  it('passes the request to the script as its argument', async () => {
    const script =
      'import json, sys\nr = json.loads(sys.argv[1])\n' +
      'print(json.dumps({"available": False, "reason": "shapes %s" % r["cases"][0]["shape"]}))';
    expect(await runPythonPeer({ script }, REQUEST)).toEqual({
      available: false,
      reason: 'shapes [16]',
    });
  });
  it('the real script answers here: absent PyTorch/CUDA in one line, or a verified cuFFT case', async () => {
    const out = await runPythonPeer({ script: SCRIPT }, REQUEST);
    if (!out.available) {
      expect(out.reason).toMatch(/PyTorch/);
      expect(out.reason).not.toContain('\n');
    } else {
      expect(out.cases).toHaveLength(1);
      const c = out.cases[0];
      expect(c && 'maxRelError' in c ? c.maxRelError : 1).toBeLessThan(1e-5);
    }
  });
});
