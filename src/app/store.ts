/**
 * The app's state, React-free (zustand/vanilla): the configuration the user asked for, the
 * run state, the engine in use, banners, and what the last published frame showed. The run
 * loop writes frames here at most ~10 times a second; React reads it through `useAppState`
 * (`ui/app-context.ts`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AudioFrame } from '../audio/audio-frame';
import type { Backend, Shape, TimingMethod } from '../engine';
import type { PlanStatus } from './planner-control';
import type { PlaygroundConfig } from '../io/config';
import type { ImportedData } from '../io/import';
import type { AdapterSummary } from './gpu-device';
import { pushCapped } from './history';
import type { Notice } from './notices';
import type { QuantumView } from './quantum-sim';
import type { WalshView } from './walsh-frame';

export const HISTORY_CAP = 300;

export type Tab = 'playground' | 'benchmark' | 'scheduler' | 'training' | 'scaling';

/** The numbers of one frame (one resolvent of the whole batch). */
export interface FrameMetrics {
  /** Frames completed since the last reset. */
  seq: number;
  /** Engine epoch that computed it (a new epoch after each device re-acquisition). */
  epoch: number;
  backend: Backend;
  shape: Shape;
  batch: number;
  /** The φ the frame ran with: the configured φ, or where a live φ sweep has taken it. */
  phi: number;
  batchHighKEnergy: number;
  /** Σ_b Σ_k |X_b(k)|²: the batch's total spectral energy. */
  batchEnergy: number;
  /** High-k energy as a share of the total spectral energy, 0..1 (`highKFractionOf`). */
  batchHighKFraction: number;
  batchCoherence: number;
  regularizer: number;
  signalsPerSecond: number;
  gflops: number;
  gbps: number;
  ms: number;
  method: TimingMethod;
  dispatches: number;
  chunks: number;
  /** Bytes the frame wrote to the GPU (0 on the CPU engine): the workload stays resident. */
  uploadBytes: number;
  /** Bytes the frame read back from the GPU. */
  readbackBytes: number;
}

/** One point of the time plots; throughput averaged over the frames since the last point. */
export interface HistoryPoint {
  /** Seconds since the last reset. */
  t: number;
  /** Sequence number of the frame whose metrics this point shows. */
  frame: number;
  highKEnergy: number;
  /** The frame's high-k energy as a share of its total spectral energy, 0..1. */
  highKFraction: number;
  coherence: number;
  signalsPerSecond: number;
  gflops: number;
  gbps: number;
}

/** The selected signal of the batch, and per-signal metrics of the whole batch. */
export interface SignalView {
  index: number;
  shape: Shape;
  original: Float32Array;
  /** Real part of the filtered signal. */
  filtered: Float32Array;
  /** |X| of the original signal, row-major bins. */
  magnitude: Float32Array;
  coherence: Float64Array;
  highKEnergy: Float64Array;
}

/** Which frame of which engine computed a view, for the readouts' data attributes. */
export interface FrameStamp {
  seq: number;
  epoch: number;
  backend: Backend;
}

/** One point of the quantum kind's time plots, at the simulated time t. */
export interface QuantumPoint {
  t: number;
  frame: number;
  norm: number;
  energy: number;
  kinetic: number;
  potential: number;
}

export type BackendStatus =
  { kind: 'starting' } | { kind: Backend; epoch: number; adapter: AdapterSummary | null };

export interface AppState {
  tab: Tab;
  config: PlaygroundConfig;
  /** Imported data replaces the generator until cleared. */
  imported: ImportedData | null;
  /** The microphone's or an audio file's current frame: replaces the workload while set. */
  audio: AudioFrame | null;
  running: boolean;
  /** The run loop is parked, waiting for a change (paused, or on another tab). */
  idle: boolean;
  /** Bumped by "single step": the loop runs one frame per bump while paused. */
  stepToken: number;
  /** Bumped by "reset": the loop restarts its clock and frame counter. */
  resetToken: number;
  selectedSignal: number;
  backend: BackendStatus;
  notices: readonly Notice[];
  frame: FrameMetrics | null;
  signal: SignalView | null;
  history: readonly HistoryPoint[];
  /** The Walsh–Hadamard kind's last published frame. */
  walsh: (WalshView & FrameStamp) | null;
  /** The quantum kind's last published frame, and its norm and energy over simulated time. */
  quantum: (QuantumView & FrameStamp) | null;
  quantumHistory: readonly QuantumPoint[];
  /** Which FFT kernel variant the workload runs with, and why (null on the CPU engine). */
  plan: PlanStatus | null;
}

export interface AppActions {
  setTab(tab: Tab): void;
  setConfig(config: PlaygroundConfig): void;
  setImported(data: ImportedData | null): void;
  setAudio(audio: AudioFrame | null): void;
  setRunning(running: boolean): void;
  step(): void;
  reset(): void;
  selectSignal(index: number): void;
  setBackend(backend: BackendStatus): void;
  notify(notice: Notice): void;
  dismiss(id: string): void;
  publish(frame: FrameMetrics, signal: SignalView, point: HistoryPoint | null): void;
  publishWalsh(view: WalshView & FrameStamp): void;
  publishQuantum(view: QuantumView & FrameStamp, point: QuantumPoint): void;
  setPlan(plan: PlanStatus | null): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export function createAppStore(config: PlaygroundConfig, tab: Tab = 'playground'): AppStore {
  return createStore<AppState & AppActions>()((set) => ({
    tab,
    config,
    imported: null,
    audio: null,
    plan: null,
    running: true,
    idle: false,
    stepToken: 0,
    resetToken: 0,
    selectedSignal: 0,
    backend: { kind: 'starting' },
    notices: [],
    frame: null,
    signal: null,
    history: [],
    walsh: null,
    quantum: null,
    quantumHistory: [],

    setTab: (tab) => set({ tab }),
    setConfig: (next) => set({ config: next }),
    setImported: (imported) => set({ imported, selectedSignal: 0 }),
    setAudio: (audio) => set({ audio }),
    setRunning: (running) => set({ running }),
    step: () => set((s) => ({ running: false, stepToken: s.stepToken + 1 })),
    reset: () =>
      set((s) => ({
        resetToken: s.resetToken + 1,
        history: [],
        frame: null,
        walsh: null,
        quantum: null,
        quantumHistory: [],
      })),
    selectSignal: (selectedSignal) => set({ selectedSignal }),
    setBackend: (backend) => set({ backend }),
    setPlan: (plan) => set({ plan }),
    notify: (notice) =>
      set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    publish: (frame, signal, point) =>
      set((s) => ({
        frame,
        signal,
        history: point ? pushCapped(s.history, point, HISTORY_CAP) : s.history,
      })),
    publishWalsh: (walsh) => set({ walsh }),
    publishQuantum: (quantum, point) =>
      set((s) => ({ quantum, quantumHistory: nextQuantumHistory(s.quantumHistory, point) })),
  }));
}

/**
 * The history plotted against simulated time: a frame that did not advance replaces the point
 * at its time, and a restarted packet (its time went back) starts a new history.
 */
function nextQuantumHistory(
  history: readonly QuantumPoint[],
  point: QuantumPoint,
): readonly QuantumPoint[] {
  const last = history.at(-1);
  if (!last || point.t > last.t) return pushCapped(history, point, HISTORY_CAP);
  if (point.t === last.t) return [...history.slice(0, -1), point];
  return [point];
}

/** Number of signals the current workload has (imported data overrides the generator). */
export function batchOf(state: Pick<AppState, 'config' | 'imported'>): number {
  return state.imported ? state.imported.batch : state.config.batch;
}
