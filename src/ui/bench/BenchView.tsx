/**
 * The Benchmark tab: run a suite on this browser's adapter with progress and cancel, read the
 * headline, the grouped results table with its legend and the charts, keep a history, compare
 * runs, export/import JSON (and the table as CSV), and share either a permalink that re-runs the
 * suite (`#bench=<suite>&autorun`) or one that carries the results (`#bench=<suite>&results=…`).
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { describeFused, describeTfjsTarget, efficiencyTargetLines } from '../../bench/format-table';
import { benchHash, readBenchHash } from '../../bench/permalink';
import { resultsPayloadOf } from '../../bench/results-link';
import { SUITE_NAMES, type BenchRun, type SuiteName } from '../../bench/schema';
import { useAppState, useAppStore } from '../app-context';
import { BenchCharts } from './BenchCharts';
import { createBenchStore } from './bench-store';
import { Headline } from './Headline';
import { HistoryPanel } from './HistoryPanel';
import { RunImportStatus } from './RunImportStatus';
import { ResultsLink } from './ResultsLink';
import { ColumnLegend, ResultsTable } from './ResultsTable';
import { casesCsv } from './table-csv';
import './bench.css';

const SUITE_LABELS: Record<SuiteName, string> = {
  tiny: 'tiny (smoke test, seconds)',
  quick: 'quick (minutes)',
  full: 'full (N = 2^4 … 2^20, 64² … 2048²)',
};

function save(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const fileStem = (run: BenchRun): string => `bench-${run.suite}-${run.date.replace(/[:.]/g, '-')}`;

function download(run: BenchRun): void {
  save(`${JSON.stringify(run, null, 2)}\n`, 'application/json', `${fileStem(run)}.json`);
}

function downloadCsv(run: BenchRun): void {
  save(casesCsv(run.cases), 'text/csv', `${fileStem(run)}.csv`);
}

/** Why the benchmark cannot run here: it times WebGPU kernels, so it needs a WebGPU device. */
const NO_WEBGPU_REASON =
  'The benchmark needs a WebGPU device, and the app found none: it runs on its CPU engine (the ' +
  'banner above says why). A results link or an imported run still opens here.';

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
  const linkProblem = useStore(store, (s) => s.linkProblem);
  const shared = useStore(store, (s) => s.shared);
  const opening = useStore(store, (s) => s.opening);
  const noWebGpu = useAppState((s) => s.backend.kind === 'cpu');
  const appStore = useAppStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const running = status === 'running';

  // The permalink selects the suite and either shows the results it carries or may start the
  // suite. Deferred by a tick so React's development double-mount cancels the timer, not a run.
  useEffect(() => {
    const open = (hash: string): (() => void) | undefined => {
      const { link, problem } = readBenchHash(hash);
      store.getState().setLinkProblem(problem);
      if (!link) return undefined;
      store.getState().setSuite(link.suite);
      const payload = resultsPayloadOf(hash);
      let stopWaiting = (): void => undefined;
      const timer = setTimeout(() => {
        // A results link shows what was measured elsewhere: it never starts a run.
        if (payload !== null) void store.getState().openResults(payload);
        else if (link.autorun) stopWaiting = startOnceWebGpu();
      }, 0);
      return () => {
        clearTimeout(timer);
        stopWaiting();
      };
    };
    // An autorun link waits until the app knows whether it has WebGPU, and starts only if so:
    // without it the Run button is disabled and says why.
    const startOnceWebGpu = (): (() => void) => {
      const decide = (kind: string): boolean => {
        if (kind === 'starting') return false;
        if (kind === 'webgpu') void store.getState().start();
        return true;
      };
      if (decide(appStore.getState().backend.kind)) return () => undefined;
      const unsubscribe = appStore.subscribe((s) => {
        if (decide(s.backend.kind)) unsubscribe();
      });
      return unsubscribe;
    };
    let cancel = open(location.hash);
    // A results link pasted into the address bar while the tab is open.
    const onHashChange = (): void => {
      cancel?.();
      cancel = open(location.hash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      cancel?.();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store, appStore]);
  // Leaving the tab cancels a run in progress and frees its device, and stops an import's worker.
  useEffect(
    () => () => {
      store.getState().cancel();
      store.getState().cancelImport();
    },
    [store],
  );

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
            disabled={noWebGpu}
            aria-describedby={noWebGpu ? 'bench-run-reason' : undefined}
            onClick={() => void store.getState().start()}
          >
            Run benchmark
          </button>
        )}
        <a
          href={permalink}
          data-testid="bench-permalink"
          title="Opens the benchmark and re-runs this suite on the opener's own adapter"
        >
          re-run link
        </a>
        <button
          type="button"
          disabled={!current}
          data-testid="bench-export"
          onClick={() => current && download(current)}
        >
          Export JSON
        </button>
        <button
          type="button"
          disabled={!current}
          data-testid="bench-export-csv"
          title="The full results table, every row at full precision"
          onClick={() => current && downloadCsv(current)}
        >
          Export table (CSV)
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
            // Size-checked, then read and parsed in a worker: the page answers throughout.
            if (file) void store.getState().importFile(file);
          }}
        />
      </div>

      {noWebGpu && (
        <p className="notice notice-warning" id="bench-run-reason" data-testid="bench-run-reason">
          {NO_WEBGPU_REASON}
        </p>
      )}
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
        {opening && <span>Opening the results link…</span>}
        <RunImportStatus store={store} />
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
      {shared && current && !running && (
        <p className="notice" data-testid="bench-shared">
          These results came with the link: measured on {new Date(current.date).toLocaleString()} on{' '}
          {current.adapter.description || current.adapter.architecture || 'an unnamed adapter'} (
          {current.runtime}). Nothing was run in this browser; Run benchmark measures yours.
        </p>
      )}
      {current && !running && (
        <>
          <p className="muted">
            {current.adapter.vendor} / {current.adapter.architecture} · {current.runtime} · GPU
            timing: {current.timingMethod} · {new Date(current.date).toLocaleString()}
          </p>
          <p className="bench-share">
            Share: <ResultsLink key={current.id} run={current} />
          </p>
          <Headline run={current} />
        </>
      )}

      <ResultsTable cases={shown} />
      {shown.length > 0 && <ColumnLegend />}
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
