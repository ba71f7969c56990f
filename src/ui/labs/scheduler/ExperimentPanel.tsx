/**
 * The claim experiment in the Scheduler tab: every policy on the same seeded task sets, run on
 * workers of the shared pool (the page keeps answering meanwhile), with progress and cancel;
 * then the median paired ratios to FIFO or EEVDF with bootstrap 95% intervals, and the verdicts.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { SchedLab } from '../../../app/labs/scheduler/session';
import type { Baseline, Comparison } from '../../../sched/experiment/compare';
import {
  ABSOLUTE_COLUMNS,
  fmtInterval,
  RATIO_COLUMNS,
  verdictSentence,
} from '../../../sched/experiment/format';
import { WORKLOADS } from '../../../sched/generate';
import { median } from '../../../measure/summary';

const SET_SIZE = 100;

function cell(c: Comparison | undefined): string {
  return c?.ratio ? fmtInterval(c.ratio) : '—';
}

export function ExperimentPanel({ lab }: { lab: SchedLab }) {
  const x = useStore(lab.store, (s) => s.experiment);
  const [seeds, setSeeds] = useState(5);
  const [baseline, setBaseline] = useState<Baseline>('fifo');
  const [workload, setWorkload] = useState<string>(WORKLOADS[0]);
  const runs = x.runs;
  const find = (policy: string, metric: string) =>
    x.comparisons.find(
      (c) =>
        c.workload === workload &&
        c.baseline === baseline &&
        c.policy === policy &&
        c.metric === metric,
    );
  return (
    <section data-testid="sched-exp">
      <h3>The claim: &quot;20–40% fewer context switches&quot;</h3>
      <p className="muted">
        Every policy on the same seeded task sets (3 workloads × seeds × {SET_SIZE} tasks, 4 cores),
        run on background workers; ratios to FIFO and to EEVDF are medians over seeds of policy ÷
        baseline on the same set, with bootstrap 95% intervals. The full run is{' '}
        <code>npm run experiment -- scheduler --seeds 20</code>.
      </p>
      <div className="sched-controls">
        <label>
          seeds{' '}
          <input
            type="number"
            min={2}
            max={50}
            value={seeds}
            data-testid="sched-exp-seeds"
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 2 && v <= 50) setSeeds(v);
            }}
          />
        </label>
        {x.running ? (
          <>
            <progress
              data-testid="sched-exp-progress"
              {...(x.phase === 'sets' ? { value: x.done, max: x.total || 1 } : {})}
            />
            <span className="muted" data-testid="sched-exp-phase">
              {x.phase === 'analysis'
                ? 'bootstrap intervals…'
                : `task sets ${x.done}/${x.total || '…'}`}
            </span>
            <button
              type="button"
              data-testid="sched-exp-cancel"
              onClick={() => lab.cancelExperiment()}
            >
              cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            data-testid="sched-exp-run"
            onClick={() => void lab.runExperiment(seeds, SET_SIZE)}
          >
            run the experiment
          </button>
        )}
        {x.error && <span data-testid="sched-exp-status">{x.error}</span>}
      </div>
      <div className="sched-controls" role="group" aria-label="baseline and workload">
        {(['fifo', 'eevdf'] as const).map((b) => (
          <button
            key={b}
            type="button"
            aria-pressed={baseline === b}
            data-testid={`sched-exp-baseline-${b}`}
            onClick={() => setBaseline(b)}
          >
            against {b.toUpperCase()}
          </button>
        ))}
        <label>
          workload{' '}
          <select
            value={workload}
            data-testid="sched-exp-workload"
            onChange={(e) => setWorkload(e.target.value)}
          >
            {WORKLOADS.map((w) => (
              <option key={w}>{w}</option>
            ))}
          </select>
        </label>
      </div>
      {runs && x.comparisons.length > 0 && (
        <table className="sched-metrics" data-testid="sched-exp-table">
          <caption className="muted">
            {workload}, {runs.seeds} seeds: ratio to {baseline} [95% CI]; the last columns are
            medians
          </caption>
          <thead>
            <tr>
              <th>policy</th>
              {RATIO_COLUMNS.map(([, label]) => (
                <th key={label}>{label}</th>
              ))}
              {ABSOLUTE_COLUMNS.map(([, label]) => (
                <th key={label}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.policies.map((policy) => (
              <tr key={policy} data-testid={`sched-exp-row-${policy}`}>
                <td>{policy}</td>
                {RATIO_COLUMNS.map(([metric]) => {
                  const c = find(policy, metric);
                  return (
                    <td
                      key={metric}
                      {...(c?.ratio
                        ? {
                            'data-lo': c.ratio.lo,
                            'data-hi': c.ratio.hi,
                            'data-estimate': c.ratio.estimate,
                          }
                        : {})}
                      data-testid={`sched-exp-${policy}-${metric}`}
                    >
                      {policy === baseline ? '1' : cell(c)}
                    </td>
                  );
                })}
                {ABSOLUTE_COLUMNS.map(([metric]) => (
                  <td key={metric}>
                    {median(runs.values[workload]?.[policy]?.[metric] ?? [NaN]).toFixed(1)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {x.verdicts.length > 0 && (
        <ul data-testid="sched-exp-verdicts">
          {x.verdicts.map((v) => (
            <li key={`${v.workload}-${v.baseline}`}>{verdictSentence(v)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
