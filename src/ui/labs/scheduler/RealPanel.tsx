/**
 * Real execution in the Scheduler tab: the first tasks of the set run as real φ-resolvent jobs
 * on the GPU queue and CPU workers in the documents' three modes, with progress and cancel, the
 * measured makespan beside the simulator's prediction, and the predicted and measured schedules
 * drawn on one time scale.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { SchedLab } from '../../../app/labs/scheduler/session';
import { MAX_REAL_TASKS } from '../../../app/labs/scheduler/lab-config';
import type { RealResult } from '../../../app/labs/scheduler/real-run';
import { describeExecutors, MODES, type Mode, type ModeRun } from '../../../sched/real/execute';
import type { RunEntry } from '../../../sched/types';
import { Gantt, type GanttData } from './Gantt';

const PHASE_TEXT: Record<string, string> = {
  starting: 'starting the workers and the GPU queue…',
  calibrating: 'calibrating each kind of executor alone…',
};

/** A measured run as the Gantt draws it: rows are the executors the mode used. */
function measuredGantt(r: ModeRun): GanttData {
  const row = new Map(r.used.map((e, k) => [e, k]));
  const schedule: RunEntry[] = r.runs.map((x) => ({
    task: x.task,
    core: row.get(x.executor) ?? 0,
    start: x.start,
    end: x.end,
    overhead: 0,
    switched: false,
    missed: false,
    migrated: false,
    attempt: x.attempt,
  }));
  return {
    policy: `${r.mode} (measured)`,
    cores: r.used.length,
    schedule,
    metrics: { makespan: r.measuredSeconds },
  };
}

function whole(text: string, lo: number, hi: number): number | null {
  const v = Number(text);
  return Number.isInteger(v) && v >= lo && v <= hi ? v : null;
}

function Results({ result }: { result: RealResult }) {
  const [mode, setMode] = useState<Mode>('parallel');
  const seq = result.runs.find((r) => r.mode === 'sequential');
  const shown = result.runs.find((r) => r.mode === mode);
  const predicted = result.predicted[mode];
  const kinds = [...new Set(result.executors.map((e) => e.kind))];
  const rate = (kind: string) => {
    const i = result.executors.findIndex((e) => e.kind === kind);
    const c = result.calibrations[i];
    return c
      ? `${kind.toUpperCase()} ${(1000 * c.secondsPerUnit).toFixed(2)} ms per unit + ${(1000 * c.overheadSeconds).toFixed(2)} ms per job`
      : '';
  };
  const labelsOf = (r: ModeRun) => r.used.map((i) => result.executors[i]?.label ?? String(i));
  return (
    <>
      {result.gpuNote && <p className="muted">{result.gpuNote}</p>}
      <p className="muted" data-testid="sched-real-calibration">
        {result.tasks.length} tasks ({result.tasks.reduce((a, t) => a + t.work, 0).toFixed(1)}{' '}
        units; a unit is 32 signals of 1024 samples). Calibrated alone: {kinds.map(rate).join('; ')}
        . About one job in ten returns a corrupted result on purpose; the check catches it and the
        job is run again.
      </p>
      <table className="sched-metrics" data-testid="sched-real-results">
        <thead>
          <tr>
            <th>mode</th>
            <th>executors</th>
            <th>measured s</th>
            <th>predicted s</th>
            <th>measured ÷ predicted</th>
            <th>speed-up measured</th>
            <th>speed-up predicted</th>
            <th>re-runs</th>
          </tr>
        </thead>
        <tbody>
          {result.runs.map((r) => (
            <tr
              key={r.mode}
              data-testid={`sched-real-${r.mode}`}
              data-measured={r.measuredSeconds}
              data-predicted={r.predictedSeconds}
            >
              <td>{r.mode}</td>
              <td>{describeExecutors(r.executors)}</td>
              <td>{r.measuredSeconds.toFixed(3)}</td>
              <td>{r.predictedSeconds.toFixed(3)}</td>
              <td>{(r.measuredSeconds / r.predictedSeconds).toFixed(2)}</td>
              <td>{seq ? (seq.measuredSeconds / r.measuredSeconds).toFixed(2) : '—'}</td>
              <td>{seq ? (seq.predictedSeconds / r.predictedSeconds).toFixed(2) : '—'}</td>
              <td>{r.reruns}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        schedules of{' '}
        <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          {MODES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      {shown && predicted && (
        <div className="sched-side">
          <div>
            <h4>predicted (simulator, calibrated speeds)</h4>
            <Gantt
              result={predicted}
              tasks={result.tasks}
              failure={null}
              testId="sched-real-gantt-predicted"
              coreLabels={labelsOf(shown)}
              span={Math.max(shown.measuredSeconds, shown.predictedSeconds)}
              unit="s"
            />
          </div>
          <div>
            <h4>measured</h4>
            <Gantt
              result={measuredGantt(shown)}
              tasks={result.tasks}
              failure={null}
              testId="sched-real-gantt-measured"
              coreLabels={labelsOf(shown)}
              span={Math.max(shown.measuredSeconds, shown.predictedSeconds)}
              unit="s"
            />
          </div>
        </div>
      )}
    </>
  );
}

export function RealPanel({ lab, taskCount }: { lab: SchedLab; taskCount: number }) {
  const real = useStore(lab.store, (s) => s.real);
  const c = useStore(lab.store, (s) => s.config.real);
  const executors = c.cpuWorkers + (c.gpu ? 1 : 0);
  const p = real.progress;
  return (
    <section data-testid="sched-real">
      <h3>Real execution: sequential, parallel, hybrid</h3>
      <p className="muted">
        The first tasks of the set, each a real φ-resolvent job of its size, on the GPU queue (the
        app&apos;s WebGPU engine) and CPU workers. Sequential runs the fastest executor alone;
        parallel gives every executor the next task as it frees up; hybrid splits the set into I
        chains (the simulator&apos;s LPT plan on the I fastest executors), each run in order. The
        prediction simulates the same tasks with each executor&apos;s speed and per-job round trip
        measured alone, so measured ÷ predicted shows what running them together costs. On a
        software adapter (SwiftShader) the &quot;GPU&quot; is the same CPU cores.
      </p>
      <div className="sched-controls">
        <label>
          tasks{' '}
          <input
            type="number"
            data-testid="sched-real-tasks"
            min={1}
            max={Math.min(MAX_REAL_TASKS, taskCount)}
            value={c.tasks}
            onChange={(e) => {
              const v = whole(e.target.value, 1, MAX_REAL_TASKS);
              if (v !== null) lab.setReal({ tasks: v });
            }}
          />
        </label>
        <label>
          CPU workers{' '}
          <input
            type="number"
            data-testid="sched-real-workers"
            min={0}
            max={lab.realMaxWorkers}
            value={c.cpuWorkers}
            onChange={(e) => {
              const v = whole(e.target.value, 0, lab.realMaxWorkers);
              if (v !== null)
                lab.setReal({
                  cpuWorkers: v,
                  chains: Math.min(c.chains, Math.max(1, v + (c.gpu ? 1 : 0))),
                });
            }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="sched-real-gpu"
            checked={c.gpu}
            onChange={(e) => {
              const gpu = e.target.checked;
              lab.setReal({
                gpu,
                chains: Math.min(c.chains, Math.max(1, c.cpuWorkers + (gpu ? 1 : 0))),
              });
            }}
          />{' '}
          GPU queue
        </label>
        <label>
          hybrid chains I{' '}
          <input
            type="number"
            data-testid="sched-real-chains"
            min={1}
            max={Math.max(1, executors)}
            value={c.chains}
            onChange={(e) => {
              const v = whole(e.target.value, 1, Math.max(1, executors));
              if (v !== null) lab.setReal({ chains: v });
            }}
          />
        </label>
        {real.running ? (
          <>
            <progress
              data-testid="sched-real-progress"
              {...(p && p.phase !== 'starting' && p.phase !== 'calibrating'
                ? { value: p.done, max: p.total }
                : {})}
            />
            <span className="muted">
              {p ? (PHASE_TEXT[p.phase] ?? `${p.phase}: ${p.done}/${p.total} jobs`) : ''}
            </span>
            <button type="button" data-testid="sched-real-cancel" onClick={() => lab.cancelReal()}>
              cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            data-testid="sched-real-run"
            disabled={executors === 0 || taskCount === 0}
            onClick={() => void lab.runReal()}
          >
            run for real
          </button>
        )}
        {real.error && (
          <span className="sched-error" role="alert" data-testid="sched-real-status">
            {real.error}
          </span>
        )}
      </div>
      {real.result && !real.running && <Results result={real.result} />}
    </section>
  );
}
