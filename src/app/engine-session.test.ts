import { describe, expect, it } from 'vitest';
import { createCpuEngine, type Engine } from '../engine';
import { createEngineSession, type SessionDeps } from './engine-session';
import {
  storedGpuMemory,
  type AdapterSummary,
  type GpuAcquisition,
  type GpuMemory,
} from './gpu-device';
import type { Notice } from './notices';

const SUMMARY: AdapterSummary = {
  vendor: 'test',
  architecture: 'fake',
  device: '',
  description: '',
  isFallback: false,
  limits: {},
  features: [],
};

/** The parts of GPUDevice the session touches: lost, events, destroy. */
function fakeDevice() {
  let lose: (info: GPUDeviceLostInfo) => void = () => undefined;
  const lost = new Promise<GPUDeviceLostInfo>((r) => (lose = r));
  const state = { destroyed: false };
  const device = {
    lost,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    destroy: () => {
      state.destroyed = true;
    },
  };
  // A structural stand-in: the session only uses the members above.
  return { device: device as unknown as GPUDevice, state, lose };
}

function gpuEngine(): Engine {
  return { ...createCpuEngine(), backend: 'webgpu' };
}

function harness(acquisitions: (() => GpuAcquisition)[], memory?: GpuMemory) {
  const backends: { backend: string; epoch: number }[] = [];
  const notices: Notice[] = [];
  let calls = 0;
  const deps: SessionDeps = {
    acquire: () => {
      const next = acquisitions[Math.min(calls, acquisitions.length - 1)];
      calls += 1;
      if (!next) throw new Error('no acquisition scripted');
      return Promise.resolve(next());
    },
    createGpuEngine: () => Promise.resolve(gpuEngine()),
    createCpuEngine,
    delay: () => Promise.resolve(),
    ...(memory ? { memory } : {}),
  };
  const session = createEngineSession(deps, {
    backend: (engine, epoch) => backends.push({ backend: engine.backend, epoch }),
    notice: (n) => notices.push(n),
  });
  return { session, backends, notices, calls: () => calls };
}

const noAdapter = (): GpuAcquisition => ({
  ok: false,
  reason: 'no-adapter',
  message: 'requestAdapter() returned null',
});

describe('engine session', () => {
  it('falls back to the CPU engine with a notice when there is no adapter', async () => {
    const h = harness([noAdapter]);
    const active = await h.session.ready();
    expect(active.engine.backend).toBe('cpu');
    expect(h.notices[0]?.id).toBe('webgpu-unavailable');
    expect(h.notices[0]?.lines.join('\n')).toContain('--enable-unsafe-webgpu');
  });

  it('re-acquires a device after a loss and reports a new epoch', async () => {
    const first = fakeDevice();
    const second = fakeDevice();
    const h = harness([
      () => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY }),
      () => ({ ok: true, adapter: {} as GPUAdapter, device: second.device, summary: SUMMARY }),
    ]);
    expect((await h.session.ready()).epoch).toBe(1);
    first.lose({ reason: 'unknown', message: 'GPU process crashed' } as GPUDeviceLostInfo);
    await new Promise((r) => setTimeout(r, 0));
    const active = await h.session.ready();
    expect(active.epoch).toBe(2);
    expect(active.engine.backend).toBe('webgpu');
    expect(h.calls()).toBe(2);
    expect(h.notices.at(-1)?.title).toContain('Recovered');
    h.session.dispose();
    expect(second.state.destroyed).toBe(true);
  });

  it('ignores a loss it caused itself (destroy)', async () => {
    const first = fakeDevice();
    const h = harness([
      () => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY }),
    ]);
    await h.session.ready();
    first.lose({ reason: 'destroyed', message: '' } as GPUDeviceLostInfo);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.calls()).toBe(1);
    expect(h.notices).toEqual([]);
  });

  it('falls back to the CPU when the device cannot be re-acquired', async () => {
    const first = fakeDevice();
    const h = harness([
      () => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY }),
      noAdapter,
    ]);
    await h.session.ready();
    first.lose({ reason: 'unknown', message: '' } as GPUDeviceLostInfo);
    await new Promise((r) => setTimeout(r, 0));
    const active = await h.session.ready();
    expect(active.engine.backend).toBe('cpu');
    expect(active.epoch).toBe(2);
    expect(h.notices.at(-1)?.title).toContain('could not be re-acquired');
  });

  it('after a loss with no adapter to be had, says the browser withdrew WebGPU, not “enable the flag”', async () => {
    const first = fakeDevice();
    const h = harness([
      () => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY }),
      noAdapter,
    ]);
    await h.session.ready();
    first.lose({ reason: 'unknown', message: 'GPU connection lost' } as GPUDeviceLostInfo);
    await new Promise((r) => setTimeout(r, 0));
    expect((await h.session.ready()).engine.backend).toBe('cpu');
    const text = h.notices.map((n) => [n.title, ...n.lines].join('\n')).join('\n');
    expect(text).toContain('turned WebGPU off for this page after repeated GPU crashes');
    expect(text).toContain('reload the page or restart the browser');
    expect(text).not.toContain('enable-unsafe-webgpu');
    expect(text).not.toContain('chrome://flags');
    // The failed attempts stay quiet; the last notice says it all.
    expect(h.notices.map((n) => n.id)).toEqual(['device-lost', 'device-lost']);
  });

  it('a device refused after a loss is reported as such, with the browser’s reason', async () => {
    const first = fakeDevice();
    const h = harness([
      () => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY }),
      () => ({ ok: false, reason: 'device-refused', message: 'limits too high' }),
    ]);
    await h.session.ready();
    first.lose({ reason: 'unknown', message: '' } as GPUDeviceLostInfo);
    await new Promise((r) => setTimeout(r, 0));
    await h.session.ready();
    const last = h.notices.at(-1);
    expect(last?.lines).toContain('limits too high');
    expect(last?.lines.join('\n')).not.toContain('repeated GPU crashes');
  });

  it('remembers a device across reloads: no adapter in a tab that had one is a withdrawal', async () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const first = fakeDevice();
    const before = harness(
      [() => ({ ok: true, adapter: {} as GPUAdapter, device: first.device, summary: SUMMARY })],
      storedGpuMemory(() => storage),
    );
    await before.session.ready();
    before.session.dispose();

    const reloaded = harness(
      [noAdapter],
      storedGpuMemory(() => storage),
    );
    expect((await reloaded.session.ready()).engine.backend).toBe('cpu');
    const banner = reloaded.notices[0];
    expect(banner?.id).toBe('webgpu-unavailable');
    expect(banner?.title).toContain('turned WebGPU off');
    expect(banner?.lines.join('\n')).not.toContain('enable-unsafe-webgpu');

    // A fresh tab (empty storage) with no adapter: the usual ways to enable WebGPU.
    const fresh = harness(
      [noAdapter],
      storedGpuMemory(() => ({ getItem: () => null, setItem: () => undefined })),
    );
    await fresh.session.ready();
    expect(fresh.notices[0]?.lines.join('\n')).toContain('enable-unsafe-webgpu');
  });
});
