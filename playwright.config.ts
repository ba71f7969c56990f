import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { writeFakeMicrophoneWav } from './e2e/tone-wav';

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

// A fake microphone that plays a known WAV (tones at 1 kHz and 5 kHz), with the permission
// prompt answered yes, for the audio spec.
const audioArgs = [
  ...webgpuArgs,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${writeFakeMicrophoneWav()}`,
];

const baseURL = 'http://127.0.0.1:5173';

// The production build (minified, React without its development checks), for the tests that
// time the main thread (*.prod.spec.ts). Built into node_modules/.e2e-dist, away from dist/ and
// from the lint and format globs. Building takes 5 s on an idle 2-core machine (24 s measured
// on a loaded one), so its server only starts when the run may reach a *.prod.spec.ts file
// (see `wantsProdServer`).
const prodURL = 'http://127.0.0.1:4174';
const prodDir = 'node_modules/.e2e-dist';

/**
 * False only when the command line names spec files or projects and none of them is a
 * production one (a targeted run of other specs need not wait for the build).
 */
function wantsProdServer(argv: readonly string[]): boolean {
  const projects = argv.flatMap((a, i) =>
    a.startsWith('--project=') ? [a.slice(10)] : a === '--project' ? [argv[i + 1] ?? ''] : [],
  );
  if (projects.length > 0 && !projects.some((p) => p.startsWith('prod'))) return false;
  const specs = argv.filter((a) => /\.spec\.ts$/.test(a));
  return specs.length === 0 || specs.some((a) => /\.prod\.spec\.ts$/.test(a));
}

const devServer = {
  command: 'npx vite --port 5173 --strictPort --host 127.0.0.1',
  url: baseURL,
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
};
const prodServer = {
  command:
    `npx vite build --outDir ${prodDir} --emptyOutDir --logLevel warn && ` +
    `npx vite preview --outDir ${prodDir} --port 4174 --strictPort --host 127.0.0.1`,
  url: prodURL,
  reuseExistingServer: !process.env.CI,
  timeout: 180_000,
};

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
  webServer: wantsProdServer(process.argv.slice(2)) ? [devServer, prodServer] : devServer,
  projects: [
    {
      // Against the production build: main-thread long tasks while the default workload runs.
      name: 'prod',
      testMatch: /\.prod\.spec\.ts/,
      testIgnore: /no-webgpu\.prod\.spec\.ts/,
      use: {
        baseURL: prodURL,
        browserName: 'chromium',
        launchOptions: { args: webgpuArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
    {
      // The production build without WebGPU: the CPU engine's worker and click latency.
      name: 'prod-no-webgpu',
      testMatch: /no-webgpu\.prod\.spec\.ts/,
      use: {
        baseURL: prodURL,
        browserName: 'chromium',
        launchOptions: { args: quietArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
    {
      name: 'webgpu',
      testIgnore: [/no-webgpu\.spec\.ts/, /\.prod\.spec\.ts/, /audio\.spec\.ts/],
      use: {
        browserName: 'chromium',
        launchOptions: { args: webgpuArgs, ...(executablePath ? { executablePath } : {}) },
      },
    },
    {
      // WebGPU plus a fake microphone (see audioArgs).
      name: 'audio',
      testMatch: /audio\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: { args: audioArgs, ...(executablePath ? { executablePath } : {}) },
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
