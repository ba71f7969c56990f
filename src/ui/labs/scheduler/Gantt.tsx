/**
 * A Gantt chart of one schedule: a row per core, a bar per contiguous run coloured by the
 * task's kind, setup time (switch, miss, migration) drawn grey before the run, a red tick on a
 * cache miss, an orange outline on a migrated run, and the failed core's end marked. It draws
 * a simulated schedule or a measured one (real execution, rows named for their executors).
 */
import { memo } from 'react';
import type { RunEntry, ScoredTask } from '../../../sched/types';

/** What the chart needs of a schedule: a simulator's result has it all. */
export interface GanttData {
  policy: string;
  cores: number;
  schedule: readonly RunEntry[];
  metrics: { makespan: number };
}

const KIND_COLORS: Record<string, string> = {
  coherent: '#059669',
  blended: '#d97706',
  noise: '#6b7280',
};
const PALETTE = ['#2563eb', '#7c3aed', '#db2777', '#0891b2', '#65a30d'];
const ROW = 22;
const WIDTH = 1000;
const LEFT = 48;
/** Beyond this many runs the chart draws only the first ones (the DOM would crawl). */
const MAX_RUNS = 4000;

export function kindColor(kind: string | undefined): string {
  if (!kind) return PALETTE[0] ?? '#2563eb';
  const known = KIND_COLORS[kind];
  if (known) return known;
  let h = 0;
  for (const ch of kind) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length] ?? '#2563eb';
}

interface GanttProps {
  result: GanttData;
  tasks: readonly ScoredTask[];
  failure: { core: number; at: number } | null;
  testId: string;
  /** Row names (default "core 0", "core 1", …). */
  coreLabels?: readonly string[];
  /** Time at the right edge (default the makespan): two charts on one scale. */
  span?: number;
  /** Unit of the time axis, e.g. "s". */
  unit?: string;
}

export const Gantt = memo(function Gantt({
  result,
  tasks,
  failure,
  testId,
  coreLabels,
  span,
  unit = '',
}: GanttProps) {
  const kinds = new Map(tasks.map((t) => [t.id, t.kind]));
  const end = Math.max(span ?? result.metrics.makespan, 1e-9);
  const x = (t: number) => LEFT + ((WIDTH - LEFT - 8) * t) / end;
  const height = result.cores * ROW + 24;
  const runs = result.schedule.slice(0, MAX_RUNS);
  return (
    <figure className="sched-gantt" data-testid={testId} data-runs={result.schedule.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${result.policy} schedule`}
      >
        {Array.from({ length: result.cores }, (_, c) => (
          <g key={c}>
            <text x={4} y={c * ROW + 15} fontSize={11} fill="currentColor">
              {coreLabels?.[c] ?? `core ${c}`}
            </text>
            <line
              x1={LEFT}
              x2={WIDTH - 8}
              y1={c * ROW + ROW - 1}
              y2={c * ROW + ROW - 1}
              stroke="#e5e7eb"
            />
          </g>
        ))}
        {runs.map((r, i) => {
          const y = r.core * ROW + 3;
          return (
            <g key={i}>
              {r.overhead > 0 && (
                <rect
                  x={x(r.start - r.overhead)}
                  y={y}
                  width={Math.max(0.5, x(r.start) - x(r.start - r.overhead))}
                  height={ROW - 6}
                  fill="#d1d5db"
                />
              )}
              <rect
                x={x(r.start)}
                y={y}
                width={Math.max(0.5, x(r.end) - x(r.start))}
                height={ROW - 6}
                fill={kindColor(kinds.get(r.task))}
                stroke={r.migrated ? '#ea580c' : 'none'}
                strokeWidth={r.migrated ? 2 : 0}
              >
                <title>
                  {`${r.task} (${kinds.get(r.task) ?? 'no kind'}) on core ${r.core}: ${r.start.toFixed(3)}–${r.end.toFixed(3)}` +
                    `${r.switched ? ', switch' : ''}${r.missed ? ', cache miss' : ''}${r.migrated ? ', migrated' : ''}` +
                    `${r.attempt > 0 ? `, re-run ${r.attempt}` : ''}`}
                </title>
              </rect>
              {r.missed && (
                <rect x={x(r.start - r.overhead)} y={y - 2} width={1.5} height={4} fill="#dc2626" />
              )}
            </g>
          );
        })}
        {failure && failure.core < result.cores && (
          <g data-testid={`${testId}-failure`}>
            <line
              x1={x(failure.at)}
              x2={x(failure.at)}
              y1={failure.core * ROW}
              y2={failure.core * ROW + ROW}
              stroke="#dc2626"
              strokeWidth={3}
            />
            <text x={x(failure.at) + 4} y={failure.core * ROW + 14} fontSize={10} fill="#dc2626">
              failed
            </text>
          </g>
        )}
        <text x={LEFT} y={height - 6} fontSize={10} fill="currentColor">
          0
        </text>
        <text x={WIDTH - 8} y={height - 6} fontSize={10} fill="currentColor" textAnchor="end">
          {end.toFixed(unit === 's' ? 3 : 2)}
          {unit && ` ${unit}`}
        </text>
      </svg>
      {result.schedule.length > MAX_RUNS && (
        <figcaption className="muted">
          first {MAX_RUNS} of {result.schedule.length} runs drawn
        </figcaption>
      )}
    </figure>
  );
});
