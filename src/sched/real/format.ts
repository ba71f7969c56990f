/**
 * Real execution summarized over repeats (median measured makespan and its range, beside the
 * prediction from the median calibration) and printed as a Markdown table.
 */
import { median } from '../../measure/summary';
import type { ScoredTask } from '../types';
import {
  describeExecutors,
  type Calibration,
  type Executor,
  type ExecutorKind,
  type Mode,
  type ModeRun,
} from './execute';

export interface ModeSummary {
  mode: Mode;
  /** "GPU + 2 CPU"; "… (varied)" when repeats chose different executors. */
  executors: string;
  /** Median over repeats, and the fastest and slowest repeat, seconds. */
  measured: number;
  measuredMin: number;
  measuredMax: number;
  /** Median over repeats of the simulator's makespan with that repeat's calibration, seconds. */
  predicted: number;
  /** Median over repeats of measured ÷ predicted (each repeat against its own calibration). */
  ratio: number;
  reruns: number;
}

export interface RealSummary {
  title: string;
  tasks: number;
  work: number;
  repeats: number;
  /** One per kind of executor, medians over repeats. */
  calibrations: { kind: ExecutorKind; secondsPerUnit: number; overheadSeconds: number }[];
  modes: ModeSummary[];
}

export interface RealRepeat {
  calibrations: Calibration[];
  runs: ModeRun[];
}

/** The label most repeats share; marked when some differ. */
function commonLabel(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const [best = '—', n = 0] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return n === labels.length ? best : `${best} (varied)`;
}

export function summarizeRepeats(
  title: string,
  tasks: readonly ScoredTask[],
  executors: readonly Executor[],
  repeats: readonly RealRepeat[],
): RealSummary {
  const modes: ModeSummary[] = [];
  for (const mode of repeats[0]?.runs.map((r) => r.mode) ?? []) {
    const all = repeats.flatMap((r) => r.runs.filter((x) => x.mode === mode));
    const times = all.map((r) => r.measuredSeconds);
    modes.push({
      mode,
      executors: commonLabel(all.map((r) => describeExecutors(r.executors))),
      measured: median(times),
      measuredMin: Math.min(...times),
      measuredMax: Math.max(...times),
      predicted: median(all.map((r) => r.predictedSeconds)),
      ratio: median(all.map((r) => r.measuredSeconds / r.predictedSeconds)),
      reruns: median(all.map((r) => r.reruns)),
    });
  }
  const kinds = [...new Set(executors.map((e) => e.kind))];
  return {
    title,
    tasks: tasks.length,
    work: tasks.reduce((a, t) => a + t.work, 0),
    repeats: repeats.length,
    calibrations: kinds.map((kind) => {
      const i = executors.findIndex((e) => e.kind === kind);
      const of = (k: keyof Calibration) =>
        median(repeats.map((r) => r.calibrations[i]?.[k] ?? NaN));
      return { kind, secondsPerUnit: of('secondsPerUnit'), overheadSeconds: of('overheadSeconds') };
    }),
    modes,
  };
}

const ms = (s: number) => (1000 * s).toFixed(2);

export function formatRealSummary(s: RealSummary): string {
  const rates = s.calibrations
    .map(
      (c) =>
        `${c.kind.toUpperCase()}: ${ms(c.secondsPerUnit)} ms per unit + ${ms(c.overheadSeconds)} ms per job`,
    )
    .join('; ');
  const seq = s.modes.find((m) => m.mode === 'sequential');
  const lines = [
    `Real execution on ${s.title}: ${s.tasks} tasks (${s.work.toFixed(1)} units of 32 resolvent ` +
      `signals of 1024 samples), median of ${s.repeats} repeats [fastest, slowest]. Before each ` +
      `repeat every kind of executor is calibrated alone (medians: ${rates}) and that repeat's ` +
      `prediction uses its own calibration.`,
    '',
    '| mode | executors | measured s | predicted s | measured ÷ predicted | speed-up measured | speed-up predicted | re-runs |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const m of s.modes) {
    const up = (base: number | undefined, own: number) => (base ? (base / own).toFixed(2) : '—');
    lines.push(
      `| ${m.mode} | ${m.executors} | ${m.measured.toFixed(3)} [${m.measuredMin.toFixed(3)}, ` +
        `${m.measuredMax.toFixed(3)}] | ${m.predicted.toFixed(3)} | ` +
        `${m.ratio.toFixed(2)} | ${up(seq?.measured, m.measured)} | ` +
        `${up(seq?.predicted, m.predicted)} | ${m.reruns} |`,
    );
  }
  return lines.join('\n');
}
