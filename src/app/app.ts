/**
 * Starts the app core: store, engine session (device acquisition and recovery), run loop and
 * permalink. React is not involved; `main.tsx` renders the UI over the returned store.
 */
import { createEngine } from '../engine';
import { createCpuWorkerEngine } from './cpu-worker-port';
import { createEngineSession, type EngineSession } from './engine-session';
import { createPlannerControl, storedWisdom, type PlannerControl } from './planner-control';
import { acquireGpu, storedGpuMemory } from './gpu-device';
import { NOTICE } from './notices';
import { initialConfig, syncPermalink } from './permalink-sync';
import { startRunLoop } from './run-loop';
import { createAppStore, type AppStore } from './store';
import { createWorkloadSource } from './workload-source';
import { watchCspViolations } from '../security/csp-report';

export interface App {
  store: AppStore;
  planner: PlannerControl;
  /** The engine in use (GPU, or the CPU fallback), for views that run their own work on it. */
  session: EngineSession;
  dispose(): void;
}

type SimpleStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * window.localStorage itself throws where storage is blocked (cookies off, some sandboxed
 * frames); the app then keeps its configuration for this page only, in memory.
 */
function storageOf(win: Window): { storage: SimpleStorage; blocked: string | null } {
  try {
    return { storage: win.localStorage, blocked: null };
  } catch (error) {
    const memory = new Map<string, string>();
    return {
      storage: {
        getItem: (key) => memory.get(key) ?? null,
        setItem: (key, value) => void memory.set(key, value),
      },
      blocked: error instanceof Error ? error.message : String(error),
    };
  }
}

function nextAnimationFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function startApp(win: Window = window): App {
  const { storage, blocked } = storageOf(win);
  const place = { location: win.location, history: win.history, storage };
  const { config, notice, tab } = initialConfig(place);
  const store = createAppStore(config, tab);
  if (notice) store.getState().notify(notice);
  if (blocked) {
    store.getState().notify({
      id: NOTICE.storage,
      level: 'info',
      title: 'This browser blocks localStorage: the configuration lives in the URL only.',
      lines: [blocked],
    });
  }
  const stopPermalink = syncPermalink(store, place, win);
  const stopCspWatch = watchCspViolations(win, (v) =>
    store.getState().notify({
      id: NOTICE.csp,
      level: 'warning',
      title: 'The page’s security policy blocked something it did not expect to run.',
      lines: [`${v.directive}: ${v.blocked} (from ${v.source})`],
    }),
  );

  const session = createEngineSession(
    {
      acquire: () => acquireGpu(win.navigator.gpu),
      createGpuEngine: (device) =>
        createEngine(device, {
          wisdom: storedWisdom(storage, (problem) =>
            store.getState().notify({
              id: NOTICE.storage,
              level: 'warning',
              title: 'A localStorage write was refused; what was stored before is kept.',
              lines: [problem],
            }),
          ),
        }),
      createCpuEngine: () => createCpuWorkerEngine((n) => store.getState().notify(n)),
      memory: storedGpuMemory(() => win.sessionStorage),
      delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    {
      backend: (engine, epoch, adapter) =>
        store.getState().setBackend({ kind: engine.backend, epoch, adapter }),
      notice: (n) => store.getState().notify(n),
    },
  );
  const loop = startRunLoop({
    store,
    session,
    workloads: createWorkloadSource(),
    nextFrame: nextAnimationFrame,
    now: () => performance.now(),
  });

  const planner = createPlannerControl(store, session);
  // The kernel shown in the adapter panel follows the engine and the workload's shape.
  const planKey = (st: ReturnType<AppStore['getState']>): string =>
    `${st.backend.kind}/${'epoch' in st.backend ? st.backend.epoch : 0}/${st.config.kind}/${st.config.dims}/${st.config.n}/${st.config.ny}/${st.config.nx}/${st.imported?.shape.join('x') ?? ''}/${st.audio ? `audio:${st.audio.frame.length}` : ''}`;
  let lastPlanKey = '';
  const stopPlan = store.subscribe((st) => {
    const key = planKey(st);
    if (key === lastPlanKey || st.backend.kind === 'starting') return;
    lastPlanKey = key;
    void planner.refresh();
  });

  return {
    store,
    planner,
    session,
    dispose: () => {
      stopPlan();
      loop.stop();
      session.dispose();
      stopPermalink();
      stopCspWatch();
    },
  };
}
