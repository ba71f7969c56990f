/**
 * The Scheduler tab: a task set (generated or imported), two policies side by side with their
 * Gantt charts, the metrics with deltas, a "fail a core" button that shows migration, export
 * and permalink, real execution on the GPU queue and CPU workers, and the claim experiment on
 * workers with progress, cancel and confidence intervals.
 */
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { browserBackends } from '../../../app/labs/scheduler/browser-backends';
import { createSchedLab } from '../../../app/labs/scheduler/session';
import {
  configFromSearch,
  searchOf,
  type SchedLabConfig,
} from '../../../app/labs/scheduler/lab-config';
import { WORKLOADS, type WorkloadName } from '../../../sched/generate';
import { POLICY_NAMES, type Metrics, type PolicyName } from '../../../sched/types';
import { useSession } from '../../app-context';
import { download } from '../../download';
import { ExperimentPanel } from './ExperimentPanel';
import { Gantt, kindColor } from './Gantt';
import { RealPanel } from './RealPanel';
import './scheduler.css';

const METRIC_ROWS: readonly [keyof Metrics, string][] = [
  ['makespan', 'makespan'],
  ['lowerBound', 'lower bound'],
  ['meanResponse', 'mean response'],
  ['p99Response', 'p99 response'],
  ['deadlineMisses', 'deadline misses'],
  ['dropped', 'dropped tasks'],
  ['droppedWork', 'dropped work (lost)'],
  ['contextSwitches', 'context switches'],
  ['cacheMisses', 'cache misses'],
  ['migrations', 'migrations'],
  ['overheadTime', 'overhead time'],
  ['utilization', 'utilization'],
];

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3));

function parseSpeeds(text: string): number[] | null {
  const xs = text.split(',').map((s) => Number(s.trim()));
  return xs.length >= 1 && xs.length <= 16 && xs.every((v) => Number.isFinite(v) && v > 0)
    ? xs
    : null;
}

export function SchedulerView() {
  const session = useSession();
  const lab = useMemo(
    () =>
      createSchedLab(configFromSearch(window.location.search) ?? undefined, () =>
        browserBackends(async () => {
          // The GPU queue is the app's engine when it runs on WebGPU (the playground's loop is
          // paused while this tab is open, so the queue is the lab's).
          if (!session) return null;
          const { engine } = await session.ready();
          return engine.backend === 'webgpu' ? engine : null;
        }),
      ),
    [session],
  );
  const s = useStore(lab.store);
  const c = s.config;
  const [speedsText, setSpeedsText] = useState(c.speeds.join(','));

  useEffect(() => {
    void lab.run();
    return () => lab.dispose();
  }, [lab]);

  const set = (patch: Partial<SchedLabConfig>) => {
    lab.setConfig(patch);
    void lab.run();
  };
  const policySelect = (which: 'policyA' | 'policyB') => (
    <select
      data-testid={`sched-${which}`}
      value={c[which]}
      onChange={(e) => set({ [which]: e.target.value as PolicyName })}
    >
      {POLICY_NAMES.map((p) => (
        <option key={p}>{p}</option>
      ))}
    </select>
  );
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) await lab.importText(file.name, await file.text());
  };
  const kinds = [...new Set(s.tasks.map((t) => t.kind ?? ''))];

  return (
    <section className="sched-lab" data-testid="sched-lab">
      <h2>Scheduler lab</h2>
      <p className="muted">
        A seeded discrete-event simulation. Context switches and cache misses cost time on the core;
        dropped work is lost work, never a saving. Coherence is the share of spectral energy the
        φ-resolvent keeps (CPU engine, κ in radians).
      </p>
      <div className="sched-controls">
        <label>
          workload{' '}
          <select
            data-testid="sched-workload"
            value={c.workload}
            disabled={s.imported !== null}
            onChange={(e) => set({ workload: e.target.value as WorkloadName })}
          >
            {WORKLOADS.map((w) => (
              <option key={w}>{w}</option>
            ))}
          </select>
        </label>
        <label>
          tasks{' '}
          <input
            data-testid="sched-count"
            type="number"
            min={1}
            max={5000}
            value={c.count}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= 5000) set({ count: v });
            }}
          />
        </label>
        <label>
          seed{' '}
          <input
            data-testid="sched-seed"
            type="number"
            min={0}
            value={c.seed}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 0) set({ seed: v });
            }}
          />
        </label>
        <label>
          core speeds{' '}
          <input
            data-testid="sched-speeds"
            value={speedsText}
            aria-invalid={parseSpeeds(speedsText) === null}
            onChange={(e) => {
              setSpeedsText(e.target.value);
              const v = parseSpeeds(e.target.value);
              if (v) set({ speeds: v, failure: null });
            }}
          />
        </label>
        <label>A {policySelect('policyA')}</label>
        <label>B {policySelect('policyB')}</label>
        <label>
          import tasks{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="sched-import"
            onChange={(e) => void onImport(e)}
          />
        </label>
        {s.imported && (
          <button type="button" onClick={() => void lab.clearImport()}>
            use the generator again ({s.imported.name})
          </button>
        )}
        <button type="button" data-testid="sched-fail" onClick={() => void lab.toggleFailure()}>
          {c.failure ? 'restore the core' : 'fail a core'}
        </button>
        <button
          type="button"
          data-testid="sched-export"
          onClick={() => download('schedule.json', 'application/json', lab.exportJson())}
        >
          export JSON
        </button>
        <button
          type="button"
          data-testid="sched-link"
          onClick={() =>
            void navigator.clipboard?.writeText(
              `${window.location.origin}${window.location.pathname}${searchOf(c)}`,
            )
          }
        >
          copy link
        </button>
      </div>
      {s.error && (
        <p className="sched-error" role="alert" data-testid="sched-error">
          {s.error}
        </p>
      )}
      {c.failure && (
        <p className="muted" data-testid="sched-failure-note">
          Core {c.failure.core} fails at t = {c.failure.at.toFixed(2)}: its running task is
          suspended, moved at the migration cost ({c.migrationCost}) and resumed on another core.
        </p>
      )}
      <p className="sched-legend">
        {kinds.map((k) => (
          <span key={k}>
            <i style={{ background: kindColor(k) }} /> {k || 'no kind'}
          </span>
        ))}
        <span>
          <i style={{ background: '#d1d5db' }} /> setup (switch, miss, migration)
        </span>
        <span>
          <i style={{ background: '#dc2626' }} /> cache miss
        </span>
        <span>
          <i style={{ border: '2px solid #ea580c' }} /> migrated run
        </span>
      </p>
      {s.a && s.b && (
        <>
          <div className="sched-side">
            <div>
              <h3>A: {s.a.policy}</h3>
              <Gantt result={s.a} tasks={s.tasks} failure={c.failure} testId="sched-gantt-a" />
            </div>
            <div>
              <h3>B: {s.b.policy}</h3>
              <Gantt result={s.b} tasks={s.tasks} failure={c.failure} testId="sched-gantt-b" />
            </div>
          </div>
          <table className="sched-metrics" data-testid="sched-metrics">
            <thead>
              <tr>
                <th>metric</th>
                <th>A: {s.a.policy}</th>
                <th>B: {s.b.policy}</th>
                <th>B − A</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_ROWS.map(([k, label]) => {
                const va = s.a?.metrics[k] ?? 0;
                const vb = s.b?.metrics[k] ?? 0;
                const rel = va !== 0 ? ` (${(((vb - va) / Math.abs(va)) * 100).toFixed(1)}%)` : '';
                return (
                  <tr key={k} data-testid={`sched-metric-${k}`} data-a={va} data-b={vb}>
                    <td>{label}</td>
                    <td>{fmt(va)}</td>
                    <td>{fmt(vb)}</td>
                    <td>
                      {fmt(vb - va)}
                      {rel}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <RealPanel lab={lab} taskCount={s.tasks.length} />
      <ExperimentPanel lab={lab} />
    </section>
  );
}
