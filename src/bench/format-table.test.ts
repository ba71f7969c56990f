import { describe, expect, it } from 'vitest';
import { describeTfjsTarget, formatRun } from './format-table';
import type { AdapterFingerprint } from './schema';
import {
  GPU_ADAPTER,
  SOFTWARE_ADAPTER,
  rawCase,
  runOf,
  sampleRun,
  withCopies,
} from './testing/sample-run';

/** A run whose efficiency targets have figures in every range (1 ms copies; see withCopies). */
function targetsRun(adapter: AdapterFingerprint) {
  const fft = (n: number, ms: number, variant: 'workgroup' | 'stages', batch = 4) =>
    rawCase({ op: 'fft', shape: [n], batch, medianMs: ms, variant });
  const fused = (n: number, ms: number, dispatches: number, variant: 'workgroup' | 'stages') =>
    rawCase({ op: 'resolvent-fused', shape: [n], batch: 2, medianMs: ms, dispatches, variant });
  return runOf(
    adapter,
    withCopies([
      fft(256, 1 / 0.9, 'workgroup'),
      fft(2048, 1 / 0.41, 'stages'),
      fft(2048, 1 / 0.3, 'workgroup', 8),
      fft(65536, 1 / 0.5, 'stages'),
      fused(4096, 9.9, 9, 'stages'),
      fused(1024, 1.2, 1, 'workgroup'),
    ]),
  );
}

const targetLines = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('Target: FFT eff') || l.startsWith('Target: fused 1D'));

describe('efficiency target lines', () => {
  it('judge a discrete GPU run, range by range', () => {
    expect(targetLines(formatRun(targetsRun(GPU_ADAPTER)))).toEqual([
      'Target: FFT efficiency ≥ 0.85 for N ≤ 4096: min 0.410 at N = 2048 [stages] over 2 sizes — not met',
      'Target: FFT efficiency ≥ 0.5 for 4096 < N ≤ 2^20: min 0.500 at N = 65536 [stages] over 1 size — met',
      "Target: fused 1D resolvent ≤ 1.2× copy (sizes that fit workgroup memory, 'workgroup' variant): " +
        '4096: 9.90× (9 dispatches, stages), 1024: 1.20× (1 dispatch, workgroup) — met',
    ]);
  });
  it('say when no fused size ran as one workgroup dispatch', () => {
    const run = runOf(
      GPU_ADAPTER,
      withCopies([
        rawCase({
          op: 'resolvent-fused',
          shape: [4096],
          medianMs: 9.9,
          dispatches: 9,
          variant: 'stages',
        }),
      ]),
    );
    expect(targetLines(formatRun(run))).toContain(
      "Target: fused 1D resolvent ≤ 1.2× copy (sizes that fit workgroup memory, 'workgroup' variant): " +
        '4096: 9.90× (9 dispatches, stages) — no size in scope',
    );
  });
  it('say plainly that a software adapter is not judged, and still show its figures', () => {
    const lines = targetLines(formatRun(targetsRun(SOFTWARE_ADAPTER)));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatch(
        / — not judged: software adapter \(the targets are for a discrete GPU\)$/,
      );
    }
    expect(lines[0]).toContain('min 0.410 at N = 2048 [stages]');
    expect(lines[2]).toContain('1024: 1.20× (1 dispatch, workgroup)');
  });
  it('are left out for a run saved before these targets existed', () => {
    const older = sampleRun();
    delete older.targets.efficiency;
    expect(targetLines(formatRun(older))).toEqual([]);
    expect(formatRun(older)).toContain('Target: fused pipeline faster than separate passes');
  });
});

describe('the TensorFlow.js target', () => {
  const fft = rawCase({ op: 'fft', shape: [1024], batch: 4, medianMs: 1 });
  const peer = (maxRelError: number) =>
    rawCase({ op: 'tfjs-fft', shape: [1024], batch: 4, medianMs: 100, maxRelError });

  it('gives the ratio against a peer that passed verification', () => {
    expect(describeTfjsTarget(runOf(SOFTWARE_ADAPTER, [fft, peer(1e-7)]))).toBe('100× measured');
  });

  it('says why there is no ratio when the peer failed accuracy, and "not measured" without it', () => {
    const failed = describeTfjsTarget(runOf(SOFTWARE_ADAPTER, [fft, peer(2e-4)]));
    expect(failed).toMatch(/^no ratio: peer failed accuracy: 2\.00e-4 \(tolerance 3\.50e-6\)$/);
    expect(describeTfjsTarget(runOf(SOFTWARE_ADAPTER, [fft]))).toBe('not measured');
  });
});
