/**
 * The results table's rows grouped by what they measure, so a reader opens the group they care
 * about instead of scanning every size of every operation. React-free, for its tests.
 */
import type { CaseResult, Op } from '../../bench/schema';
import { passedVerification } from '../../bench/headline';

export interface GroupSpec {
  id: string;
  label: string;
  ops: readonly Op[];
}

/** Every op in exactly one group (row-groups.test.ts checks it against OPS). */
export const GROUPS: readonly GroupSpec[] = [
  { id: 'fft', label: 'FFT on the GPU (this project)', ops: ['fft'] },
  {
    id: 'cpu',
    label: 'CPU libraries: fft.js, PFFFT',
    ops: ['fftjs', 'fftjs-workers', 'pffft', 'pffft-workers'],
  },
  {
    id: 'gpu-peers',
    label: 'Other GPU FFTs: TensorFlow.js, cuFFT',
    ops: ['tfjs-fft', 'cufft-torch'],
  },
  {
    id: 'pipeline',
    label: 'Resolvent pipeline and reductions',
    ops: ['resolvent-fused', 'resolvent-separate', 'reductions'],
  },
  {
    id: 'operators',
    label: 'Walsh–Hadamard, filter, propagation',
    ops: ['wht', 'filter', 'propagate'],
  },
  {
    id: 'references',
    label: 'Bandwidth references: copy, read-only',
    ops: ['copy', 'read-reduce'],
  },
];

/** The groups that are open before the reader chooses: the project's own FFT. */
export const OPEN_BY_DEFAULT: ReadonlySet<string> = new Set(['fft']);

export interface RowGroup {
  id: string;
  label: string;
  rows: { c: CaseResult; index: number }[];
  failed: number;
  /** The sizes the group covers, as "16 … 1024²"-style text. */
  sizes: string;
}

const groupOfOp = new Map<Op, string>(GROUPS.flatMap((g) => g.ops.map((op) => [op, g.id])));

export function groupOf(op: Op): string {
  return groupOfOp.get(op) ?? 'references';
}

const shapeText = (shape: readonly number[]): string =>
  shape.length === 2 && shape[0] === shape[1] ? `${shape[0]}²` : shape.join('×');

/** Sizes in the order measured: 1D by length, then 2D by points. */
function sizesOf(cases: readonly CaseResult[]): string {
  const shapes = new Map<string, readonly number[]>();
  for (const c of cases) shapes.set(c.shape.join('x'), c.shape);
  const sorted = [...shapes.values()].sort(
    (a, b) => a.length - b.length || a.reduce((x, y) => x * y, 1) - b.reduce((x, y) => x * y, 1),
  );
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return '';
  return sorted.length === 1 ? shapeText(first) : `${shapeText(first)} … ${shapeText(last)}`;
}

/** The non-empty groups in GROUPS order; rows keep the run's order within each. */
export function groupCases(cases: readonly CaseResult[]): RowGroup[] {
  return GROUPS.flatMap((g) => {
    const rows = cases.flatMap((c, index) => (groupOf(c.op) === g.id ? [{ c, index }] : []));
    if (rows.length === 0) return [];
    return [
      {
        id: g.id,
        label: g.label,
        rows,
        failed: rows.filter((r) => !passedVerification(r.c)).length,
        sizes: sizesOf(rows.map((r) => r.c)),
      },
    ];
  });
}

/** "7 rows · 16 … 1024² · all passed" */
export function groupSummary(g: RowGroup): string {
  const n = g.rows.length;
  const verdict =
    g.failed === 0 ? (n === 1 ? 'passed' : 'all passed') : `${g.failed} of ${n} failed`;
  return `${n} ${n === 1 ? 'row' : 'rows'} · ${g.sizes} · ${verdict}`;
}
