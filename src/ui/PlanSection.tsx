/** Which FFT kernel variant runs the workload, why, what this device offers, and the planner's two actions. */
import { useAppState, usePlanner } from './app-context';

const SOURCE_TEXT = {
  measured: 'measured fastest on this adapter',
  default: 'default for this kind of adapter (not measured yet)',
  forced: 'forced by the engine options',
} as const;

export function PlanSection() {
  const plan = useAppState((s) => s.plan);
  const planner = usePlanner();
  if (!plan || !planner) return null;
  const timings = plan.ms ? Object.entries(plan.ms) : [];
  return (
    <div className="plan" data-testid="plan">
      <h3>FFT kernel</h3>
      <p>
        <strong data-testid="plan-variant">{plan.variant}</strong>{' '}
        <span className="muted" data-testid="plan-source">
          — {SOURCE_TEXT[plan.source]}
        </span>
      </p>
      <p className="muted small">
        “workgroup” keeps each signal in workgroup memory (a 1D signal of up to{' '}
        <span data-testid="plan-single-dispatch">
          {plan.singleDispatchN.toLocaleString('en-US')}
        </span>{' '}
        values in one dispatch on this device, longer ones in two; fast on GPUs); “stages” streams
        radix-16 passes through global memory (fast on CPU emulations); “subgroups” lets{' '}
        {plan.subgroupLanes > 1 ? plan.subgroupLanes : 'several'} invocations of a subgroup share
        each butterfly through shuffles, so a transform takes fewer passes. Tuning times every
        variant on your device for this workload and remembers the winner.
      </p>
      <p className="muted small" data-testid="plan-variants">
        This device runs: {plan.variants.join(', ')}
        {plan.variants.includes('subgroups')
          ? ` (subgroups: ${plan.subgroupLanes} lanes per butterfly)`
          : ' (no subgroups: the feature is missing or its lane probe failed)'}
      </p>
      {timings.length > 0 && (
        <p data-testid="plan-timings">
          {plan.measuredOn && <span className="muted small">Measured on {plan.measuredOn}: </span>}
          {timings.map(([v, ms]) => `${v}: ${ms.toFixed(2)} ms`).join(' · ')}
        </p>
      )}
      {plan.error && <p className="warn-text">Tuning failed: {plan.error}</p>}
      <div className="run-controls">
        <button
          type="button"
          data-testid="plan-tune"
          disabled={plan.busy}
          onClick={() => void planner.tune()}
        >
          {plan.busy ? 'Tuning…' : 'Tune for this workload'}
        </button>
        <button
          type="button"
          data-testid="plan-replan"
          disabled={plan.busy}
          onClick={() => void planner.replan()}
        >
          Re-plan (forget measurements)
        </button>
      </div>
    </div>
  );
}
