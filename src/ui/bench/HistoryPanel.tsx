/** Past runs kept in this browser: show one, delete one, pick two to compare. */
import { useStore } from 'zustand';
import type { BenchStore } from './bench-store';
import { CompareRuns, runLabel } from './CompareRuns';

export function HistoryPanel({ store }: { store: BenchStore }) {
  const history = useStore(store, (s) => s.history);
  const compare = useStore(store, (s) => s.compare);
  const currentId = useStore(store, (s) => s.current?.id ?? null);
  const { show, remove, setCompare } = store.getState();
  if (history.length === 0) return <p className="muted">No past runs in this browser yet.</p>;
  const a = history.find((r) => r.id === compare[0]);
  const b = history.find((r) => r.id === compare[1]);
  const picker = (slot: 0 | 1) => (
    <label className="inline-field">
      {slot === 0 ? 'a' : 'b'}
      <select
        data-testid={`bench-compare-${slot === 0 ? 'a' : 'b'}`}
        value={compare[slot] ?? ''}
        onChange={(e) => setCompare(slot, e.target.value || null)}
      >
        <option value="">—</option>
        {history.map((r) => (
          <option key={r.id} value={r.id}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="bench-history">
      <ul className="bench-history-list" data-testid="bench-history">
        {history.map((r) => (
          <li key={r.id} className={r.id === currentId ? 'active' : undefined}>
            <button type="button" className="link" onClick={() => show(r.id)}>
              {runLabel(r)}
            </button>
            <span className="muted"> {r.cases.length} cases</span>
            <button
              type="button"
              className="link"
              aria-label={`Delete run ${runLabel(r)}`}
              onClick={() => remove(r.id)}
            >
              delete
            </button>
          </li>
        ))}
      </ul>
      <div className="bench-controls">
        Compare {picker(0)} {picker(1)}
      </div>
      {a && b ? (
        <CompareRuns a={a} b={b} />
      ) : (
        <p className="muted">Pick two runs to see the deltas.</p>
      )}
    </div>
  );
}
