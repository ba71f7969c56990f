/** Which engine computes the frames: `webgpu` or `cpu` (the test hook reads this text). */
import { useAppState } from './app-context';

export function BackendBadge() {
  const backend = useAppState((s) => s.backend);
  const kind = backend.kind;
  const fallback = backend.kind === 'webgpu' && backend.adapter?.isFallback === true;
  const title =
    kind === 'cpu'
      ? 'CPU engine: float64 JavaScript, no GPU involved'
      : kind === 'webgpu'
        ? fallback
          ? 'WebGPU on a software adapter: timings are CPU emulation'
          : 'WebGPU compute shaders on the GPU'
        : 'Acquiring a WebGPU device…';
  return (
    <span className="backend-wrap" title={title}>
      <span className="muted small">engine</span>
      <span
        className={`badge badge-${kind}`}
        data-testid="backend"
        data-epoch={backend.kind === 'starting' ? 0 : backend.epoch}
      >
        {kind === 'starting' ? 'starting…' : kind}
      </span>
      {fallback && <span className="badge badge-soft">software adapter</span>}
    </span>
  );
}
