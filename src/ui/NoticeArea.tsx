/**
 * The banner area: one banner per cause (no WebGPU, device lost, limits, bad input…). It shows
 * the page's notices and the active tab's; another tab's wait until that tab is shown again.
 */
import { useMemo } from 'react';
import { noticesFor, noticeTab } from '../app/notices';
import { useAppState } from './app-context';

export function NoticeArea() {
  const notices = useAppState((s) => s.notices);
  const tab = useAppState((s) => s.tab);
  const dismiss = useAppState((s) => s.dismiss);
  const shown = useMemo(() => noticesFor(notices, tab), [notices, tab]);
  return (
    <div className="notices" data-testid="notice" aria-live="polite">
      {shown.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.level}`}
          role={n.level === 'error' ? 'alert' : 'status'}
          data-notice-id={n.id}
          data-notice-tab={noticeTab(n) ?? 'all'}
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
