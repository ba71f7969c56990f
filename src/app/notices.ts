/**
 * Banners the app shows, and the texts of those that explain a missing WebGPU. A notice has a
 * stable id per cause, so a repeated cause replaces its banner instead of stacking copies, and
 * belongs either to the whole page or to one tab (a playground run error means nothing on the
 * Benchmark tab).
 */
import type { GpuUnavailableReason } from './gpu-device';
import type { Tab } from './store';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: string;
  level: NoticeLevel;
  title: string;
  /** Lines of explanation under the title. */
  lines: readonly string[];
  /** The tab it belongs to; without one, its id's tab (noticeTab), else the whole page. */
  tab?: Tab;
}

/** Stable ids, one per cause. */
export const NOTICE = {
  webgpu: 'webgpu-unavailable',
  deviceLost: 'device-lost',
  gpuError: 'gpu-error',
  limit: 'limit',
  config: 'config-problems',
  storage: 'storage-blocked',
  import: 'import',
  runError: 'run-error',
  copied: 'copied',
  csp: 'csp-violation',
  cpuWorker: 'cpu-worker',
} as const;

/**
 * Causes that concern one tab, so that tab alone shows them. The others (no WebGPU, a lost
 * device, storage, the security policy, the CPU engine's worker) concern every tab.
 */
const TAB_OF_CAUSE: Readonly<Record<string, Tab>> = {
  [NOTICE.limit]: 'playground',
  [NOTICE.config]: 'playground',
  [NOTICE.import]: 'playground',
  [NOTICE.runError]: 'playground',
  [NOTICE.copied]: 'playground',
};

/** The tab a notice belongs to, or null for one the whole page shows. */
export function noticeTab(notice: Notice): Tab | null {
  return notice.tab ?? TAB_OF_CAUSE[notice.id] ?? null;
}

/** The notices to show on `tab`: the page's and that tab's, in the order they came. */
export function noticesFor(notices: readonly Notice[], tab: Tab): Notice[] {
  return notices.filter((n) => {
    const own = noticeTab(n);
    return own === null || own === tab;
  });
}

const HOW_TO_ENABLE = [
  'Chrome / Edge on Linux: open chrome://flags/#enable-unsafe-webgpu and enable it, or start ' +
    'the browser with --enable-unsafe-webgpu. On Windows and macOS WebGPU is on by default ' +
    'since Chrome 113; check chrome://gpu if it is still missing.',
  'Firefox: WebGPU ships in Firefox 141+ on Windows; elsewhere set dom.webgpu.enabled to true ' +
    'in about:config (Nightly).',
  'Safari: WebGPU is on by default from Safari 26; on older versions enable it under ' +
    'Develop → Feature Flags.',
  'WebGPU also needs a secure context: https://, or http://localhost / 127.0.0.1.',
];

const REASON_TITLE: Record<GpuUnavailableReason, string> = {
  'no-navigator-gpu': 'No WebGPU in this browser (navigator.gpu is missing).',
  'no-adapter': 'WebGPU is present, but no GPU adapter was offered.',
  'device-refused': 'The GPU adapter refused to create a device.',
  withdrawn: 'The browser turned WebGPU off for this page after repeated GPU crashes.',
};

/** After a withdrawal a flag cannot help: the browser gives WebGPU back on a reload or restart. */
export const WITHDRAWN_ADVICE =
  'The browser turned WebGPU off for this page after repeated GPU crashes; reload the page or ' +
  'restart the browser.';

function linesFor(reason: GpuUnavailableReason, message: string): string[] {
  switch (reason) {
    // The adapter/navigator cases are fully said by the title; a refused device has its reason.
    case 'no-navigator-gpu':
    case 'no-adapter':
      return HOW_TO_ENABLE;
    case 'device-refused':
      return [message, ...HOW_TO_ENABLE];
    case 'withdrawn':
      return [WITHDRAWN_ADVICE, message];
  }
}

export function webgpuUnavailableNotice(reason: GpuUnavailableReason, message: string): Notice {
  return {
    id: NOTICE.webgpu,
    level: 'warning',
    title: `${REASON_TITLE[reason]} Running on the CPU engine (float64, labelled "CPU").`,
    lines: linesFor(reason, message),
  };
}

export function engineFailedNotice(message: string): Notice {
  return {
    id: NOTICE.webgpu,
    level: 'warning',
    title:
      'A WebGPU device was found, but the GPU engine could not start. Running on the CPU engine.',
    lines: [message],
  };
}

/** The CPU engine's worker could not start: it computes on the page's own thread instead. */
export function cpuWorkerFallbackNotice(reason: string): Notice {
  return {
    id: NOTICE.cpuWorker,
    level: 'warning',
    title:
      'The CPU engine could not start its Web Worker; it computes on the page’s own thread, ' +
      'so the page may answer clicks slowly while a frame runs.',
    lines: [reason],
  };
}
