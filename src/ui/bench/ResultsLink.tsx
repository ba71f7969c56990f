/**
 * A link that carries the shown run (src/bench/results-link.ts): opening it shows the same
 * results without running anything. Compression is asynchronous, so the link appears a moment
 * after the run; a run too large for a link says so and points to Export JSON.
 */
import { useEffect, useState } from 'react';
import { encodeResults, resultsHash } from '../../bench/results-link';
import type { BenchRun } from '../../bench/schema';

type LinkState =
  { run: BenchRun; ok: true; url: string } | { run: BenchRun; ok: false; problem: string };

export function ResultsLink({ run }: { run: BenchRun }) {
  const [state, setState] = useState<LinkState | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void encodeResults(run).then(
      (encoded) => {
        if (!live) return;
        const base = `${location.origin}${location.pathname}`;
        setState(
          encoded.ok
            ? { run, ok: true, url: `${base}${resultsHash(run.suite, encoded.payload)}` }
            : { run, ok: false, problem: encoded.problem },
        );
      },
      (e: unknown) => {
        if (live) {
          const why = e instanceof Error ? e.message : String(e);
          setState({ run, ok: false, problem: `No results link: compression failed (${why}).` });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [run]);

  // A link computed for an earlier run is never shown for this one.
  if (!state || state.run !== run) {
    return <span className="muted">Preparing a results link…</span>;
  }
  if (!state.ok) {
    return (
      <span className="bench-link-refused" data-testid="bench-results-link-refused">
        {state.problem}
      </span>
    );
  }
  return (
    <span className="bench-results-link">
      <a
        href={state.url}
        data-testid="bench-results-link"
        title="Opens these results, as measured, without running the benchmark"
      >
        results link
      </a>{' '}
      <span className="muted">({(state.url.length / 1024).toFixed(1)} K characters)</span>{' '}
      <button
        type="button"
        data-testid="bench-copy-results-link"
        onClick={() => {
          // Without a clipboard (an insecure context, a refused permission) the link stays
          // on screen to copy by hand.
          Promise.resolve()
            .then(() => navigator.clipboard.writeText(state.url))
            .then(
              () => setCopied('Copied.'),
              () => setCopied('Copy refused by the browser: right-click the link to copy it.'),
            );
        }}
      >
        Copy results link
      </button>
      {copied && (
        <span className="muted" aria-live="polite">
          {' '}
          {copied}
        </span>
      )}
    </span>
  );
}
