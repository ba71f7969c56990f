import { describe, expect, it } from 'vitest';
import {
  createCpuEngine,
  DeviceLostError,
  EngineArgumentError,
  GpuLimitError,
  GpuOutOfMemoryError,
  GpuValidationError,
  OPERATORS,
  type Engine,
} from '../engine';
import type { AnyOperator } from '../engine/ops/operator';
import { WorkloadError } from '../workloads';
import { createCpuEngineProxy, CpuWorkerLostError, type CpuPort } from './cpu-engine-proxy';
import {
  answer,
  fromWireError,
  toWireError,
  type CpuRequest,
  type CpuResponse,
} from './cpu-worker-protocol';
import { isConfigError } from './frame-errors';

/**
 * How each spawned fake worker behaves: 'ok' answers everything; 'die' starts, then dies on
 * its first request; 'never' dies before it says it is ready (a script that did not load).
 */
type Mode = 'ok' | 'die' | 'never';

/**
 * Spawns in-process stand-ins for the worker: the worker's own `answer` over a real CPU engine,
 * with every message passed through structuredClone and its transfer list, as postMessage
 * does (so a transferred buffer is detached on the sending side, as in a browser).
 */
function fakeWorkers(modes: Mode[]) {
  const engine = createCpuEngine();
  const log = { spawned: 0, posts: [] as CpuRequest[], terminated: 0 };
  const spawn = (): CpuPort => {
    const mode = modes[Math.min(log.spawned, modes.length - 1)] ?? 'ok';
    log.spawned += 1;
    let onMessage: (m: CpuResponse) => void = () => undefined;
    let onDeath: (reason: string) => void = () => undefined;
    let alive = true;
    const later = (fn: () => void): void => {
      setTimeout(() => {
        if (alive) fn();
      }, 0);
    };
    return {
      listen(message, death) {
        onMessage = message;
        onDeath = death;
        later(() =>
          mode === 'never' ? onDeath('script failed to load') : onMessage({ kind: 'ready' }),
        );
      },
      post(request, transfer) {
        const received = structuredClone(request, { transfer });
        log.posts.push(received);
        later(() => {
          if (mode === 'die') {
            onDeath('simulated crash');
            return;
          }
          void answer(engine, received).then(({ response, transfer: back }) => {
            if (alive) onMessage(structuredClone(response, { transfer: back }));
          });
        });
      },
      terminate() {
        alive = false;
        log.terminated += 1;
      },
    };
  };
  return { spawn, log };
}

function signals(batch: number, n: number, seed = 1): Float32Array {
  const out = new Float32Array(batch * n);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = s / 2 ** 30 - 1;
  }
  return out;
}

function expectSameArray(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`index ${i}: ${a[i]} !== ${b[i]}`);
  }
}

describe('CPU engine proxy', () => {
  it('gives the CPU engine’s numbers for every method, and leaves the caller’s input intact', async () => {
    const { spawn, log } = fakeWorkers(['ok']);
    const proxy = createCpuEngineProxy(spawn);
    const direct = createCpuEngine();
    const data = signals(4, 64);
    const before = data.slice();
    const shape = [64] as const;

    const r = await proxy.resolvent(data, { shape, batch: 4, phi: 3, real: true });
    const d = await direct.resolvent(data, { shape, batch: 4, phi: 3, real: true });
    expect(r.filtered).toBeInstanceOf(Float64Array);
    expectSameArray(r.filtered, d.filtered);
    expectSameArray(r.coherence, d.coherence);
    expect(r.batchHighKEnergy).toBe(d.batchHighKEnergy);
    expect(r.timing.method).toBe('wall');

    expectSameArray(
      (await proxy.fft(data, { shape, batch: 4, real: true })).data,
      (await direct.fft(data, { shape, batch: 4, real: true })).data,
    );
    expectSameArray(
      (await proxy.wht(data, { n: 64, batch: 4 })).data,
      (await direct.wht(data, { n: 64, batch: 4 })).data,
    );
    const gains = Array.from({ length: 64 }, (_, k) => 1 / (1 + k));
    expectSameArray(
      (await proxy.filter(data, { shape, batch: 4, gains, real: true })).data,
      (await direct.filter(data, { shape, batch: 4, gains, real: true })).data,
    );
    const psi = signals(1, 128, 7);
    const p = await proxy.propagate(psi, { shape, batch: 1, dt: 0.01, steps: 3 });
    expectSameArray(
      p.data,
      (await direct.propagate(psi, { shape, batch: 1, dt: 0.01, steps: 3 })).data,
    );
    const total = await proxy.run(OPERATORS['read-reduce'], data, { shape: [32], batch: 4 });
    expect(total.total).toBe(
      (await direct.run(OPERATORS['read-reduce'], data, { shape: [32], batch: 4 })).total,
    );

    // Every call crossed the port, on one worker, and the caller's array was copied, not moved.
    expect(log.posts.map((q) => q.op)).toEqual([
      'resolvent',
      'fft',
      'wht',
      'filter',
      'propagate',
      'read-reduce',
    ]);
    expect(log.spawned).toBe(1);
    expect(data.byteLength).toBe(before.byteLength);
    expectSameArray(data, before);
  });

  it('sends only a subarray’s own values, not its whole buffer', async () => {
    const { spawn, log } = fakeWorkers(['ok']);
    const proxy = createCpuEngineProxy(spawn);
    const whole = signals(8, 32);
    const one = whole.subarray(64, 96);
    const r = await proxy.fft(one, { shape: [32], batch: 1, real: true });
    const sent = log.posts[0]?.data;
    expect(sent).toBeInstanceOf(Float32Array);
    expect((sent as Float32Array).buffer.byteLength).toBe(32 * 4);
    expectSameArray(
      r.data,
      (await createCpuEngine().fft(one, { shape: [32], batch: 1, real: true })).data,
    );
  });

  it('rejects with the engine’s own error class and fields, which the run loop reads as a config error', async () => {
    const proxy = createCpuEngineProxy(fakeWorkers(['ok']).spawn);
    const error = await proxy
      .resolvent(signals(1, 64), { shape: [64], batch: 1, phi: -2, real: true })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const direct = await createCpuEngine()
      .resolvent(signals(1, 64), { shape: [64], batch: 1, phi: -2, real: true })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(direct).toBeInstanceOf(EngineArgumentError);
    expect(error).toBeInstanceOf(EngineArgumentError);
    const e = error as EngineArgumentError;
    expect(e.field).toBe((direct as EngineArgumentError).field);
    expect(e.field).toBe('phi');
    expect(e.message).toBe((direct as EngineArgumentError).message);
    expect(e.name).toBe('EngineArgumentError');
    expect(isConfigError(e)).toBe(true);
  });

  it('revives every error class the run loop tells apart, with its fields and exact message', () => {
    const cases: Error[] = [
      new EngineArgumentError('batch', 'batch must be ≥ 1'),
      new GpuLimitError('maxStorageBufferBindingSize', 134217728, 'too large'),
      new GpuValidationError('resolvent', 'bad binding'),
      new GpuOutOfMemoryError('fft', 1024, 'no memory'),
      new DeviceLostError('unknown', 'gone'),
      new WorkloadError('kind', 'needs 1D signals'),
      new RangeError('index out of range'),
    ];
    for (const original of cases) {
      const revived = fromWireError(structuredClone(toWireError(original)));
      expect(revived.constructor).toBe(original.constructor);
      expect(revived.message).toBe(original.message);
      expect(revived.name).toBe(original.name);
      expect(revived).toBeInstanceOf(Error);
      expect({ ...revived }).toEqual({ ...original });
      expect(isConfigError(revived)).toBe(isConfigError(original));
    }
    const odd = fromWireError(toWireError('a thrown string'));
    expect(odd.constructor).toBe(Error);
    expect(odd.message).toBe('a thrown string');
  });

  it('restarts a worker that dies and sends the operation once more', async () => {
    const { spawn, log } = fakeWorkers(['die', 'ok']);
    const proxy = createCpuEngineProxy(spawn);
    const data = signals(2, 16);
    const r = await proxy.fft(data, { shape: [16], batch: 2, real: true });
    expectSameArray(
      r.data,
      (await createCpuEngine().fft(data, { shape: [16], batch: 2, real: true })).data,
    );
    expect(log.spawned).toBe(2);
    expect(log.terminated).toBe(1);
    expect(log.posts).toHaveLength(2);
  });

  it('fails with CpuWorkerLostError when the restarted worker dies too', async () => {
    const { spawn, log } = fakeWorkers(['die', 'die', 'ok']);
    const proxy = createCpuEngineProxy(spawn);
    const error = await proxy.fft(signals(1, 16), { shape: [16], batch: 1, real: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CpuWorkerLostError);
    expect((error as CpuWorkerLostError).restarted).toBe(true);
    expect((error as Error).message).toContain('simulated crash');
    expect(isConfigError(error)).toBe(false);
    expect(log.spawned).toBe(2);
    // The next operation gets a fresh worker (here one that works).
    const r = await proxy.fft(signals(1, 16), { shape: [16], batch: 1, real: true });
    expect(r.data).toHaveLength(32);
    expect(log.spawned).toBe(3);
  });

  it('computes on the fallback engine, once told, when the worker never starts', async () => {
    const { spawn, log } = fakeWorkers(['never']);
    const reasons: string[] = [];
    let made = 0;
    const proxy = createCpuEngineProxy(spawn, {
      fallback: {
        engine: () => {
          made += 1;
          return createCpuEngine();
        },
        onFallback: (reason) => reasons.push(reason),
      },
    });
    const data = signals(2, 16);
    const first = await proxy.fft(data, { shape: [16], batch: 2, real: true });
    await proxy.wht(data, { n: 16, batch: 2 });
    expectSameArray(
      first.data,
      (await createCpuEngine().fft(data, { shape: [16], batch: 2, real: true })).data,
    );
    expect(reasons).toEqual(['script failed to load']);
    expect(made).toBe(1);
    expect(log.spawned).toBe(1);
  });

  it('without a fallback, a worker that never starts fails the operation and says so', async () => {
    const proxy = createCpuEngineProxy(fakeWorkers(['never']).spawn);
    const error = await proxy.fft(signals(1, 16), { shape: [16], batch: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CpuWorkerLostError);
    expect((error as CpuWorkerLostError).restarted).toBe(false);
    expect((error as Error).message).toContain('could not start');
  });

  it('a worker that cannot even be constructed counts as one that never started', async () => {
    const reasons: string[] = [];
    const proxy = createCpuEngineProxy(
      () => {
        throw new Error('refused by the security policy');
      },
      { fallback: { engine: createCpuEngine, onFallback: (r) => reasons.push(r) } },
    );
    const r = await proxy.fft(signals(1, 8), { shape: [8], batch: 1, real: true });
    expect(r.data).toHaveLength(16);
    expect(reasons).toEqual(['refused by the security policy']);
  });

  it('destroy ends the worker and fails what it held; later calls fail too', async () => {
    const { spawn, log } = fakeWorkers(['ok']);
    const proxy: Engine = createCpuEngineProxy(spawn);
    const pending = proxy.fft(signals(1, 16), { shape: [16], batch: 1 });
    proxy.destroy();
    proxy.destroy();
    await expect(pending).rejects.toThrow('destroyed');
    await expect(proxy.fft(signals(1, 16), { shape: [16], batch: 1 })).rejects.toThrow('destroyed');
    expect(log.terminated).toBe(1);
  });

  it('refuses an operator the worker cannot know, naming the field', async () => {
    const proxy = createCpuEngineProxy(fakeWorkers(['ok']).spawn);
    const stranger = { ...OPERATORS.fft, id: 'stranger' } as AnyOperator;
    const error = await proxy.run(stranger, signals(1, 8), { shape: [8], batch: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineArgumentError);
    expect((error as EngineArgumentError).field).toBe('op');
    expect((error as Error).message).toContain('stranger');
  });

  it('the worker refuses an unknown operator id with an EngineArgumentError', async () => {
    const { response } = await answer(createCpuEngine(), {
      id: 9,
      op: 'nope' as never,
      data: [1, 2],
      options: {},
    });
    expect(response.kind).toBe('error');
    if (response.kind !== 'error') return;
    const e = fromWireError(response.error);
    expect(e).toBeInstanceOf(EngineArgumentError);
    expect((e as EngineArgumentError).field).toBe('op');
  });
});
