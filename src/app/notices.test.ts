import { describe, expect, it } from 'vitest';
import {
  NOTICE,
  noticesFor,
  noticeTab,
  WITHDRAWN_ADVICE,
  webgpuUnavailableNotice,
  type Notice,
} from './notices';

const notice = (id: string, extra: Partial<Notice> = {}): Notice => ({
  id,
  level: 'error',
  title: id,
  lines: [],
  ...extra,
});

describe('notices by tab', () => {
  it('keeps the playground’s own notices to the playground and shows the page’s everywhere', () => {
    const all = [
      notice(NOTICE.webgpu),
      notice(NOTICE.runError),
      notice(NOTICE.limit),
      notice(NOTICE.config),
      notice(NOTICE.import),
      notice(NOTICE.deviceLost),
      notice(NOTICE.csp),
    ];
    expect(noticesFor(all, 'playground').map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(noticesFor(all, 'benchmark').map((n) => n.id)).toEqual([
      NOTICE.webgpu,
      NOTICE.deviceLost,
      NOTICE.csp,
    ]);
  });

  it('lets a notice name its own tab, over its cause’s', () => {
    const training = notice('training-data', { tab: 'training' });
    const moved = notice(NOTICE.runError, { tab: 'scaling' });
    expect(noticeTab(training)).toBe('training');
    expect(noticeTab(moved)).toBe('scaling');
    expect(noticeTab(notice(NOTICE.webgpu))).toBeNull();
    expect(noticesFor([training, moved], 'training')).toEqual([training]);
    expect(noticesFor([training, moved], 'playground')).toEqual([]);
  });
});

describe('no-WebGPU texts', () => {
  it('after a withdrawal, says reload or restart and never “enable the flag”', () => {
    const n = webgpuUnavailableNotice('withdrawn', 'requestAdapter() returned null');
    const text = [n.title, ...n.lines].join('\n');
    expect(n.id).toBe(NOTICE.webgpu);
    expect(text).toContain('turned WebGPU off for this page after repeated GPU crashes');
    expect(text).toContain('reload the page or restart the browser');
    expect(text).not.toContain('enable-unsafe-webgpu');
    expect(text).not.toContain('chrome://flags');
    expect(n.lines).toContain(WITHDRAWN_ADVICE);
  });

  it('a browser without an adapter gets the ways to enable WebGPU', () => {
    const text = webgpuUnavailableNotice('no-adapter', '').lines.join('\n');
    expect(text).toContain('chrome://flags/#enable-unsafe-webgpu');
    expect(text).not.toContain('repeated GPU crashes');
  });
});
