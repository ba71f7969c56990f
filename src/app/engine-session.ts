/**
 * Owns the engine the run loop uses: the WebGPU engine when a device can be had, otherwise the
 * float64 CPU engine. On device loss it re-acquires adapter and device and rebuilds the engine
 * (and with it every pipeline and buffer); the run loop simply awaits `ready()` meanwhile.
 */
import type { Engine } from '../engine';
import type { AdapterSummary, GpuAcquisition, GpuMemory, GpuUnavailableReason } from './gpu-device';
import { classifyUnavailable, storedGpuMemory, watchDevice } from './gpu-device';
import {
  engineFailedNotice,
  NOTICE,
  webgpuUnavailableNotice,
  WITHDRAWN_ADVICE,
  type Notice,
} from './notices';

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
  /** Whether this tab had a device before (across reloads); default: this session only. */
  memory?: GpuMemory;
}

export interface EngineSession {
  ready(): Promise<ActiveEngine>;
  /** Starts recovery if `epoch` is still the current engine (a frame saw the loss first). */
  reportLost(epoch: number, reason: string, message: string): void;
  dispose(): void;
}

/** Why an attempt got no running GPU engine, and the notice that explains it. */
interface Failure {
  reason: GpuUnavailableReason | 'engine-failed';
  message: string;
  notice: Notice;
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
  const memory = deps.memory ?? storedGpuMemory();

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

  /**
   * One attempt at a device and a GPU engine on it: null when it runs, else the notice that
   * says why not. `lostMessage` is the browser's word on the loss being recovered from, if any.
   */
  async function startGpu(lostMessage = ''): Promise<Failure | null> {
    const acq = await deps.acquire();
    if (!acq.ok) {
      // A device this tab had before, and no adapter now: the browser withdrew WebGPU (and
      // telling the user to enable a flag would be wrong).
      const why = classifyUnavailable(acq.reason, lostMessage, memory.hadDevice());
      return {
        reason: why,
        message: acq.message,
        notice: webgpuUnavailableNotice(why, acq.message),
      };
    }
    let engine: Engine;
    try {
      engine = await deps.createGpuEngine(acq.device);
    } catch (error) {
      acq.device.destroy();
      const message = describe(error);
      return { reason: 'engine-failed', message, notice: engineFailedNotice(message) };
    }
    if (disposed) {
      engine.destroy();
      acq.device.destroy();
      return null;
    }
    device = acq.device;
    memory.remember();
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
    return null;
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
    void recover(reason, message);
  }

  async function recover(reason: string, lostMessage: string): Promise<void> {
    // Failed attempts stay quiet (a GPU process may take a moment to come back); the last
    // one's reason goes into the final notice.
    let failure: Failure | null = null;
    for (let attempt = 1; attempt <= RECOVERY_ATTEMPTS && !disposed; attempt++) {
      failure = await startGpu(lostMessage);
      if (!failure) {
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
      lines: [
        failure?.reason === 'withdrawn'
          ? WITHDRAWN_ADVICE
          : 'Reload the page to try the GPU again.',
        ...(failure ? [failure.message] : []),
      ],
    });
  }

  void (async () => {
    const failure = await startGpu();
    if (!failure) return;
    report.notice(failure.notice);
    if (!disposed) installCpu();
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
