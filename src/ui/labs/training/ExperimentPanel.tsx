/**
 * The claim experiment in the browser: a quick run of `npm run experiment -- regularizer` in a
 * worker (progress, cancel), then the CLI's table (median ratio to `none` with bootstrap 95%
 * intervals, permutation p-values, FLOPs, verdicts), the intervals drawn, and the verdict line.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { browserExperimentPort } from '../../../app/labs/training/experiment-browser';
import { createExperimentLab } from '../../../app/labs/training/experiment-session';
import type { ArmComparison } from '../../../train/experiment/compare';
import { ARMS, REGULARIZER_TASKS } from '../../../train/experiment/regularizer';
import type { RegularizerKind } from '../../../train/local-steps';
import { CiPlot } from './CiPlot';
import { NumberField } from './NumberField';

const ci = (i: { estimate: number; lo: number; hi: number }) =>
  `${i.estimate.toFixed(2)} [${i.lo.toFixed(2)}, ${i.hi.toFixed(2)}]`;

function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const next = on ? [...list, item] : list.filter((x) => x !== item);
  return order.filter((x) => next.includes(x));
}

function ResultsTable({ rows }: { rows: readonly ArmComparison[] }) {
  return (
    <table className="train-results" data-testid="experiment-table">
      <thead>
        <tr>
          <th>task</th>
          <th>arm</th>
          <th>reached</th>
          <th>median steps</th>
          <th>steps ratio [95% CI]</th>
          <th>p</th>
          <th>time ratio [95% CI]</th>
          <th>p</th>
          <th>median MFLOP</th>
          <th>FLOP ratio [95% CI]</th>
          <th>verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.task}-${r.arm}`} data-arm={r.arm} data-verdict={r.verdict}>
            <td>{r.task}</td>
            <td>{r.arm}</td>
            <td>
              {r.reached}/{r.runs}
            </td>
            <td>{r.medianSteps.toFixed(0)}</td>
            <td>{ci(r.stepsRatio)}</td>
            <td>{r.stepsP.toFixed(3)}</td>
            <td>{ci(r.timeRatio)}</td>
            <td>{r.timeP.toFixed(3)}</td>
            <td>{(r.medianFlops / 1e6).toFixed(2)}</td>
            <td>{ci(r.flopsRatio)}</td>
            <td>{r.verdict}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExperimentPanel() {
  const lab = useMemo(() => createExperimentLab(browserExperimentPort), []);
  useEffect(() => () => lab.dispose(), [lab]);
  const s = useStore(lab.store);
  const c = s.config;
  const running = s.running;
  const canStart = c.tasks.length > 0 && c.arms.includes('none') && c.arms.length > 1;
  return (
    <section className="train-experiment" data-testid="experiment">
      <h3>The claim, measured: a quick regularizer experiment</h3>
      <p className="muted">
        The documents claim &ldquo;15–30% reduction in training energy and faster
        convergence&rdquo;. A browser cannot measure energy, so this reads wall time and FLOPs to
        the task&apos;s target validation accuracy. Every arm gets the same tuning budget (four
        settings on the tuning seeds), then runs on the same evaluation seeds; ratios are paired per
        seed against <code>none</code>. This is <code>npm run experiment -- regularizer</code> with
        fewer seeds and a smaller budget, in a worker (CPU spectral step).
      </p>
      <div className="train-controls">
        <span>tasks:</span>
        {REGULARIZER_TASKS.map((t) => (
          <label key={t.name}>
            <input
              type="checkbox"
              data-testid={`experiment-task-${t.name}`}
              checked={c.tasks.includes(t.name)}
              disabled={running}
              onChange={(e) =>
                lab.setConfig({
                  tasks: toggle(
                    c.tasks,
                    t.name,
                    e.target.checked,
                    REGULARIZER_TASKS.map((x) => x.name),
                  ),
                })
              }
            />{' '}
            {t.name} (target {t.target})
          </label>
        ))}
      </div>
      <div className="train-controls">
        <span>arms:</span>
        {ARMS.map((a) => (
          <label key={a}>
            <input
              type="checkbox"
              data-testid={`experiment-arm-${a}`}
              checked={c.arms.includes(a)}
              disabled={running || a === 'none'}
              onChange={(e) =>
                lab.setConfig({ arms: toggle<RegularizerKind>(c.arms, a, e.target.checked, ARMS) })
              }
            />{' '}
            {a}
          </label>
        ))}
        <NumberField
          id="exp-seeds"
          label="seeds"
          value={c.seeds}
          min={2}
          max={50}
          integer
          disabled={running}
          onChange={(seeds) => lab.setConfig({ seeds })}
        />
        <NumberField
          id="exp-tuning-seeds"
          label="tuning seeds"
          value={c.tuningSeeds}
          min={1}
          max={10}
          integer
          disabled={running}
          onChange={(tuningSeeds) => lab.setConfig({ tuningSeeds })}
        />
        <NumberField
          id="exp-budget"
          label="budget ×"
          value={c.budget}
          min={0.01}
          max={10}
          disabled={running}
          onChange={(budget) => lab.setConfig({ budget })}
        />
        {running ? (
          <button type="button" data-testid="experiment-cancel" onClick={() => lab.cancel()}>
            cancel
          </button>
        ) : (
          <button
            type="button"
            data-testid="experiment-start"
            disabled={!canStart}
            onClick={() => void lab.start()}
          >
            run experiment
          </button>
        )}
        <progress data-testid="experiment-progress" max={Math.max(1, s.total)} value={s.done} />
        <span data-testid="experiment-status" data-done={s.done} data-total={s.total}>
          {running
            ? `run ${s.done} of ${s.total || '…'}`
            : s.cancelled
              ? `cancelled after ${s.done} of ${s.total} runs`
              : s.error
                ? 'failed'
                : s.rows
                  ? `done: ${s.done} runs in ${((s.ms ?? 0) / 1000).toFixed(1)} s`
                  : 'idle'}
        </span>
      </div>
      {s.last && <p className="muted">{s.last}</p>}
      {s.error && (
        <p className="train-error" role="alert" data-testid="experiment-error">
          {s.error}
        </p>
      )}
      {s.rows && s.rows.length > 0 && (
        <>
          <ResultsTable rows={s.rows} />
          <div className="train-charts">
            <div>
              <h3>Wall-time ratio to none, 95% CI</h3>
              <CiPlot
                rows={s.rows}
                metric="timeRatio"
                title="Wall-time ratio to none with 95% CI"
              />
            </div>
            <div>
              <h3>FLOP ratio to none, 95% CI</h3>
              <CiPlot rows={s.rows} metric="flopsRatio" title="FLOP ratio to none with 95% CI" />
            </div>
          </div>
        </>
      )}
      {s.verdict && (
        <p className="train-verdict" data-testid="experiment-verdict">
          {s.verdict}
        </p>
      )}
    </section>
  );
}
