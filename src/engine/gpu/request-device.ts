/**
 * Requests a device sized for the engine: the adapter's larger workgroup memory (bigger
 * single-dispatch FFTs), buffer and binding sizes (bigger chunks), and timestamp-query for GPU
 * timing when offered. The one place browser and Node code should ask for a device.
 */
const LIMITS = [
  'maxComputeWorkgroupStorageSize',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
] as const;

export async function requestEngineDevice(
  adapter: GPUAdapter,
  label = 'phi-resolvent engine',
): Promise<GPUDevice> {
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMITS) requiredLimits[name] = adapter.limits[name];
  const requiredFeatures: GPUFeatureName[] = adapter.features.has('timestamp-query')
    ? ['timestamp-query']
    : [];
  return adapter.requestDevice({ label, requiredLimits, requiredFeatures });
}
