/**
 * Past runs kept in the browser (localStorage, or any Storage), newest first, and the
 * comparison of two runs case by case. Stored runs are untrusted on the way back in: each is
 * parsed by the schema and dropped if it no longer fits.
 */
import { z } from 'zod';
import { formatSize, writeStorage } from '../io/storage-write';
import { BenchRunSchema, type BenchRun, type CaseResult } from './schema';

export const HISTORY_KEY = 'phi-resolvent.bench.history';
export const HISTORY_CAP = 20;
/**
 * The history's budget in localStorage (characters of JSON). Browsers give an origin about 5
 * MiB in all, and the configuration and the planner's wisdom need their share.
 */
export const HISTORY_MAX_CHARS = 4 * 2 ** 20;

export function loadHistory(storage: Pick<Storage, 'getItem'>): BenchRun[] {
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

export interface SaveOutcome {
  /** The history as stored now: `runs` when written, else the history it had before. */
  runs: BenchRun[];
  /** Why the write was refused (names the size), or null when it was written. */
  problem: string | null;
}

/**
 * Writes `runs` as the history, or nothing at all: a write that does not fit is refused whole,
 * so what was stored (`stored`, the history the caller last read or wrote) stays intact rather
 * than losing older runs to make room for a new one.
 */
export function saveHistory(
  storage: Pick<Storage, 'setItem'>,
  runs: readonly BenchRun[],
  stored: readonly BenchRun[],
): SaveOutcome {
  const text = JSON.stringify(runs);
  const refused = writeStorage(storage, HISTORY_KEY, text, HISTORY_MAX_CHARS);
  if (refused === null) return { runs: [...runs], problem: null };
  const largest = runs.reduce((m, r) => Math.max(m, JSON.stringify(r).length), 0);
  return {
    runs: [...stored],
    problem:
      `The benchmark history (${runs.length} runs, the largest ${formatSize(largest)}) was ` +
      `${refused}: the ${stored.length} runs kept before are still there. Export a run as JSON ` +
      'to keep it, or delete older runs to make room.',
  };
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

/** The first case of each key, in order: one pass, so comparing stays linear in the cases. */
function firstByKey(cases: readonly CaseResult[]): Map<string, CaseResult> {
  const byKey = new Map<string, CaseResult>();
  for (const c of cases) {
    const key = caseKey(c);
    if (!byKey.has(key)) byKey.set(key, c);
  }
  return byKey;
}

/**
 * Every case of either run, matched by op, variant, shape and batch, in run a's order then b's.
 * Linear time (hash maps, no search per case): imported runs may hold thousands of cases.
 */
export function compareRuns(a: BenchRun, b: BenchRun): CaseDelta[] {
  const aByKey = firstByKey(a.cases);
  const bByKey = firstByKey(b.cases);
  const onlyInB = [...bByKey].filter(([key]) => !aByKey.has(key));
  const out: CaseDelta[] = [];
  for (const [key, c] of [...aByKey, ...onlyInB]) {
    const ca = aByKey.get(key) ?? null;
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
