import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in headless Chromium with real WebGPU (SwiftShader on GPU-less machines,
 * see shared/WEBGPU-ON-CPU.md). One worker: the GPU emulation is CPU work on a 2-core box.
 */

// The system browser ships SwiftShader's Vulkan driver; Playwright's bundled browser is the
// fallback on systems without /usr/bin/chromium (it cannot be downloaded here).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

// Without these Chromium tries to reach hosts this network refuses, and slows every launch.
const quietArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Measured here: `--enable-unsafe-webgpu` alone gives the SwiftShader adapter in headless
// Chromium 156; the Vulkan/ANGLE switches made no difference, so they are left out.
const webgpuArgs = ['--enable-unsafe-webgpu', ...quietArgs];

const baseURL = 'http://127.0.0.1:5173';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the first frame compiles WGSL pipelines in SwiftShader (seconds on 2 busy cores).
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx vite --port 5173 --strictPort --host 127.0.0.1',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'webgpu',
      testIgnore: /no-webgpu\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: { args: webgpuArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
    {
      // The same browser without the WebGPU switch: requestAdapter() resolves to null.
      name: 'no-webgpu',
      testMatch: /no-webgpu\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: { args: quietArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
  ],
});
