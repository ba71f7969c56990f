/**
 * The few numbers a person reads first: at N = 1024, the copy bandwidth (the memory's floor),
 * this project's FFT throughput, its efficiency against that floor, and its speed-up over the
 * fastest CPU library that passed verification, each with the spread the run recorded, and one
 * sentence saying what they mean. Pure: the app's headline and its tests use it alike.
 */
import type { BenchRun, CaseResult, Op } from './schema';

/** The 1D FFT length the headline is about: a common size that every suite measures. */
export const HEADLINE_N = 1024;

/**
 * A figure and its spread as a coefficient of variation (std / mean). `spreadOf` says where the
 * spread comes from, so the reader knows what the ± means; null spread: the run recorded none.
 */
export interface Figure {
  value: number;
  spread: number | null;
  spreadOf: string;
}

export interface FailedPeer {
  label: string;
  /** The recorded failure, e.g. "peer failed accuracy: 1.00e-4 (tolerance 3.50e-6)". */
  error: string;
}

export interface Headline {
  n: number;
  software: boolean;
  /** The case the figures come from (the fastest verified FFT at N), or null. */
  fft: CaseResult | null;
  copyGbps: Figure | null;
  gflops: Figure | null;
  efficiency: Figure | null;
  cpuSpeedup: (Figure & { peer: string }) | null;
  /** Peers at N that failed verification: named, with their error, and given no ratio. */
  failedPeers: FailedPeer[];
  verdict: string;
}

/** The libraries this project is compared with, in words. */
export const PEER_LABELS: Partial<Record<Op, string>> = {
  fftjs: 'fft.js on one thread',
  'fftjs-workers': 'fft.js on workers',
  pffft: 'PFFFT on one thread',
  'pffft-workers': 'PFFFT on workers',
  'tfjs-fft': 'TensorFlow.js WebGPU',
  'cufft-torch': 'cuFFT via PyTorch',
};

const CPU_PEERS: ReadonlySet<Op> = new Set(['fftjs', 'fftjs-workers', 'pffft', 'pffft-workers']);

export const passedVerification = (c: CaseResult): boolean => c.maxRelError <= c.tolerance;

const atN = (c: CaseResult, n: number): boolean => c.shape.length === 1 && c.shape[0] === n;

const perSignalMs = (c: CaseResult): number => c.medianMs / c.batch;

/** Compact number: three significant digits, no exponent for everyday magnitudes. */
export function formatFigure(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return v.toPrecision(3);
}

/** "4.2× faster than" or "3.1× slower than": a ratio below 1 reads badly as "0.32× faster". */
function speedWords(ratio: number): string {
  return ratio >= 1
    ? `${formatFigure(ratio)}× faster than`
    : `${formatFigure(1 / ratio)}× slower than`;
}

function efficiencyWords(e: number): string {
  if (e >= 0.85) return 'close to the memory-bandwidth limit';
  if (e >= 0.5) return 'within 2× of the memory-bandwidth limit';
  return 'well below the memory-bandwidth limit';
}

function verdictOf(h: Omit<Headline, 'verdict'>, run: BenchRun): string {
  if (!h.fft) {
    return (
      `This run has no FFT of N = ${h.n} that passed verification, so there is no headline ` +
      'figure; the table below lists what was measured.'
    );
  }
  const parts: string[] = [];
  if (h.efficiency) {
    parts.push(
      `reached ${(h.efficiency.value * 100).toFixed(0)}% of the copy bandwidth` +
        (h.software ? '' : ` (${efficiencyWords(h.efficiency.value)})`),
    );
  }
  if (h.cpuSpeedup) {
    parts.push(
      `ran ${speedWords(h.cpuSpeedup.value)} the fastest CPU library (${h.cpuSpeedup.peer})`,
    );
  } else {
    parts.push('had no CPU library that passed verification to compare with');
  }
  const what = `the FFT of N = ${h.n} ${parts.join(' and ')}`;
  if (h.software) {
    const name = run.adapter.description || run.adapter.architecture || 'a software adapter';
    return (
      `These numbers measure a CPU emulating a GPU (${name}), not a GPU: on it ${what}, which ` +
      'says how this machine runs GPU code in software, not how any real GPU would do.'
    );
  }
  return `On this GPU ${what}.`;
}

/** Combined spread of a ratio of two independent timings: √(cv₁² + cv₂²), to first order. */
const ratioSpread = (a: number, b: number): number => Math.sqrt(a * a + b * b);

export function headlineOf(run: BenchRun, n = HEADLINE_N): Headline {
  const fft =
    run.cases
      .filter((c) => c.op === 'fft' && atN(c, n) && passedVerification(c))
      .sort((a, b) => perSignalMs(a) - perSignalMs(b))[0] ?? null;
  const copy = fft ? run.cases.find((c) => c.op === 'copy' && c.bytes === fft.bytes) : undefined;

  const peersAtN = run.cases.filter((c) => CPU_PEERS.has(c.op) && atN(c, n));
  const failedPeers: FailedPeer[] = peersAtN
    .filter((c) => !passedVerification(c))
    .map((c) => ({
      label: PEER_LABELS[c.op] ?? c.op,
      error:
        `peer failed accuracy: ${c.maxRelError.toExponential(2)} ` +
        `(tolerance ${c.tolerance.toExponential(2)})`,
    }));
  // GPU peers (TensorFlow.js, cuFFT) that failed leave their error in the FFT case's note.
  for (const c of run.cases.filter((x) => x.op === 'fft' && atN(x, n))) {
    for (const part of (c.note ?? '').split('; ')) {
      const at = part.indexOf('peer failed accuracy');
      if (at < 0) continue;
      const label = part.startsWith('cuFFT') ? 'cuFFT via PyTorch' : 'TensorFlow.js WebGPU';
      if (!failedPeers.some((f) => f.label === label)) {
        failedPeers.push({ label, error: part.slice(at) });
      }
    }
  }

  const bestPeer = peersAtN
    .filter(passedVerification)
    .sort((a, b) => perSignalMs(a) - perSignalMs(b))[0];

  const partial: Omit<Headline, 'verdict'> = {
    n,
    software: run.adapter.software,
    fft,
    copyGbps: copy
      ? { value: copy.gbps, spread: copy.cv, spreadOf: 'copy times over spans' }
      : null,
    gflops:
      fft && fft.gflops !== null
        ? { value: fft.gflops, spread: fft.cv, spreadOf: 'FFT times over spans' }
        : null,
    efficiency:
      fft && fft.efficiency !== null
        ? {
            value: fft.efficiency,
            spread: fft.efficiencySpread ?? null,
            spreadOf: 'copy ÷ FFT ratios of span pairs timed in alternation',
          }
        : null,
    cpuSpeedup:
      fft && bestPeer
        ? {
            value: perSignalMs(bestPeer) / perSignalMs(fft),
            spread: ratioSpread(bestPeer.cv, fft.cv),
            spreadOf: 'both timings’ spreads combined (√(cv₁² + cv₂²))',
            peer: PEER_LABELS[bestPeer.op] ?? bestPeer.op,
          }
        : null,
    failedPeers,
  };
  return { ...partial, verdict: verdictOf(partial, run) };
}
