/**
 * The Benchmark tab: run a suite on this browser's adapter with progress and cancel, see the
 * results as a table and charts, keep a history, compare runs, export/import JSON, and share
 * a permalink (`#bench=<suite>&autorun`) that re-runs the same suite.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { describeFused, describeTfjsTarget, efficiencyTargetLines } from '../../bench/format-table';
import { benchHash, readBenchHash } from '../../bench/permalink';
import { RUN_LIMITS, SUITE_NAMES, type BenchRun, type SuiteName } from '../../bench/schema';
import { BenchCharts } from './BenchCharts';
import { createBenchStore } from './bench-store';
import { HistoryPanel } from './HistoryPanel';
import { ResultsTable } from './ResultsTable';
import './bench.css';

const SUITE_LABELS: Record<SuiteName, string> = {
  tiny: 'tiny (smoke test, seconds)',
  quick: 'quick (minutes)',
  full: 'full (N = 2^4 … 2^20, 64² … 2048²)',
};

function download(run: BenchRun): void {
  const blob = new Blob([`${JSON.stringify(run, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `bench-${run.suite}-${run.date.replace(/[:.]/g, '-')}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

function Targets({ run }: { run: BenchRun }) {
  const t = run.targets;
  return (
    <ul className="bench-targets" data-testid="bench-targets">
      <li>
        vs TensorFlow.js WebGPU FFT at N = 1024 (target ≥ 50×):{' '}
        <strong>{describeTfjsTarget(run)}</strong>
      </li>
      <li>
        fused pipeline vs separate passes (target &gt; 1×):{' '}
        <strong>
          {t.fusedSpeedup.length === 0
            ? 'not measured'
            : t.fusedSpeedup.map(describeFused).join(', ')}
        </strong>
      </li>
      {/* Runs saved before the efficiency targets existed have no figures for them. */}
      {t.efficiency &&
        efficiencyTargetLines(t.efficiency).map(({ label, value }) => (
          <li key={label}>
            {label}: <strong>{value}</strong>
          </li>
        ))}
    </ul>
  );
}

export function BenchView() {
  const [store] = useState(createBenchStore);
  const suite = useStore(store, (s) => s.suite);
  const status = useStore(store, (s) => s.status);
  const progress = useStore(store, (s) => s.progress);
  const live = useStore(store, (s) => s.live);
  const current = useStore(store, (s) => s.current);
  const error = useStore(store, (s) => s.error);
  const storageProblem = useStore(store, (s) => s.storageProblem);
  const [linkProblem] = useState(() => readBenchHash(location.hash).problem);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = status === 'running';

  // The permalink selects the suite and may start it. Deferred by a tick so React's
  // development double-mount cancels the timer, not a run.
  useEffect(() => {
    const { link } = readBenchHash(location.hash);
    if (!link) return;
    store.getState().setSuite(link.suite);
    const timer = setTimeout(() => {
      if (link.autorun) void store.getState().start();
    }, 0);
    return () => clearTimeout(timer);
  }, [store]);
  // Leaving the tab cancels a run in progress and frees its device.
  useEffect(() => () => store.getState().cancel(), [store]);

  const permalink = `${location.origin}${location.pathname}${benchHash({ suite, autorun: true })}`;
  // A cancelled run keeps what it measured on screen.
  const shown = running || status === 'cancelled' ? live : (current?.cases ?? []);
  const software = running ? live.some((c) => c.software) : current?.adapter.software;

  return (
    <section className="bench card" aria-label="Benchmark">
      <div className="bench-controls">
        <label className="inline-field">
          Suite
          <select
            data-testid="bench-suite"
            value={suite}
            disabled={running}
            onChange={(e) => {
              const v = SUITE_NAMES.find((n) => n === e.target.value);
              if (v) store.getState().setSuite(v);
            }}
          >
            {SUITE_NAMES.map((n) => (
              <option key={n} value={n}>
                {SUITE_LABELS[n]}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button
            type="button"
            data-testid="bench-cancel"
            onClick={() => store.getState().cancel()}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="bench-run"
            onClick={() => void store.getState().start()}
          >
            Run benchmark
          </button>
        )}
        <a
          href={permalink}
          data-testid="bench-permalink"
          title="Opens the benchmark and re-runs this suite"
        >
          permalink
        </a>
        <button
          type="button"
          disabled={!current}
          data-testid="bench-export"
          onClick={() => current && download(current)}
        >
          Export JSON
        </button>
        <button type="button" data-testid="bench-import" onClick={() => fileInput.current?.click()}>
          Import JSON
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="bench-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            // The size is known before reading: a forged multi-GB file is never read.
            if (file.size > RUN_LIMITS.fileBytes) {
              store
                .getState()
                .refuseImport(
                  `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MiB; the limit for a ` +
                    `benchmark run is ${RUN_LIMITS.fileBytes / 2 ** 20} MiB (RUN_LIMITS.fileBytes)`,
                );
              return;
            }
            void file.text().then((t) => store.getState().importRun(t, file.name));
          }}
        />
      </div>

      <div className="bench-status" data-testid="bench-status" aria-live="polite">
        {running && (
          <>
            <progress
              data-testid="bench-progress"
              max={progress?.total ?? 1}
              value={progress?.done ?? 0}
            />
            <span>
              {progress
                ? `${progress.done}/${progress.total} · ${progress.label}`
                : 'Acquiring the GPU…'}
            </span>
          </>
        )}
        {status === 'cancelled' && <span>Cancelled.</span>}
        {status === 'done' && current && (
          <span>Done in {(current.wallMs / 1000).toFixed(1)} s.</span>
        )}
      </div>
      {linkProblem && (
        <p className="notice notice-warning" role="alert" data-testid="bench-link-problem">
          {linkProblem}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {storageProblem && (
        <p className="notice notice-warning" role="alert" data-testid="bench-storage-problem">
          {storageProblem}
        </p>
      )}
      {software && (
        <p className="notice notice-warning" data-testid="bench-software">
          Software adapter (
          {current?.adapter.description || current?.adapter.architecture || 'fallback'}): GPU times
          measure a CPU emulation of a GPU. Compare them as ratios within this run, not with real
          GPUs.
        </p>
      )}
      {current && !running && (
        <p className="muted">
          {current.adapter.vendor} / {current.adapter.architecture} · {current.runtime} · GPU
          timing: {current.timingMethod} · {new Date(current.date).toLocaleString()}
        </p>
      )}

      <ResultsTable cases={shown} />
      {current && !running && (
        <>
          <Targets run={current} />
          {current.skipped.length > 0 && (
            <details>
              <summary>{current.skipped.length} not measured</summary>
              <ul>
                {current.skipped.map((s) => (
                  <li key={s.what}>
                    {s.what}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <BenchCharts run={current} />
        </>
      )}
      <h3>History</h3>
      <HistoryPanel store={store} />
    </section>
  );
}
