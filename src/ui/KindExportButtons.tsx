/**
 * Downloads for the Walsh–Hadamard and quantum kinds: what their plots show, as JSON (with the
 * configuration) or CSV. ExportButtons does the same for the φ-resolvent.
 */
import {
  quantumHistoryToCsv,
  quantumHistoryToJson,
  quantumStateToCsv,
  quantumStateToJson,
  walshToCsv,
  walshToJson,
} from '../io/export-kinds';
import { useAppState, useAppStore } from './app-context';
import { download } from './download';

type Format = 'json' | 'csv';

const TYPE: Record<Format, string> = { json: 'application/json', csv: 'text/csv' };

function Pair(props: { label: string; testId: string; disabled: boolean; save(f: Format): void }) {
  return (
    <>
      <span>{props.label}</span>
      {(['json', 'csv'] as const).map((f) => (
        <button
          key={f}
          type="button"
          data-testid={`${props.testId}-${f}`}
          disabled={props.disabled}
          onClick={() => props.save(f)}
        >
          {f.toUpperCase()}
        </button>
      ))}
    </>
  );
}

export function WalshExportButtons() {
  const store = useAppStore();
  const index = useAppState((s) => s.walsh?.index ?? null);
  const save = (format: Format): void => {
    const { walsh, config } = store.getState();
    if (!walsh) return;
    const text = format === 'json' ? walshToJson(walsh, config) : walshToCsv(walsh);
    download(`walsh-signal-${walsh.index}.${format}`, TYPE[format], text);
  };
  return (
    <div className="export-grid">
      <Pair
        label={`Signal ${index ?? 0}, Walsh + Fourier`}
        testId="export-walsh"
        disabled={index === null}
        save={save}
      />
    </div>
  );
}

export function QuantumExportButtons() {
  const store = useAppStore();
  const hasHistory = useAppState((s) => s.quantumHistory.length > 0);
  const hasState = useAppState((s) => s.quantum !== null);
  const saveHistory = (format: Format): void => {
    const { quantumHistory, config } = store.getState();
    const text =
      format === 'json'
        ? quantumHistoryToJson(quantumHistory, config)
        : quantumHistoryToCsv(quantumHistory);
    download(`quantum-history.${format}`, TYPE[format], text);
  };
  const saveState = (format: Format): void => {
    const { quantum, config } = store.getState();
    if (!quantum) return;
    const text =
      format === 'json' ? quantumStateToJson(quantum, config) : quantumStateToCsv(quantum);
    download(`quantum-psi-t${quantum.t.toFixed(3)}.${format}`, TYPE[format], text);
  };
  return (
    <div className="export-grid">
      <Pair
        label="Norm and energy history"
        testId="export-quantum-history"
        disabled={!hasHistory}
        save={saveHistory}
      />
      <Pair
        label="ψ, |ψ|² and V now"
        testId="export-quantum-state"
        disabled={!hasState}
        save={saveState}
      />
    </div>
  );
}
