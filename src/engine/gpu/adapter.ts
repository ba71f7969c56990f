/**
 * What the adapter is, in one place for the planner, the app's adapter panel and the
 * benchmark's fingerprint: its description, and whether it is a software (CPU-emulated) one.
 * That answer decides the planner's default variant and whether timings describe a GPU at all,
 * so all three must agree on it.
 */

export interface AdapterFacts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

/**
 * Names of CPU rasterizers that do not always call themselves fallback adapters: SwiftShader
 * (Chrome, Dawn), llvmpipe, lavapipe and softpipe (Mesa), WARP, alias "Microsoft Basic Render
 * Driver" (Direct3D).
 */
const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|softpipe|\bwarp\b|basic render|software/i;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The facts of an adapter (its `info`) or of a device (the `adapterInfo` it came from). */
export function adapterFacts(source: GPUAdapter | GPUDevice): AdapterFacts {
  // Implementations differ in what they offer: older ones have no GPUDevice.adapterInfo, and
  // some put isFallbackAdapter on the adapter rather than its info.
  const adapter = 'requestDevice' in source ? source : undefined;
  const info = (adapter ? adapter.info : (source as Partial<GPUDevice>).adapterInfo) as
    Partial<GPUAdapterInfo> | undefined;
  const legacyFlag = (adapter as { isFallbackAdapter?: unknown } | undefined)?.isFallbackAdapter;
  return {
    vendor: text(info?.vendor),
    architecture: text(info?.architecture),
    device: text(info?.device),
    description: text(info?.description),
    isFallbackAdapter: (info?.isFallbackAdapter ?? legacyFlag) === true,
  };
}

/** A fallback adapter, or one whose names say it emulates a GPU on the CPU. */
export function isSoftwareAdapter(facts: AdapterFacts): boolean {
  const names = `${facts.vendor} ${facts.architecture} ${facts.device} ${facts.description}`;
  return facts.isFallbackAdapter || SOFTWARE_NAMES.test(names);
}
