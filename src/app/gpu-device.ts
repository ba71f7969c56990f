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

/** Why there is no WebGPU device. */
export type GpuUnavailableReason = 'no-navigator-gpu' | 'no-adapter' | 'device-refused';

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

/** Limits raised to the adapter's maximum: they decide how large N × batch can get. */
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
      reason: 'no-adapter',
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
      reason: 'device-refused',
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
