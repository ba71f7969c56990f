/**
 * Real sound through the playground (no React): the microphone, or an audio file, becomes the
 * run loop's workload one frame at a time (`store.setAudio`), so the plots, the metrics and the
 * GPU pipeline all run on it. Each frame the pipeline filtered comes back as a published signal;
 * its original and filtered spectra become one column of the spectrogram. A file is also
 * filtered whole through the engine (overlap-add, with progress and cancel), so "Play filtered"
 * lets you hear what φ removes.
 *
 * Every failure (permission denied, no microphone, a file that cannot be decoded) is said in
 * `problem` and changes nothing else: the previous source keeps running.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { AUDIO_FRAME_SIZE, AUDIO_HOP, type AudioInput } from '../audio/audio-frame';
import { AudioDecodeError, decodeAudio, type DecodedAudio } from '../audio/decode';
import { microphoneProblem, NO_MEDIA_DEVICES } from '../audio/microphone-problem';
import {
  frameCount,
  overlapAdd,
  resolventFilter,
  type ResolventParams,
} from '../audio/overlap-add';
import {
  emptySpectrogram,
  pushColumn,
  spectrogramColumn,
  type Spectrogram,
} from '../audio/spectrogram';
import { createCpuEngine } from '../engine';
import { openMicrophone, type GetUserMedia, type MicrophoneTap } from './audio-microphone';
import type { EngineSession } from './engine-session';
import type { AppStore, SignalView } from './store';

export type AudioSourceChoice = 'generator' | AudioInput;
export type FilterPhase = 'idle' | 'filtering' | 'ready' | 'cancelled' | 'failed';
export type Playing = 'none' | 'original' | 'filtered';

export interface AudioViewState {
  source: AudioSourceChoice;
  /** A source being opened: the permission prompt is up, or a file is being decoded. */
  opening: AudioInput | null;
  /** Why the last attempt failed, in words; the previous source kept running. */
  problem: string | null;
  microphone: { label: string; sampleRate: number } | null;
  file: { name: string; seconds: number; sampleRate: number; channels: number } | null;
  /** The whole file through the φ-resolvent, for "Play filtered". */
  filter: {
    phase: FilterPhase;
    done: number;
    total: number;
    params: ResolventParams | null;
    problem: string | null;
  };
  playing: Playing;
  spectrogram: Spectrogram;
  /** Strongest bin of the newest processed audio frame, in Hz. */
  peakHz: number | null;
}

/** What the controller needs of the browser (injected, so tests can fake it). */
export interface AudioEnvironment {
  /** null where the page cannot reach microphones (no navigator.mediaDevices). */
  getUserMedia: GetUserMedia | null;
  createContext(): AudioContext;
  requestFrame(callback: () => void): number;
  cancelFrame(id: number): void;
}

export function browserAudioEnvironment(win: Window): AudioEnvironment {
  const media = win.navigator.mediaDevices as MediaDevices | undefined;
  return {
    getUserMedia: media?.getUserMedia ? (c) => media.getUserMedia(c) : null,
    createContext: () => new AudioContext(),
    requestFrame: (cb) => win.requestAnimationFrame(cb),
    cancelFrame: (id) => win.cancelAnimationFrame(id),
  };
}

/** Frames of the whole file sent to the engine per call. */
const FILTER_BATCH = 32;
/** Frames fed to the pipeline remembered, to recognise them when their results come back. */
const RECENT_FRAMES = 64;

export function initialAudioState(): AudioViewState {
  return {
    source: 'generator',
    opening: null,
    problem: null,
    microphone: null,
    file: null,
    filter: { phase: 'idle', done: 0, total: 0, params: null, problem: null },
    playing: 'none',
    spectrogram: emptySpectrogram(AUDIO_FRAME_SIZE, 0),
    peakHz: null,
  };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface LoadedFile {
  id: number;
  audio: DecodedAudio;
  original: AudioBuffer;
  filtered: AudioBuffer | null;
  /** Index of the frame last fed (frame i starts at sample i·hop). */
  frameIndex: number;
}

interface Player {
  node: AudioBufferSourceNode;
  which: Exclude<Playing, 'none'>;
  startedAt: number;
}

export class AudioController {
  readonly state: StoreApi<AudioViewState> = createStore<AudioViewState>()(initialAudioState);
  private context: AudioContext | null = null;
  private mic: MicrophoneTap | null = null;
  private file: LoadedFile | null = null;
  private player: Player | null = null;
  private filterAbort: AbortController | null = null;
  private frameRequest: number | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Bumped by every choice of source: an older, slower attempt then knows it lost. */
  private generation = 0;
  /** True while the controller itself clears the store's audio (see `clearAudio`). */
  private clearing = false;
  private fileIds = 0;
  private frames = 0;
  private recent: { frame: Float32Array; t: number; shown: boolean }[] = [];
  private columns: Promise<void> = Promise.resolve();
  /** Display spectra are a few thousand samples: float64 on the CPU, no GPU pipelines. */
  private readonly cpu = createCpuEngine();

  constructor(
    private readonly store: AppStore,
    private readonly session: EngineSession | null,
    private readonly env: AudioEnvironment,
  ) {}

  private set(patch: Partial<AudioViewState>): void {
    this.state.setState(patch);
  }

  private audioContext(): AudioContext {
    this.context ??= this.env.createContext();
    // Created or resumed inside the user's gesture, the context may play; elsewhere it waits.
    void this.context.resume().catch(() => undefined);
    return this.context;
  }

  async choose(source: AudioSourceChoice): Promise<void> {
    if (source === 'microphone') return this.openMicrophone();
    this.generation += 1;
    this.stopMicrophone();
    this.set({ opening: null, problem: null });
    if (source === 'generator') {
      this.stopPlayback();
      this.leaveAudio('generator');
      return;
    }
    this.set({ source: 'file' });
    if (this.file) this.feedFile(this.file, this.file.frameIndex);
    else this.clearAudio();
  }

  private async openMicrophone(): Promise<void> {
    const generation = ++this.generation;
    const getUserMedia = this.env.getUserMedia;
    if (!getUserMedia) {
      this.set({ opening: null, problem: NO_MEDIA_DEVICES });
      return;
    }
    this.set({ opening: 'microphone', problem: null });
    let tap: MicrophoneTap;
    try {
      tap = await openMicrophone(
        getUserMedia,
        this.audioContext(),
        AUDIO_FRAME_SIZE,
        AUDIO_HOP,
        () => this.microphoneEnded(tap),
      );
    } catch (error) {
      if (generation === this.generation) {
        this.set({ opening: null, problem: microphoneProblem(error) });
      }
      return;
    }
    if (generation !== this.generation) {
      tap.stop(); // another source was chosen while the permission prompt was up
      return;
    }
    this.stopMicrophone();
    this.stopPlayback();
    this.mic = tap;
    this.enterAudio();
    this.set({
      source: 'microphone',
      opening: null,
      microphone: { label: tap.label, sampleRate: tap.sampleRate },
    });
    this.requestFrame();
  }

  private microphoneEnded(tap: MicrophoneTap): void {
    if (this.mic !== tap) return;
    this.generation += 1;
    this.stopMicrophone();
    this.leaveAudio('generator');
    this.set({
      problem:
        'The microphone stopped (unplugged, or its permission was revoked); back to the generator.',
    });
  }

  private stopMicrophone(): void {
    this.mic?.stop();
    this.mic = null;
    this.set({ microphone: null });
  }

  async openFile(file: File): Promise<void> {
    const generation = this.generation;
    this.set({ opening: 'file', problem: null });
    let audio: DecodedAudio;
    try {
      audio = await decodeAudio(this.audioContext(), file.name, await file.arrayBuffer());
    } catch (error) {
      const reason = error instanceof AudioDecodeError ? error.reason : message(error);
      this.set({
        opening: null,
        problem: `Could not use “${file.name}”: ${reason}. Nothing was changed.`,
      });
      return;
    }
    if (generation !== this.generation) return; // another source was chosen meanwhile
    const context = this.audioContext();
    const original = context.createBuffer(1, audio.samples.length, audio.sampleRate);
    original.copyToChannel(audio.samples, 0);
    this.generation += 1;
    this.stopMicrophone();
    this.stopPlayback();
    this.filterAbort?.abort();
    const loaded: LoadedFile = {
      id: ++this.fileIds,
      audio,
      original,
      filtered: null,
      frameIndex: 0,
    };
    this.file = loaded;
    this.enterAudio();
    this.set({
      source: 'file',
      opening: null,
      file: {
        name: audio.name,
        seconds: audio.seconds,
        sampleRate: audio.sampleRate,
        channels: audio.channels,
      },
    });
    this.feedFile(loaded, 0);
    await this.filterFile();
  }

  /** Filters the whole loaded file through the engine; "Play filtered" plays the result. */
  async filterFile(): Promise<void> {
    const loaded = this.file;
    if (!loaded) return;
    this.filterAbort?.abort();
    const abort = new AbortController();
    this.filterAbort = abort;
    const { phi, lambda, kUnit, kScale } = this.store.getState().config;
    const params: ResolventParams = { phi, lambda, kUnit, kScale };
    const total = frameCount(loaded.audio.samples.length, AUDIO_FRAME_SIZE);
    const progress = (
      done: number,
      problem: string | null = null,
      phase: FilterPhase = 'filtering',
    ) => this.set({ filter: { phase, done, total, params, problem } });
    loaded.filtered = null;
    progress(0);
    try {
      if (!this.session) throw new Error('no engine session: the filter cannot run');
      const { engine } = await this.session.ready();
      const out = await overlapAdd(
        loaded.audio.samples,
        resolventFilter(engine, params, AUDIO_FRAME_SIZE),
        {
          n: AUDIO_FRAME_SIZE,
          batch: FILTER_BATCH,
          signal: abort.signal,
          onProgress: (done) => {
            if (this.filterAbort === abort) progress(done);
          },
        },
      );
      if (this.file !== loaded || this.filterAbort !== abort) return;
      const buffer = this.audioContext().createBuffer(1, out.length, loaded.audio.sampleRate);
      buffer.copyToChannel(out, 0);
      loaded.filtered = buffer;
      progress(total, null, 'ready');
    } catch (error) {
      if (this.filterAbort !== abort) return; // replaced by a newer run or a newer file
      const done = this.state.getState().filter.done;
      if (abort.signal.aborted) progress(done, null, 'cancelled');
      else progress(done, `Filtering failed: ${message(error)}`, 'failed');
    } finally {
      if (this.filterAbort === abort) this.filterAbort = null;
    }
  }

  cancelFilter(): void {
    this.filterAbort?.abort(new Error('cancelled'));
  }

  play(which: Exclude<Playing, 'none'>): void {
    const loaded = this.file;
    const buffer = which === 'original' ? loaded?.original : loaded?.filtered;
    if (!loaded || !buffer || this.state.getState().source !== 'file') return;
    this.stopPlayback();
    const context = this.audioContext();
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.connect(context.destination);
    const player: Player = { node, which, startedAt: context.currentTime };
    node.onended = () => {
      if (this.player !== player) return;
      this.player = null;
      this.set({ playing: 'none' });
    };
    node.start();
    this.player = player;
    this.set({ playing: which });
    this.requestFrame();
  }

  stopPlayback(): void {
    const player = this.player;
    if (!player) return;
    this.player = null;
    player.node.onended = null;
    try {
      player.node.stop();
    } catch {
      // Already stopped: nothing to do.
    }
    player.node.disconnect();
    this.set({ playing: 'none' });
  }

  /**
   * Back to the generator, microphone off, file forgotten, context closed: the views went away.
   * The controller stays usable; the next source opens a new context.
   */
  stopAll(): void {
    this.generation += 1;
    this.stopMicrophone();
    this.stopPlayback();
    this.filterAbort?.abort();
    this.file = null;
    this.leaveAudio('generator');
    this.set({ file: null, filter: initialAudioState().filter, opening: null });
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  /** Audio is the workload from now on: follow the pipeline's results into the spectrogram. */
  private enterAudio(): void {
    this.recent = [];
    this.set({ spectrogram: emptySpectrogram(AUDIO_FRAME_SIZE, 0), peakHz: null });
    this.unsubscribe ??= this.store.subscribe((s, prev) => {
      if (s.signal !== prev.signal && s.signal && s.audio) this.onSignal(s.signal);
      // Someone else cleared the audio workload (a preset or a tour step took over): the
      // microphone goes off and the generator runs, rather than the next frame taking it back.
      if (prev.audio && !s.audio && !this.clearing) void this.choose('generator');
    });
  }

  /** Clears the store's audio workload without reading it as another view taking over. */
  private clearAudio(): void {
    this.clearing = true;
    try {
      this.store.getState().setAudio(null);
    } finally {
      this.clearing = false;
    }
  }

  private leaveAudio(source: AudioSourceChoice): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.recent = [];
    if (this.frameRequest !== null) this.env.cancelFrame(this.frameRequest);
    this.frameRequest = null;
    this.clearAudio();
    this.set({ source, peakHz: null });
  }

  private feed(
    frame: Float32Array,
    key: string,
    sampleRate: number,
    t: number,
    source: AudioInput,
  ) {
    this.recent.push({ frame, t, shown: false });
    if (this.recent.length > RECENT_FRAMES) this.recent.shift();
    this.store.getState().setAudio({ key, sampleRate, frame, source });
  }

  private feedFile(loaded: LoadedFile, index: number): void {
    const { samples, sampleRate } = loaded.audio;
    const last = Math.max(0, Math.ceil(samples.length / AUDIO_HOP) - 1);
    const i = Math.min(Math.max(0, index), last);
    loaded.frameIndex = i;
    const start = i * AUDIO_HOP;
    const frame = new Float32Array(AUDIO_FRAME_SIZE);
    frame.set(samples.subarray(start, start + AUDIO_FRAME_SIZE));
    this.feed(frame, `file:${loaded.id}:${i}`, sampleRate, start / sampleRate, 'file');
  }

  private requestFrame(): void {
    if (this.frameRequest !== null) return;
    this.frameRequest = this.env.requestFrame(() => {
      this.frameRequest = null;
      this.tick();
    });
  }

  /** Once per animation frame: the microphone's newest frame, or the file's at the playhead. */
  private tick(): void {
    if (this.mic) {
      const next = this.mic.next();
      if (next) {
        this.frames += 1;
        this.feed(
          next.frame,
          `mic:${this.generation}:${this.frames}`,
          this.mic.sampleRate,
          next.t,
          'microphone',
        );
      }
    } else if (this.player && this.file && this.context) {
      const seconds = this.context.currentTime - this.player.startedAt;
      const index = Math.floor((seconds * this.file.audio.sampleRate) / AUDIO_HOP);
      if (index !== this.file.frameIndex) this.feedFile(this.file, index);
    } else {
      return;
    }
    this.requestFrame();
  }

  /** A published signal: if it is one of the frames fed, its spectra become a column. */
  private onSignal(signal: SignalView): void {
    const audio = this.store.getState().audio;
    const entry = this.recent.find((r) => !r.shown && sameValues(r.frame, signal.original));
    if (!audio || !entry) return;
    entry.shown = true;
    const { sampleRate } = audio;
    const generation = this.generation;
    // In order, one at a time: columns must not overtake each other.
    this.columns = this.columns
      .then(async () => {
        const column = await spectrogramColumn(
          this.cpu,
          signal.original,
          signal.filtered,
          sampleRate,
          entry.t,
        );
        if (generation !== this.generation) return;
        const spectrogram = pushColumn(
          this.state.getState().spectrogram,
          column,
          AUDIO_FRAME_SIZE,
          sampleRate,
        );
        this.set({ spectrogram, peakHz: column.peakHz });
      })
      .catch((error: unknown) => {
        this.set({ problem: `The spectrogram could not be computed: ${message(error)}` });
      });
  }
}
