/**
 * The numbers the page shows on WebGPU equal the float64 CPU reference for the same workload
 * (computed in the same page from the same generator), and repeat exactly frame after frame:
 * the workload is deterministic per seed.
 */
import { expect, relErr, seqOf, test, valueOf, waitForFrame } from './fixtures';

type EngineModule = typeof import('../src/engine');
type WorkloadsModule = typeof import('../src/workloads');
type ConfigModule = typeof import('../src/io/config');

const CASES = [
  { name: '1D, multi-pass FFT', hash: 'gen=coherent-noise&n=1024&batch=16&phi=30&snr=6' },
  { name: '2D', hash: 'dims=2&gen=noise2d&ny=32&nx=64&batch=3&phi=0.5&k=radians' },
];

for (const c of CASES) {
  test(`webgpu matches the float64 reference: ${c.name}`, async ({ page }) => {
    await page.goto(`/#${c.hash}`);
    await expect(page.getByTestId('backend')).toHaveText('webgpu');
    await waitForFrame(page, 2);
    const coherence = await valueOf(page, 'metric-coherence');
    const highK = await valueOf(page, 'metric-high-k-energy');
    const seq = await seqOf(page);
    await waitForFrame(page, seq + 2);
    expect(relErr(await valueOf(page, 'metric-coherence'), coherence)).toBeLessThan(1e-6);
    expect(relErr(await valueOf(page, 'metric-high-k-energy'), highK)).toBeLessThan(1e-6);

    const ref = await page.evaluate(
      async ({ hash, urls }) => {
        const E = (await import(/* @vite-ignore */ urls.engine)) as EngineModule;
        const W = (await import(/* @vite-ignore */ urls.workloads)) as WorkloadsModule;
        const C = (await import(/* @vite-ignore */ urls.config)) as ConfigModule;
        const { decodeHash } = (await import(
          /* @vite-ignore */ urls.permalink
        )) as typeof import('../src/io/permalink');
        const { config } = decodeHash(hash);
        const r = await E.createCpuEngine().resolvent(W.generate(C.workloadOf(config)), {
          shape: C.shapeOf(config),
          batch: config.batch,
          phi: config.phi,
          lambda: config.lambda,
          kUnit: config.kUnit,
          kScale: config.kScale,
          real: true,
        });
        return { coherence: r.batchCoherence, highK: r.batchHighKEnergy };
      },
      {
        hash: c.hash,
        urls: {
          engine: '/src/engine/index.ts',
          workloads: '/src/workloads/index.ts',
          config: '/src/io/config.ts',
          permalink: '/src/io/permalink.ts',
        },
      },
    );
    expect(relErr(coherence, ref.coherence)).toBeLessThan(1e-4);
    expect(relErr(highK, ref.highK)).toBeLessThan(1e-4);
  });
}
