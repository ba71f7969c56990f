/** Pure shaping of the session's metrics for the Training tab's charts. */
import type { BatchMetrics, EpochMetrics } from '../../../train/processor';

export interface TimelineBar {
  slot: number;
  worker: number;
  batch: number;
  start: number;
  ms: number;
  restarted: boolean;
}

export interface TimelineSync {
  batch: number;
  start: number;
  ms: number;
}

/**
 * Rounds laid end to end on a time axis (ms from the first shown round): each slot's compute
 * bar starts with its round; the round's synchronization (send, merge, broadcast) follows the
 * slowest shard.
 */
export function timelineOf(
  batches: readonly BatchMetrics[],
  lastRounds: number,
): { bars: TimelineBar[]; syncs: TimelineSync[]; slots: number; total: number } {
  const byRound = new Map<number, BatchMetrics[]>();
  for (const b of batches) byRound.set(b.batch, [...(byRound.get(b.batch) ?? []), b]);
  const rounds = [...byRound.keys()].sort((a, b) => a - b).slice(-lastRounds);
  const bars: TimelineBar[] = [];
  const syncs: TimelineSync[] = [];
  let t = 0;
  let slots = 0;
  for (const r of rounds) {
    const ms = byRound.get(r) ?? [];
    const slowest = Math.max(0, ...ms.map((m) => m.ms));
    for (const m of ms) {
      bars.push({
        slot: m.slot,
        worker: m.worker,
        batch: r,
        start: t,
        ms: m.ms,
        restarted: m.restarted,
      });
      slots = Math.max(slots, m.slot);
    }
    const sync = ms[0]?.syncMs ?? 0;
    syncs.push({ batch: r, start: t + slowest, ms: sync });
    t += slowest + sync;
  }
  return { bars, syncs, slots, total: t };
}

/**
 * One row per round: each slot's shard figure (`w1`, `w2`, …; the loss or the accuracy of its
 * local steps) and their example-weighted mean (`merged`).
 */
export function roundRows(
  batches: readonly BatchMetrics[],
  key: 'loss' | 'accuracy',
  maxRows: number,
): Record<string, number>[] {
  const rows = new Map<number, { row: Record<string, number>; sum: number; n: number }>();
  for (const b of batches) {
    let r = rows.get(b.batch);
    if (!r) rows.set(b.batch, (r = { row: { batch: b.batch }, sum: 0, n: 0 }));
    r.row[`w${b.slot}`] = b[key];
    r.sum += b[key] * b.examples;
    r.n += b.examples;
  }
  const out = [...rows.values()].map((r) => ({ ...r.row, merged: r.n > 0 ? r.sum / r.n : 0 }));
  // Thin evenly to at most maxRows points so long runs stay cheap to draw.
  const step = Math.max(1, Math.ceil(out.length / maxRows));
  return out.filter((_, i) => i % step === 0 || i === out.length - 1);
}

/**
 * One row per epoch: the merged state's training and validation accuracy, and each worker's
 * local state's validation accuracy (`w1`, `w2`, …) where the run evaluated them.
 */
export function epochRows(epochs: readonly EpochMetrics[]): Record<string, number>[] {
  return epochs.map((e) => {
    const row: Record<string, number> = {
      epoch: e.epoch,
      accuracy: e.accuracy,
      valAccuracy: e.valAccuracy,
    };
    for (const w of e.workers ?? []) row[`w${w.slot}`] = w.valAccuracy;
    return row;
  });
}

const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#9333ea',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#dc2626',
];

export function slotColor(slot: number): string {
  return PALETTE[(slot - 1) % PALETTE.length] ?? '#6b7280';
}
