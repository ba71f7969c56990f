/** Picks which signal of the batch the time-domain and spectrum plots show. */
import { batchOf } from '../../app/store';
import { useAppState } from '../app-context';

export function SignalPicker() {
  const batch = useAppState(batchOf);
  const selected = useAppState((s) => s.selectedSignal);
  const select = useAppState((s) => s.selectSignal);
  if (batch <= 1) return <span className="muted small">signal 0 of 1</span>;
  return (
    <label className="inline-field">
      signal
      <input
        type="number"
        min={0}
        max={batch - 1}
        step={1}
        value={Math.min(selected, batch - 1)}
        data-testid="signal-index"
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isInteger(v) && v >= 0 && v < batch) select(v);
        }}
      />
      <span className="muted">of {batch}</span>
    </label>
  );
}
