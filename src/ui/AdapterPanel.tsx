/** What the GPU adapter is, whether its timings mean anything, and the limits that bound N × batch. */
import { useAppState } from './app-context';
import { formatBytes } from './format';
import { PlanSection } from './PlanSection';

const BYTE_LIMITS = new Set([
  'maxComputeWorkgroupStorageSize',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
]);

export function AdapterPanel() {
  const backend = useAppState((s) => s.backend);
  const method = useAppState((s) => s.frame?.method ?? null);
  const adapter = backend.kind === 'webgpu' ? backend.adapter : null;
  return (
    <section className="card panel" aria-label="Adapter" data-testid="adapter-info">
      <h2>Adapter</h2>
      {backend.kind === 'starting' && <p className="muted">Acquiring a WebGPU device…</p>}
      {backend.kind === 'cpu' && (
        <p>
          <strong>CPU engine</strong> (float64 JavaScript on the main thread). No WebGPU device is
          in use; see the banner above.
        </p>
      )}
      {adapter && (
        <>
          <dl className="facts">
            <dt>vendor</dt>
            <dd>{adapter.vendor || '—'}</dd>
            <dt>architecture</dt>
            <dd>{adapter.architecture || '—'}</dd>
            {adapter.description && (
              <>
                <dt>description</dt>
                <dd>{adapter.description}</dd>
              </>
            )}
            <dt>software adapter</dt>
            <dd data-testid="adapter-fallback">{adapter.isFallback ? 'yes (software)' : 'no'}</dd>
          </dl>
          {adapter.isFallback && (
            <p className="warn-text">
              A software adapter: every “GPU” timing here measures a CPU emulation, not a GPU.
            </p>
          )}
          <h3>Limits</h3>
          <dl className="facts">
            {Object.entries(adapter.limits).map(([name, value]) => (
              <div key={name} className="fact">
                <dt>{name}</dt>
                <dd>
                  {BYTE_LIMITS.has(name) ? formatBytes(value) : value.toLocaleString('en-US')}
                </dd>
              </div>
            ))}
          </dl>
          <h3>Features</h3>
          <p className="features">{adapter.features.join(', ') || 'none'}</p>
          <PlanSection />
        </>
      )}
      <p>
        Timing method:{' '}
        <strong data-testid="timing-method">
          {method === 'timestamp'
            ? 'GPU timestamp queries'
            : method === 'wall'
              ? backend.kind === 'cpu'
                ? 'wall clock (CPU)'
                : 'wall clock, submit → done'
              : '—'}
        </strong>
      </p>
    </section>
  );
}
