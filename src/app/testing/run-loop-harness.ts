/**
 * A run loop on a given engine with a fake clock and an immediate frame scheduler, and a wait
 * for a store condition: the setup every run-loop test shares.
 */
import type { Engine } from '../../engine';
import type { EngineSession } from '../engine-session';
import { startRunLoop } from '../run-loop';
import type { AppStore } from '../store';
import { createWorkloadSource } from '../workload-source';

export function startTestLoop(store: AppStore, engine: Engine) {
  const session: EngineSession = {
    ready: () => Promise.resolve({ engine, epoch: 1, lost: null }),
    reportLost: () => undefined,
    dispose: () => undefined,
  };
  let t = 0;
  return startRunLoop({
    store,
    session,
    workloads: createWorkloadSource(),
    nextFrame: () => new Promise((r) => setTimeout(r, 0)),
    now: () => (t += 50),
  });
}

/** Resolves once `check` holds for the store's state. */
export function until(store: AppStore, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const off = store.subscribe(() => {
      if (check()) {
        off();
        resolve();
      }
    });
  });
}
