/**
 * The one place the app acquires a WebGPU adapter and device. The device comes from the
 * engine's requestEngineDevice (larger limits, timestamp-query and subgroups when offered);
 * this turns each way of not getting one into a typed reason the UI can explain.
 */
import {
  adapterFacts,
  ENGINE_LIMITS,
  isSoftwareAdapter,
  requestEngineDevice,
  type AdapterFacts,
} from '../engine';

/**
 * Why there is no WebGPU device. 'withdrawn': WebGPU worked in this page, then the browser
 * turned it off (Chromium does after repeated GPU process crashes); enabling a flag is no cure.
 */
export type GpuUnavailableReason =
  'no-navigator-gpu' | 'no-adapter' | 'device-refused' | 'withdrawn';

/**
 * Browsers' own words when they have turned GPU access off for a page (Chromium's blocklist
 * and its "GPU process crashed too many times"; Firefox throws from requestAdapter when
 * blocklisted). Only messages that come from the browser are matched against this.
 */
const WITHDRAWN_WORDS =
  /blocklist|block-list|blocked|crashed too many times|too many (gpu )?crashes/i;

/**
 * The reason to report for a failed acquisition: `hadDevice` says a device was had earlier in
 * this page, so a missing adapter now means the browser withdrew WebGPU, not that it lacks it.
 */
export function classifyUnavailable(
  reason: GpuUnavailableReason,
  browserMessage: string,
  hadDevice: boolean,
): GpuUnavailableReason {
  if (reason === 'no-navigator-gpu') return reason;
  if (WITHDRAWN_WORDS.test(browserMessage)) return 'withdrawn';
  return hadDevice && reason === 'no-adapter' ? 'withdrawn' : reason;
}

export interface AdapterSummary extends Omit<AdapterFacts, 'isFallbackAdapter'> {
  /** A software adapter (the engine's isSoftwareAdapter): its timings measure CPU emulation. */
  isFallback: boolean;
  /** The device's limits that bound this workload. */
  limits: Record<string, number>;
  /** Every feature the device was created with. */
  features: string[];
}

export type GpuAcquisition =
  | { ok: true; adapter: GPUAdapter; device: GPUDevice; summary: AdapterSummary }
  | { ok: false; reason: GpuUnavailableReason; message: string };

/** Limits shown in the adapter panel. */
const SHOWN_LIMITS = [
  ...ENGINE_LIMITS,
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
] as const;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `gpu` is injectable so unit tests can stand in a fake `navigator.gpu`. */
export async function acquireGpu(
  gpu: GPU | undefined = globalThis.navigator?.gpu,
): Promise<GpuAcquisition> {
  if (!gpu) {
    return {
      ok: false,
      reason: 'no-navigator-gpu',
      message: 'This browser exposes no WebGPU (navigator.gpu is missing).',
    };
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return {
      ok: false,
      reason: classifyUnavailable('no-adapter', describe(error), false),
      message: `requestAdapter() failed: ${describe(error)}`,
    };
  }
  if (!adapter) {
    return {
      ok: false,
      reason: 'no-adapter',
      message:
        'WebGPU is present but no GPU adapter was offered (it may be disabled or blocklisted).',
    };
  }
  let device: GPUDevice;
  try {
    device = await requestEngineDevice(adapter, 'playground device');
  } catch (error) {
    return {
      ok: false,
      reason: classifyUnavailable('device-refused', describe(error), false),
      message: `The adapter refused to create a device: ${describe(error)}`,
    };
  }
  return { ok: true, adapter, device, summary: summarize(adapter, device) };
}

function summarize(adapter: GPUAdapter, device: GPUDevice): AdapterSummary {
  const facts = adapterFacts(adapter);
  const limits: Record<string, number> = {};
  for (const name of SHOWN_LIMITS) limits[name] = device.limits[name];
  return {
    vendor: facts.vendor,
    architecture: facts.architecture,
    device: facts.device,
    description: facts.description,
    isFallback: isSoftwareAdapter(facts),
    limits,
    features: [...device.features].sort(),
  };
}

/**
 * Whether this tab had a WebGPU device before, surviving reloads (sessionStorage is per tab):
 * after the browser withdraws WebGPU, the user reloads, and the adapter is still missing; that
 * is the withdrawal again, not a browser without WebGPU.
 */
export interface GpuMemory {
  hadDevice(): boolean;
  remember(): void;
}

const GPU_MEMORY_KEY = 'phi-playground:webgpu-worked';

/**
 * A GpuMemory kept in `storage` (window.sessionStorage: its getter throws where storage is
 * blocked); blocked or failing storage just remembers for this page only.
 */
export function storedGpuMemory(
  storage: () => Pick<Storage, 'getItem' | 'setItem'> | null = () => null,
): GpuMemory {
  let had = false;
  try {
    had = storage()?.getItem(GPU_MEMORY_KEY) === '1';
  } catch {
    // Storage refused: only this page's own history counts.
  }
  return {
    hadDevice: () => had,
    remember: () => {
      had = true;
      try {
        storage()?.setItem(GPU_MEMORY_KEY, '1');
      } catch {
        // As above: remembered for this page only.
      }
    },
  };
}

export interface DeviceWatch {
  onLost(info: GPUDeviceLostInfo): void;
  onUncapturedError(error: GPUError): void;
}

/**
 * Routes a device's loss and its uncaptured errors to the handlers. A loss with reason
 * 'destroyed' is one the app caused itself (it destroyed the device) and is not reported.
 */
export function watchDevice(device: GPUDevice, watch: DeviceWatch): () => void {
  let active = true;
  const onError = (event: GPUUncapturedErrorEvent): void => {
    if (active) watch.onUncapturedError(event.error);
  };
  device.addEventListener('uncapturederror', onError);
  void device.lost.then((info) => {
    if (active && info.reason !== 'destroyed') watch.onLost(info);
  });
  return () => {
    active = false;
    device.removeEventListener('uncapturederror', onError);
  };
}
