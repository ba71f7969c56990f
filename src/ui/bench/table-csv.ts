/**
 * The full results table as CSV, with the numbers at full precision (the table on screen rounds
 * them) and verification in words, for a spreadsheet. The JSON export keeps everything else.
 */
import { passedVerification } from '../../bench/headline';
import type { CaseResult } from '../../bench/schema';

const HEAD = [
  'op',
  'variant',
  'device',
  'shape',
  'batch',
  'median_ms',
  'cv',
  'signals_per_s',
  'gflops',
  'gbps',
  'efficiency',
  'efficiency_spread',
  'dispatches',
  'vs_fftjs',
  'vs_pffft',
  'vs_tfjs',
  'vs_cufft',
  'max_rel_error',
  'tolerance',
  'verification',
  'software',
  'note',
] as const;

const num = (v: number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

/** RFC 4180: quote a field holding a comma, a quote or a line break; double its quotes. */
function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function casesCsv(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => [
    c.op,
    c.variant ?? '',
    c.device,
    c.shape.join('x'),
    String(c.batch),
    num(c.medianMs),
    num(c.cv),
    num(c.signalsPerSec),
    num(c.gflops),
    num(c.gbps),
    num(c.efficiency),
    num(c.efficiencySpread),
    num(c.dispatches),
    num(c.speedupVsFftjs),
    num(c.speedupVsPffft),
    num(c.speedupVsTfjs),
    num(c.speedupVsCufft),
    num(c.maxRelError),
    num(c.tolerance),
    passedVerification(c) ? 'passed' : 'failed',
    String(c.software),
    c.note ?? '',
  ]);
  return [HEAD, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
