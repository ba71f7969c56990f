/**
 * The adapter fingerprint a run records: who made the adapter, whether it is a software
 * (CPU-emulated) one, and the limits and features the results depend on.
 */
import { adapterFacts, isSoftwareAdapter } from '../engine';
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
  const facts = adapterFacts(adapter);
  return {
    ...facts,
    software: isSoftwareAdapter(facts),
    limits: readLimits(adapter.limits),
    features: [...adapter.features].map(String).sort(),
  };
}
