/**
 * Owns the engine the run loop uses: the WebGPU engine when a device can be had, otherwise the
 * float64 CPU engine. On device loss it re-acquires adapter and device and rebuilds the engine
 * (and with it every pipeline and buffer); the run loop simply awaits `ready()` meanwhile.
 */
import type { Engine } from '../engine';
import type { AdapterSummary, GpuAcquisition } from './gpu-device';
import { watchDevice } from './gpu-device';
import { engineFailedNotice, NOTICE, webgpuUnavailableNotice, type Notice } from './notices';

export interface ActiveEngine {
  engine: Engine;
  /** Counts engines made; a frame from an older epoch is stale. */
  epoch: number;
  /** The device's `lost` promise (null for the CPU engine). */
  lost: Promise<unknown> | null;
}

export interface SessionReporter {
  backend(engine: Engine, epoch: number, adapter: AdapterSummary | null): void;
  notice(notice: Notice): void;
}

export interface SessionDeps {
  acquire(): Promise<GpuAcquisition>;
  createGpuEngine(device: GPUDevice): Promise<Engine>;
  createCpuEngine(): Engine;
  /** Waits between re-acquisition attempts (injected so tests run instantly). */
  delay(ms: number): Promise<void>;
}

export interface EngineSession {
  ready(): Promise<ActiveEngine>;
  /** Starts recovery if `epoch` is still the current engine (a frame saw the loss first). */
  reportLost(epoch: number, reason: string, message: string): void;
  dispose(): void;
}

const RECOVERY_ATTEMPTS = 4;
const RECOVERY_BACKOFF_MS = 250;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createEngineSession(deps: SessionDeps, report: SessionReporter): EngineSession {
  let epoch = 0;
  let current: ActiveEngine | null = null;
  let disposed = false;
  let stopWatch: (() => void) | null = null;
  // The engine borrows the device; the session owns it and destroys it on dispose.
  let device: GPUDevice | null = null;
  let recovering = false;
  let pending = deferred<ActiveEngine>();

  function install(
    engine: Engine,
    adapter: AdapterSummary | null,
    lost: Promise<unknown> | null,
  ): void {
    epoch += 1;
    current = { engine, epoch, lost };
    report.backend(engine, epoch, adapter);
    pending.resolve(current);
  }

  function installCpu(): void {
    install(deps.createCpuEngine(), null, null);
  }

  /** One attempt at a device and a GPU engine on it; false (reason reported) if none. */
  async function startGpu(): Promise<boolean> {
    const acq = await deps.acquire();
    if (!acq.ok) {
      report.notice(webgpuUnavailableNotice(acq.reason, acq.message));
      return false;
    }
    let engine: Engine;
    try {
      engine = await deps.createGpuEngine(acq.device);
    } catch (error) {
      acq.device.destroy();
      report.notice(engineFailedNotice(describe(error)));
      return false;
    }
    if (disposed) {
      engine.destroy();
      acq.device.destroy();
      return true;
    }
    device = acq.device;
    const myEpoch = epoch + 1;
    stopWatch = watchDevice(acq.device, {
      onLost: (info) => {
        lose(myEpoch, info.reason, info.message);
      },
      onUncapturedError: (error) => {
        report.notice({
          id: NOTICE.gpuError,
          level: 'error',
          title: 'The GPU reported an error outside any operation.',
          lines: [error.message],
        });
      },
    });
    install(engine, acq.summary, acq.device.lost);
    return true;
  }

  function lose(lostEpoch: number, reason: string, message: string): void {
    if (disposed || recovering || current?.epoch !== lostEpoch) return;
    recovering = true;
    stopWatch?.();
    stopWatch = null;
    current.engine.destroy();
    current = null;
    pending = deferred<ActiveEngine>();
    report.notice({
      id: NOTICE.deviceLost,
      level: 'warning',
      title: `GPU device lost (${reason}). Re-acquiring the adapter and device…`,
      lines: message ? [message] : [],
    });
    void recover(reason);
  }

  async function recover(reason: string): Promise<void> {
    for (let attempt = 1; attempt <= RECOVERY_ATTEMPTS && !disposed; attempt++) {
      if (await startGpu()) {
        recovering = false;
        report.notice({
          id: NOTICE.deviceLost,
          level: 'info',
          title: `Recovered from a GPU device loss (${reason}).`,
          lines: [
            `New adapter and device acquired on attempt ${attempt}, pipelines rebuilt; the run ` +
              'resumed with the same configuration.',
          ],
        });
        return;
      }
      await deps.delay(RECOVERY_BACKOFF_MS * attempt);
    }
    recovering = false;
    if (disposed) return;
    installCpu();
    report.notice({
      id: NOTICE.deviceLost,
      level: 'error',
      title: `GPU device lost (${reason}) and could not be re-acquired. Running on the CPU engine.`,
      lines: ['Reload the page to try the GPU again.'],
    });
  }

  void (async () => {
    if (!(await startGpu()) && !disposed) installCpu();
  })();

  return {
    ready: () => pending.promise,
    reportLost: (lostEpoch, reason, message) => {
      lose(lostEpoch, reason, message);
    },
    dispose: () => {
      disposed = true;
      stopWatch?.();
      current?.engine.destroy();
      current = null;
      device?.destroy();
      device = null;
    },
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
