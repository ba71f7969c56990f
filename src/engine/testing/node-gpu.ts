/**
 * Real WebGPU in Node through the `webgpu` package (Dawn), for the GPU tests and the
 * benchmark's --node mode. On a machine without a GPU, Dawn is pointed at SwiftShader's Vulkan
 * driver from Debian's chromium package (see ../shared/WEBGPU-ON-CPU.md). It throws, never
 * skips, when no adapter is found: in CI a missing adapter is a failure.
 */
import { existsSync } from 'node:fs';
import { requestEngineDevice } from '../gpu/request-device';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

// Held at module scope on purpose: if the GPU object from create() is garbage-collected while a
// device is in use, the process dies with a segmentation fault.
let gpu: GPU | undefined;

function hasHardwareGpu(): boolean {
  return existsSync('/dev/nvidia0') || existsSync('/dev/dri/renderD128');
}

export async function nodeAdapter(): Promise<GPUAdapter> {
  if (!gpu) {
    if (!process.env.VK_ICD_FILENAMES && !hasHardwareGpu() && existsSync(SWIFTSHADER_ICD)) {
      process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    }
    const webgpu = await import('webgpu');
    Object.assign(globalThis, webgpu.globals);
    // SwiftShader spends ~15 s compiling the zero-fill of a 32 KiB workgroup array (measured
    // with scripts in this repo's history: 15.5 s with it, 73 ms without, for the same 2-point
    // kernel), and every 'workgroup' kernel has one. The tests check results, which never
    // depend on it: the kernels write workgroup memory before reading what they use (reading
    // unwritten memory would be a bug that zero-fill could only hide).
    gpu = webgpu.create(['enable-dawn-features=disable_workgroup_init']);
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new Error(
      "No WebGPU adapter from Dawn. Without a GPU, install Debian's chromium (SwiftShader " +
        `Vulkan driver at ${SWIFTSHADER_ICD}) and libvulkan1.`,
    );
  }
  return adapter;
}

export async function nodeDevice(): Promise<GPUDevice> {
  return requestEngineDevice(await nodeAdapter(), 'test device');
}
