/**
 * Downloads of what the page shows: the metrics history (JSON with its configuration, or CSV)
 * and the chosen signal, original and filtered (CSV columns that import back, or JSON).
 */
import type { AppState } from '../app/store';
import { metricsToCsv, metricsToJson, signalsToCsv, type MetricsRow } from '../io/export';
import { useAppState, useAppStore } from './app-context';
import { download } from './download';

function rowsOf(state: AppState): MetricsRow[] {
  return state.history.map((p) => ({
    t: p.t,
    frame: p.frame,
    highKEnergy: p.highKEnergy,
    highKFraction: p.highKFraction,
    coherence: p.coherence,
    signalsPerSec: p.signalsPerSecond,
    gflops: p.gflops,
    gbps: p.gbps,
  }));
}

export function ExportButtons() {
  const store = useAppStore();
  const hasHistory = useAppState((s) => s.history.length > 0);
  const hasSignal = useAppState((s) => s.signal !== null);

  const exportMetrics = (format: 'json' | 'csv'): void => {
    const state = store.getState();
    const rows = rowsOf(state);
    if (format === 'json') {
      download('metrics.json', 'application/json', metricsToJson(rows, state.config));
    } else {
      download('metrics.csv', 'text/csv', metricsToCsv(rows));
    }
  };

  const exportSignal = (format: 'json' | 'csv'): void => {
    const { signal, config } = store.getState();
    if (!signal) return;
    const base = `signal-${signal.index}`;
    if (format === 'csv') {
      // Two columns, original then filtered: the file imports back as a batch of two signals.
      const both = new Float32Array(signal.original.length * 2);
      both.set(signal.original, 0);
      both.set(signal.filtered, signal.original.length);
      download(`${base}.csv`, 'text/csv', signalsToCsv(signal.shape, 2, both));
    } else {
      const doc = {
        format: 'phi-resolvent-playground/signal',
        version: 1,
        config,
        index: signal.index,
        shape: signal.shape,
        original: Array.from(signal.original),
        filtered: Array.from(signal.filtered),
      };
      download(`${base}.json`, 'application/json', `${JSON.stringify(doc)}\n`);
    }
  };

  const index = useAppState((s) => s.signal?.index ?? 0);
  return (
    <div className="export-grid">
      <span>Metrics history</span>
      <button
        type="button"
        data-testid="export-metrics-json"
        disabled={!hasHistory}
        onClick={() => exportMetrics('json')}
      >
        JSON
      </button>
      <button
        type="button"
        data-testid="export-metrics-csv"
        disabled={!hasHistory}
        onClick={() => exportMetrics('csv')}
      >
        CSV
      </button>
      <span>Signal {index}, original + filtered</span>
      <button
        type="button"
        data-testid="export-signal-json"
        disabled={!hasSignal}
        onClick={() => exportSignal('json')}
      >
        JSON
      </button>
      <button
        type="button"
        data-testid="export-signal-csv"
        disabled={!hasSignal}
        onClick={() => exportSignal('csv')}
      >
        CSV
      </button>
    </div>
  );
}
