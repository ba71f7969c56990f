/**
 * The run's resource controls and what they decided: the adaptive worker count, the per-worker
 * memory budget (dynamic batch size; it applies mid-run from the next round), where the
 * spectral step runs, and the log of the batch-size and worker-count decisions.
 */
import type { TrainingLabConfig } from '../../../app/labs/training/lab-config';
import type { TrainingLabState } from '../../../app/labs/training/session';
import { formatBytes } from '../../../train/memory';
import type { RunDecision } from '../../../train/processor';
import type { SpectralPreference } from '../../../train/spectral-backend';
import { NumberField } from './NumberField';

const DEFAULT_BUDGET_KB = 8;

export function RunControls(props: {
  config: TrainingLabConfig;
  running: boolean;
  set(patch: Partial<TrainingLabConfig>): void;
}) {
  const { config: c, running, set } = props;
  const budgetOn = c.memoryBudgetKb !== null;
  return (
    <div className="train-controls">
      <label title="Adds or removes a worker while measured examples/s improves">
        <input
          type="checkbox"
          data-testid="train-adaptive"
          checked={c.adaptive}
          disabled={running}
          onChange={(e) => set({ adaptive: e.target.checked })}
        />{' '}
        adaptive worker count
      </label>
      <label title="Halves the batch while a worker's memory estimate exceeds the budget, grows it back when it fits">
        <input
          type="checkbox"
          data-testid="train-budget-on"
          checked={budgetOn}
          onChange={(e) => set({ memoryBudgetKb: e.target.checked ? DEFAULT_BUDGET_KB : null })}
        />{' '}
        memory budget
      </label>
      {budgetOn && (
        <NumberField
          key="budget"
          id="budget"
          label="kB per worker"
          value={c.memoryBudgetKb ?? DEFAULT_BUDGET_KB}
          min={0.1}
          max={1e7}
          disabled={false}
          onChange={(memoryBudgetKb) => set({ memoryBudgetKb })}
        />
      )}
      <label>
        spectral step on{' '}
        <select
          data-testid="train-spectral-preference"
          value={c.spectral}
          disabled={running}
          onChange={(e) => set({ spectral: e.target.value as SpectralPreference })}
        >
          <option value="auto">GPU if present</option>
          <option value="cpu">CPU</option>
        </select>
      </label>
    </div>
  );
}

/** Where the last shard's spectral step ran, with the GPU's agreement check or the CPU's reason. */
export function SpectralBackendNote({ s }: { s: TrainingLabState }) {
  const kind = s.config.regularizer;
  if (kind !== 'smooth' && kind !== 'penalty')
    return (
      <p className="muted" data-testid="train-spectral">
        Spectral step:{' '}
        <strong data-testid="train-spectral-backend" data-backend="none">
          none
        </strong>{' '}
        (the {kind} regularizer has no filter; choose smooth or penalty).
      </p>
    );
  const r = s.spectral;
  if (!r)
    return (
      <p className="muted" data-testid="train-spectral">
        Spectral step: <strong data-testid="train-spectral-backend">not run yet</strong>
      </p>
    );
  return (
    <p className="muted" data-testid="train-spectral">
      Spectral step ran on{' '}
      <strong data-testid="train-spectral-backend" data-backend={r.backend}>
        {r.backend}
      </strong>
      {r.check &&
        ` (the worker's GPU filter matched the float64 CPU filter: error ${r.check.error.toExponential(1)} ≤ tolerance ${r.check.tolerance.toExponential(1)})`}
      {r.note !== undefined && ` (${r.note})`}; last shard {r.calls} filter calls in{' '}
      {r.ms.toFixed(1)} ms; shards this run: GPU {s.spectralShards.gpu}, CPU {s.spectralShards.cpu}.
    </p>
  );
}

export function decisionLine(d: RunDecision): string {
  return d.kind === 'batch-size'
    ? `Round ${d.round}: batch size ${d.from} → ${d.to} (worker memory ${formatBytes(d.memoryBytes)}, budget ${formatBytes(d.budgetBytes)})`
    : `Round ${d.round}: workers ${d.from} → ${d.to} at ${d.throughput.toFixed(0)} examples/s (${d.reason})`;
}

export function DecisionLog({ decisions }: { decisions: readonly RunDecision[] }) {
  return (
    <div>
      <h3>Batch-size and worker-count decisions</h3>
      {decisions.length === 0 ? (
        <p className="muted" data-testid="train-decisions-empty">
          None yet: turn on a memory budget or the adaptive worker count.
        </p>
      ) : (
        <ol className="train-decisions" data-testid="train-decisions">
          {decisions.slice(-30).map((d, i) => (
            <li key={i} data-kind={d.kind}>
              {decisionLine(d)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
