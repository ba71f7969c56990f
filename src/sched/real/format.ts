/** The real-execution comparison as a Markdown table. */
import type { Calibration, ModeRun } from './execute';

export function formatModeRuns(
  runs: readonly ModeRun[],
  c: Calibration,
  tasks: number,
  work: number,
): string {
  const seq = runs.find((r) => r.mode === 'sequential');
  const lines = [
    `Real execution: ${tasks} tasks (${work.toFixed(1)} units; one unit = ` +
      `${(1000 * c.secondsPerUnit).toFixed(2)} ms of one worker, round trip ` +
      `${(1000 * c.overheadSeconds).toFixed(3)} ms), CPU resolvent jobs on worker threads.`,
    'Speed-up is sequential time ÷ mode time: it does not depend on the per-unit calibration.',
    '',
    '| mode | executors | measured s | predicted s | measured ÷ predicted | speed-up measured | speed-up predicted | re-runs |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const up = (s: number | undefined, own: number) => (s ? (s / own).toFixed(2) : '—');
    lines.push(
      `| ${r.mode} | ${r.executors} | ${r.measuredSeconds.toFixed(3)} | ` +
        `${r.predictedSeconds.toFixed(3)} | ${(r.measuredSeconds / r.predictedSeconds).toFixed(2)} | ` +
        `${up(seq?.measuredSeconds, r.measuredSeconds)} | ${up(seq?.predictedSeconds, r.predictedSeconds)} | ` +
        `${r.reruns} |`,
    );
  }
  return lines.join('\n');
}
