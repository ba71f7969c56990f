/** The page: header with the Playground | Benchmark tabs, the banner area, the active view. */
import { Activity, lazy, Suspense, useDeferredValue } from 'react';
import type { Tab } from '../app/store';
import { useAppState } from './app-context';
import { BackendBadge } from './BackendBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { NoticeArea } from './NoticeArea';
import { Playground } from './Playground';

// The benchmark view is its own chunk: the playground does not pay for it until asked.
const BenchView = lazy(() => import('./bench/BenchView').then((m) => ({ default: m.BenchView })));
const SchedulerView = lazy(() =>
  import('./labs/scheduler/SchedulerView').then((m) => ({ default: m.SchedulerView })),
);
const TrainingView = lazy(() =>
  import('./labs/training/TrainingView').then((m) => ({ default: m.TrainingView })),
);
const ScalingView = lazy(() =>
  import('./labs/scaling/ScalingView').then((m) => ({ default: m.ScalingView })),
);

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'playground', label: 'Playground' },
  { id: 'benchmark', label: 'Benchmark' },
  { id: 'scheduler', label: 'Scheduler' },
  { id: 'training', label: 'Training' },
  { id: 'scaling', label: 'Scaling' },
];

export function App() {
  const tab = useAppState((s) => s.tab);
  const setTab = useAppState((s) => s.setTab);
  // The tab buttons follow a click at once; the view follows in a background render, so the
  // click is answered (the tab lights up) before the chosen view's charts attach, which can take
  // longer than a frame on a slow machine.
  const shown = useDeferredValue(tab);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            φ
          </span>
          <div>
            <h1>φ-resolvent playground</h1>
            <p className="tagline">
              Batched FFT · spectral filter · reductions in WebGPU compute shaders
            </p>
          </div>
        </div>
        <nav className="tabs" role="tablist" aria-label="Views">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              data-testid={`tab-${t.id}`}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        <BackendBadge />
      </header>
      <NoticeArea />
      <main>
        <ErrorBoundary>
          {/* The playground stays mounted while another tab shows: coming back re-shows its DOM
              instead of re-rendering every chart in one long task (the run loop parks meanwhile,
              so the hidden tree gets no updates). */}
          <Activity mode={shown === 'playground' ? 'visible' : 'hidden'}>
            <Playground />
          </Activity>
          {shown === 'playground' ? null : shown === 'scaling' ? (
            <Suspense fallback={<p className="muted">Loading the scaling lab…</p>}>
              <ScalingView />
            </Suspense>
          ) : shown === 'training' ? (
            <Suspense fallback={<p className="muted">Loading the training lab…</p>}>
              <TrainingView />
            </Suspense>
          ) : shown === 'scheduler' ? (
            <Suspense fallback={<p className="muted">Loading the scheduler lab…</p>}>
              <SchedulerView />
            </Suspense>
          ) : (
            <div className="bench-wrap">
              <Suspense fallback={<p className="muted">Loading the benchmark…</p>}>
                <BenchView />
              </Suspense>
            </div>
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
