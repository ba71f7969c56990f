/**
 * The adapter fingerprint a run records: who made the adapter, whether it is a software
 * (CPU-emulated) one, and the limits and features the results depend on.
 */
import type { AdapterFingerprint } from './schema';

/** Limits the run records; the adapter may have more, which `for…in` also picks up. */
const LIMIT_NAMES = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
] as const;

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render|software/i;

function readLimits(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  const bag = limits as unknown as Record<string, unknown>;
  const names = new Set<string>(LIMIT_NAMES);
  for (const k in limits) names.add(k);
  for (const k of names) {
    const v = bag[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

export function fingerprint(adapter: GPUAdapter): AdapterFingerprint {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  // Older implementations put the flag on the adapter, newer ones on its info.
  const legacy = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const isFallbackAdapter = Boolean(info.isFallbackAdapter ?? legacy ?? false);
  const vendor = info.vendor;
  const architecture = info.architecture;
  const text = `${vendor} ${architecture} ${info.device} ${info.description}`;
  return {
    vendor,
    architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter,
    software: isFallbackAdapter || SOFTWARE.test(text),
    limits: readLimits(adapter.limits),
    features: [...adapter.features].map(String).sort(),
  };
}
