/**
 * Past runs kept in the browser (localStorage, or any Storage), newest first, and the
 * comparison of two runs case by case. Stored runs are untrusted on the way back in: each is
 * parsed by the schema and dropped if it no longer fits.
 */
import { z } from 'zod';
import { BenchRunSchema, type BenchRun, type CaseResult } from './schema';

export const HISTORY_KEY = 'phi-resolvent.bench.history';
export const HISTORY_CAP = 20;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function loadHistory(storage: KeyValueStore): BenchRun[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]');
  } catch {
    return [];
  }
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return [];
  return list.data.flatMap((r) => {
    const parsed = BenchRunSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds a run in front (replacing one with the same id) and keeps the newest HISTORY_CAP. */
export function addToHistory(runs: readonly BenchRun[], run: BenchRun): BenchRun[] {
  return [run, ...runs.filter((r) => r.id !== run.id)].slice(0, HISTORY_CAP);
}

/** Writes the history; when storage is full, drops the oldest runs until it fits. */
export function saveHistory(storage: KeyValueStore, runs: readonly BenchRun[]): BenchRun[] {
  let kept = [...runs];
  for (;;) {
    try {
      storage.setItem(HISTORY_KEY, JSON.stringify(kept));
      return kept;
    } catch (e) {
      if (kept.length === 0) throw e;
      kept = kept.slice(0, -1);
    }
  }
}

export interface CaseDelta {
  key: string;
  op: CaseResult['op'];
  shape: number[];
  batch: number;
  aMs: number | null;
  bMs: number | null;
  /** a ÷ b: above 1 means run b is faster. null when one side lacks the case. */
  speedup: number | null;
  aError: number | null;
  bError: number | null;
}

export function caseKey(c: Pick<CaseResult, 'op' | 'shape' | 'batch' | 'variant'>): string {
  return `${c.op}${c.variant ? ` [${c.variant}]` : ''} ${c.shape.join('×')} ×${c.batch}`;
}

/** Every case of either run, matched by op, variant, shape and batch, in run a's order then b's. */
export function compareRuns(a: BenchRun, b: BenchRun): CaseDelta[] {
  const bByKey = new Map(b.cases.map((c) => [caseKey(c), c]));
  const seen = new Set<string>();
  const out: CaseDelta[] = [];
  for (const c of [...a.cases, ...b.cases]) {
    const key = caseKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const ca = a.cases.find((x) => caseKey(x) === key) ?? null;
    const cb = bByKey.get(key) ?? null;
    out.push({
      key,
      op: c.op,
      shape: c.shape,
      batch: c.batch,
      aMs: ca?.medianMs ?? null,
      bMs: cb?.medianMs ?? null,
      speedup: ca && cb ? ca.medianMs / cb.medianMs : null,
      aError: ca?.maxRelError ?? null,
      bError: cb?.maxRelError ?? null,
    });
  }
  return out;
}
