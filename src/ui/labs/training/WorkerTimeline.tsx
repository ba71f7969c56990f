/** Worker timeline: per slot, each round's compute bar; grey bars are synchronization. */
import type { BatchMetrics } from '../../../train/processor';
import { slotColor, timelineOf } from './chart-data';

const ROW = 18;
const WIDTH = 720;

export function WorkerTimeline({
  batches,
  rounds,
}: {
  batches: readonly BatchMetrics[];
  rounds: number;
}) {
  const t = timelineOf(batches, rounds);
  if (t.bars.length === 0) return <p className="muted">No rounds yet.</p>;
  const x = (ms: number) => (t.total > 0 ? (ms / t.total) * WIDTH : 0);
  const height = (t.slots + 1) * ROW + 4;
  return (
    <svg
      className="train-timeline"
      data-testid="train-timeline"
      viewBox={`0 0 ${WIDTH + 70} ${height}`}
      role="img"
      aria-label={`Worker timeline of the last ${rounds} rounds`}
    >
      {Array.from({ length: t.slots }, (_, i) => (
        <text key={i} x={0} y={(i + 1) * ROW - 5} fontSize={11}>
          worker {i + 1}
        </text>
      ))}
      <text x={0} y={(t.slots + 1) * ROW - 5} fontSize={11}>
        sync
      </text>
      <g transform="translate(70 0)">
        {t.bars.map((b) => (
          <rect
            key={`${b.batch}-${b.slot}`}
            x={x(b.start)}
            y={(b.slot - 1) * ROW + 2}
            width={Math.max(1, x(b.ms))}
            height={ROW - 4}
            fill={slotColor(b.slot)}
            stroke={b.restarted ? '#dc2626' : 'none'}
            strokeWidth={b.restarted ? 2 : 0}
            data-restarted={b.restarted || undefined}
          >
            <title>
              {`round ${b.batch}, slot ${b.slot}, worker ${b.worker}: ${b.ms.toFixed(1)} ms${b.restarted ? ' (restarted, reprocessed)' : ''}`}
            </title>
          </rect>
        ))}
        {t.syncs.map((s) => (
          <rect
            key={`s${s.batch}`}
            x={x(s.start)}
            y={t.slots * ROW + 2}
            width={Math.max(1, x(s.ms))}
            height={ROW - 4}
            fill="#9ca3af"
          >
            <title>{`round ${s.batch}: sync ${s.ms.toFixed(1)} ms`}</title>
          </rect>
        ))}
      </g>
    </svg>
  );
}
