/** A small, valid run for the unit tests of the schema, the metrics and the history. */
import { finalizeRun } from '../finalize';
import type { RawCase } from '../case-context';
import { SCHEMA_VERSION, type AdapterFingerprint, type BenchRun } from '../schema';

export const SOFTWARE_ADAPTER: AdapterFingerprint = {
  vendor: 'google',
  architecture: 'swiftshader',
  device: '',
  description: 'SwiftShader',
  isFallbackAdapter: true,
  software: true,
  limits: { maxBufferSize: 2 ** 30, maxComputeWorkgroupStorageSize: 16384 },
  features: ['timestamp-query'],
};

/** A discrete GPU: the efficiency targets are judged on it. */
export const GPU_ADAPTER: AdapterFingerprint = {
  ...SOFTWARE_ADAPTER,
  vendor: 'nvidia',
  architecture: 'hopper',
  description: 'NVIDIA H200',
  isFallbackAdapter: false,
  software: false,
  // Workgroup memory for 4096 complex values: the fused resolvent is one pass up to N = 4096.
  limits: { maxBufferSize: 2 ** 30, maxComputeWorkgroupStorageSize: 32768 },
};

const CPU_OPS: ReadonlySet<RawCase['op']> = new Set([
  'fftjs',
  'fftjs-workers',
  'pffft',
  'pffft-workers',
]);

export function rawCase(over: Partial<RawCase> & Pick<RawCase, 'op' | 'medianMs'>): RawCase {
  const shape = over.shape ?? [1024];
  const batch = over.batch ?? 16;
  const cpu = CPU_OPS.has(over.op);
  return {
    device: cpu ? 'cpu' : 'gpu',
    shape,
    batch,
    bytes: 2 * batch * shape.reduce((a, b) => a * b, 1) * 8,
    dispatches: cpu || over.op === 'cufft-torch' ? null : 1,
    maxRelError: 1e-7,
    tolerance: 3.5e-6,
    verifiedSignals: 2,
    repeats: 10,
    spansMs: [over.medianMs, over.medianMs],
    cv: 0,
    method: 'timestamp',
    ...over,
  };
}

/**
 * The cases plus a 1 ms copy at each byte count they move, so that a case of `t` ms has an
 * efficiency of 1 / t.
 */
export function withCopies(cases: readonly RawCase[]): RawCase[] {
  const bytes = [...new Set(cases.map((c) => c.bytes))];
  // rawCase counts 2·batch·N·8 bytes: a copy of N = bytes / 16 points moves `bytes`.
  const copies = bytes.map((b) => rawCase({ op: 'copy', medianMs: 1, shape: [b / 16], batch: 1 }));
  return [...cases, ...copies];
}

/** A run of the given cases as the runner would save it. */
export function runOf(
  adapter: AdapterFingerprint,
  raw: readonly RawCase[],
  id = 'sample',
): BenchRun {
  const { cases, targets } = finalizeRun(adapter, raw);
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    suite: 'quick',
    date: '2026-01-01T00:00:00.000Z',
    runtime: 'browser',
    userAgent: 'test',
    adapter,
    timingMethod: 'timestamp',
    cases,
    crossovers: [],
    skipped: [],
    targets,
    wallMs: 1234,
  };
}

export function sampleRun(scale = 1): BenchRun {
  const raw = [
    rawCase({ op: 'fft', medianMs: 0.5 * scale }),
    rawCase({ op: 'fftjs', medianMs: 5 }),
    rawCase({ op: 'fftjs-workers', medianMs: 2.5 }),
    rawCase({ op: 'tfjs-fft', medianMs: 40, method: 'wall' }),
    rawCase({ op: 'copy', medianMs: 0.1, shape: [16384], batch: 1 }),
    rawCase({ op: 'resolvent-fused', medianMs: 2 * scale, shape: [256, 256], batch: 1 }),
    rawCase({ op: 'resolvent-separate', medianMs: 3, shape: [256, 256], batch: 1 }),
  ];
  return runOf(SOFTWARE_ADAPTER, raw, `sample-${scale}`);
}
