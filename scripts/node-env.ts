/**
 * What the Node scripts that run the engine share: WebGPU through SwiftShader on a machine
 * without a GPU, and Vite's SSR loader (the engine imports its WGSL as `?raw`, which only Vite
 * resolves, so plain tsx cannot import src/engine/index.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

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

/** A Vite server in middleware mode, only for `ssrLoadModule`; close it when done. */
export function ssrLoader(): Promise<ViteDevServer> {
  return createServer({
    configFile: resolve(import.meta.dirname, '../vite.config.ts'),
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
}
