/** Plain-text rendering of a run for the terminal. */
import { EFFICIENCY_TARGETS } from './finalize';
import type { BenchRun, CaseResult, EfficiencyFloor, EfficiencyTargets } from './schema';

const fmt = (v: number | null, digits = 3): string => {
  if (v === null) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(1);
  return v.toPrecision(digits);
};

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** One fused-vs-separate result; equal dispatch counts mean both ran the same passes. */
export function describeFused(f: BenchRun['targets']['fusedSpeedup'][number]): string {
  const same = f.fusedDispatches !== null && f.fusedDispatches === f.separateDispatches;
  return (
    `${f.shape.join('×')}: ${fmt(f.speedup)}×` +
    (f.cv === null || f.cv === undefined ? '' : ` ±${pct(f.cv)}`) +
    ` (${f.fusedDispatches ?? '?'} vs ` +
    `${f.separateDispatches ?? '?'} dispatches${same ? '; not fused on this device' : ''})`
  );
}

// A software adapter's figures are printed, but its times say nothing about a real GPU.
const NOT_JUDGED = 'not judged: software adapter (the targets are for a discrete GPU)';

const verdict = (met: boolean, judged: boolean): string =>
  judged ? (met ? 'met' : 'not met') : NOT_JUDGED;

function describeFloor(f: EfficiencyFloor | null, judged: boolean): string {
  if (!f) return 'not measured';
  const variant = f.variant ? ` [${f.variant}]` : '';
  const sizes = f.sizes === 1 ? '1 size' : `${f.sizes} sizes`;
  const where = `at N = ${f.atN}${variant} over ${sizes}`;
  return `min ${fmt(f.minEfficiency)} ${where} — ${verdict(f.met, judged)}`;
}

function describeFusedVsCopy(list: EfficiencyTargets['fusedVsCopy'], judged: boolean): string {
  if (list.length === 0) return 'not measured';
  const figures = list.map((f) => {
    const disp = f.dispatches === null ? '?' : `${f.dispatches}`;
    const noun = f.dispatches === 1 ? 'dispatch' : 'dispatches';
    return `${f.shape.join('×')}: ${fmt(f.ratio)}× (${disp} ${noun}, ${f.variant ?? '?'})`;
  });
  return `${figures.join(', ')} — ${fusedOutcome(list, judged)}`;
}

/** Sizes that need several dispatches or another variant are shown, but do not count. */
function fusedOutcome(list: EfficiencyTargets['fusedVsCopy'], judged: boolean): string {
  const inScope = list.flatMap((f) => (f.met === null ? [] : [f.met]));
  if (judged && inScope.length === 0) return 'no size in scope';
  return verdict(inScope.length > 0 && inScope.every(Boolean), judged);
}

/** The efficiency targets as label and value, shared by the terminal table and the app. */
export function efficiencyTargetLines(e: EfficiencyTargets): { label: string; value: string }[] {
  const t = EFFICIENCY_TARGETS;
  return [
    {
      label: `FFT efficiency ≥ ${t.smallMin} for N ≤ ${t.smallMaxN}`,
      value: describeFloor(e.small, e.judged),
    },
    {
      label: `FFT efficiency ≥ ${t.largeMin} for ${t.smallMaxN} < N ≤ 2^${Math.log2(t.largeMaxN)}`,
      value: describeFloor(e.large, e.judged),
    },
    {
      label: `fused 1D resolvent ≤ ${t.fusedMaxCopies}× copy (sizes that fit workgroup memory, 'workgroup' variant)`,
      value: describeFusedVsCopy(e.fusedVsCopy, e.judged),
    },
  ];
}

export const TABLE_COLUMNS = [
  'op',
  'shape',
  'batch',
  'median ms',
  'cv',
  'signals/s',
  'GFLOP/s',
  'GB/s',
  'eff',
  'disp',
  'vs fft.js',
  'vs pffft',
  'vs tfjs',
  'vs cuFFT',
  'max rel err',
  'ok',
] as const;

/** Row names that say more than the op's identifier. */
const OP_LABELS: Partial<Record<CaseResult['op'], string>> = { 'cufft-torch': 'cuFFT via PyTorch' };

const ratio = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : `${fmt(v)}×`;

export function caseRow(c: CaseResult): string[] {
  // A software adapter's result is marked on every row, not only in the header; cuFFT runs on
  // CUDA, not on the WebGPU adapter.
  const sw = c.software && c.device === 'gpu' && c.op !== 'cufft-torch';
  return [
    `${OP_LABELS[c.op] ?? c.op}${c.variant ? ` [${c.variant}]` : ''}${sw ? ' (sw)' : ''}`,
    c.shape.join('×'),
    String(c.batch),
    fmt(c.medianMs),
    pct(c.cv),
    fmt(c.signalsPerSec),
    fmt(c.gflops),
    fmt(c.gbps),
    c.efficiency === null ? '–' : pct(c.efficiency),
    c.dispatches === null ? '–' : String(c.dispatches),
    ratio(c.speedupVsFftjs),
    ratio(c.speedupVsPffft),
    ratio(c.speedupVsTfjs),
    ratio(c.speedupVsCufft),
    fmt(c.maxRelError, 2),
    c.maxRelError <= c.tolerance ? 'yes' : 'NO',
  ];
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatRun(run: BenchRun): string {
  const a = run.adapter;
  const out: string[] = [];
  out.push(
    `Adapter: ${a.vendor || '?'} / ${a.architecture || '?'}${a.description ? ` (${a.description})` : ''}` +
      `${a.isFallbackAdapter ? ', fallback adapter' : ''}`,
  );
  if (a.software) {
    out.push(
      'SOFTWARE ADAPTER: every GPU time below measures a CPU emulation of a GPU, not a GPU.',
    );
  }
  out.push(
    `Runtime: ${run.runtime}; suite: ${run.suite}; GPU timing: ${run.timingMethod}` +
      `${run.timestampQuantization === 'disabled' ? ' (timestamp quantization off requested)' : ''}` +
      `; date: ${run.date}`,
  );
  out.push('');
  out.push(table(TABLE_COLUMNS, run.cases.map(caseRow)));
  for (const x of run.crossovers) {
    out.push('');
    out.push(`GPU vs fft.js crossover, ${x.shape.join('×')}:`);
    out.push(
      table(
        ['batch', 'GPU ms', 'GPU round trip ms', 'fft.js ms', 'GPU err'],
        x.points.map((p) => [
          String(p.batch),
          fmt(p.gpuMs),
          fmt(p.gpuRoundTripMs),
          fmt(p.cpuMs),
          fmt(p.maxRelError, 2),
        ]),
      ),
    );
    out.push(
      `GPU faster from batch ${x.batch ?? 'never (in the range measured)'} (kernel time); ` +
        `from batch ${x.batchRoundTrip ?? 'never'} counting upload and readback.`,
    );
  }
  out.push('');
  const t = run.targets;
  out.push(`Target: ≥ 50× TensorFlow.js at N = 1024: ${describeTfjsTarget(run)}`);
  out.push(
    'Target: fused pipeline faster than separate passes: ' +
      (t.fusedSpeedup.length === 0 ? 'not measured' : t.fusedSpeedup.map(describeFused).join(', ')),
  );
  // Runs saved before the efficiency targets existed have no figures for them.
  for (const line of t.efficiency ? efficiencyTargetLines(t.efficiency) : []) {
    out.push(`Target: ${line.label}: ${line.value}`);
  }
  out.push(`Target: ${CUFFT_TARGET.label}: ${describeCufftTarget(run)}`);
  for (const s of run.skipped) out.push(`Skipped ${s.what}: ${s.reason}`);
  out.push(`Wall time: ${(run.wallMs / 1000).toFixed(1)} s`);
  return out.join('\n');
}

/**
 * The TensorFlow.js target in words: the ratio, or why there is none. A peer that failed
 * verification gets no ratio (finalize.ts); the target then says so instead of "not measured".
 */
export function describeTfjsTarget(run: BenchRun): string {
  const ratio = run.targets.tfjsSpeedupAt1024;
  if (ratio !== null) return `${fmt(ratio)}× measured`;
  const failed = run.cases
    .filter((c) => c.op === 'fft' && c.shape.length === 1 && c.shape[0] === 1024)
    .flatMap((c) => (c.note ?? '').split('; '))
    .find((part) => part.startsWith('peer failed accuracy'));
  return failed ? `no ratio: ${failed}` : 'not measured';
}

/** The native target: batched 1D FFT throughput against cuFFT on the same GPU. */
const CUFFT_MAX_N = 4096;
const CUFFT_MIN = 0.8;
export const CUFFT_TARGET = {
  maxN: CUFFT_MAX_N,
  min: CUFFT_MIN,
  label: `batched 1D FFT ≥ ${CUFFT_MIN}× cuFFT throughput for N ≤ ${CUFFT_MAX_N} (same GPU)`,
} as const;

/**
 * The weakest 1D size up to `CUFFT_TARGET.maxN`, each size at its best variant, as a fraction
 * of cuFFT's throughput; or why there is no figure.
 */
export function describeCufftTarget(run: BenchRun): string {
  const best = new Map<number, number>();
  for (const c of run.cases) {
    const n = c.shape.length === 1 ? (c.shape[0] ?? 0) : 0;
    const r = c.speedupVsCufft;
    if (c.op !== 'fft' || n === 0 || n > CUFFT_TARGET.maxN || r === null || r === undefined)
      continue;
    if (!(c.maxRelError <= c.tolerance)) continue;
    best.set(n, Math.max(best.get(n) ?? 0, r));
  }
  const worst = [...best].sort(([, a], [, b]) => a - b)[0];
  if (!worst) {
    return run.cases.some((c) => c.op === 'cufft-torch')
      ? `not measured (no verified 1D size up to ${CUFFT_TARGET.maxN} with both)`
      : 'not measured (needs --native on a machine with PyTorch and CUDA)';
  }
  const [n, r] = worst;
  const sizes = best.size === 1 ? '1 size' : `${best.size} sizes`;
  return `min ${fmt(r)}× at N = ${n} over ${sizes} — ${verdict(r >= CUFFT_TARGET.min, !run.adapter.software)}`;
}
