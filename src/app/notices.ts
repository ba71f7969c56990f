/**
 * Banners the app shows, and the texts of those that explain a missing WebGPU. A notice has a
 * stable id per cause, so a repeated cause replaces its banner instead of stacking copies.
 */
import type { GpuUnavailableReason } from './gpu-device';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: string;
  level: NoticeLevel;
  title: string;
  /** Lines of explanation under the title. */
  lines: readonly string[];
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
} as const;

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
};

export function webgpuUnavailableNotice(reason: GpuUnavailableReason, message: string): Notice {
  return {
    id: NOTICE.webgpu,
    level: 'warning',
    title: `${REASON_TITLE[reason]} Running on the CPU engine (float64, labelled "CPU").`,
    // The adapter/navigator cases are fully said by the title; a refused device has its reason.
    lines: reason === 'device-refused' ? [message, ...HOW_TO_ENABLE] : HOW_TO_ENABLE,
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
