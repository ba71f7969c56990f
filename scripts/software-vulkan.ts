/**
 * WebGPU through SwiftShader on a machine without a GPU, for the Node scripts that run the
 * engine. Kept free of other imports: the benchmark bundle (`npm run bench:bundle`) includes it.
 */
import { existsSync, readdirSync } from 'node:fs';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** A Linux machine without a GPU device node gets SwiftShader; one with a GPU keeps its driver. */
export function needsSoftwareVulkan(): boolean {
  if (process.platform !== 'linux' || process.env.VK_ICD_FILENAMES) return false;
  const dri = existsSync('/dev/dri') ? readdirSync('/dev/dri') : [];
  const hasGpu = existsSync('/dev/nvidia0') || dri.some((n) => n.startsWith('renderD'));
  return !hasGpu && existsSync(SWIFTSHADER_ICD);
}

/** Points Dawn's Vulkan loader at SwiftShader when `needsSoftwareVulkan()`. */
export function selectSoftwareVulkanIfNoGpu(): void {
  if (needsSoftwareVulkan()) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
}
