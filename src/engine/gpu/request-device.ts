/**
 * Requests a device sized for the engine: the adapter's larger workgroup memory (bigger
 * single-dispatch FFTs), buffer and binding sizes (bigger chunks), and timestamp-query for GPU
 * timing and subgroups when offered. The one place browser and Node code should ask for a device.
 */
export const ENGINE_LIMITS = [
  'maxComputeWorkgroupStorageSize',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
] as const;

export async function requestEngineDevice(
  adapter: GPUAdapter,
  label = 'phi-resolvent engine',
): Promise<GPUDevice> {
  const requiredLimits: Record<string, number> = {};
  for (const name of ENGINE_LIMITS) requiredLimits[name] = adapter.limits[name];
  // timestamp-query: GPU timing; subgroups: the 'subgroups' kernel variant (subgroup-probe.ts).
  const requiredFeatures = (['timestamp-query', 'subgroups'] as GPUFeatureName[]).filter((f) =>
    adapter.features.has(f),
  );
  return adapter.requestDevice({ label, requiredLimits, requiredFeatures });
}
