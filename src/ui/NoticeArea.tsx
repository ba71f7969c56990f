/** The banner area: one banner per cause (no WebGPU, device lost, limits, bad input…). */
import { useAppState } from './app-context';

export function NoticeArea() {
  const notices = useAppState((s) => s.notices);
  const dismiss = useAppState((s) => s.dismiss);
  return (
    <div className="notices" data-testid="notice" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.level}`}
          role={n.level === 'error' ? 'alert' : 'status'}
          data-notice-id={n.id}
        >
          <div className="notice-text">
            <strong>{n.title}</strong>
            {n.lines.length > 0 && (
              <ul>
                {n.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
