/**
 * The audio controller against a fake browser (a microphone that plays a tone, an audio clock
 * moved by hand) and the real run loop on the CPU engine: frames flow into the workload, the
 * pipeline's results come back as spectrogram columns, and failures change nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { AUDIO_FRAME_SIZE } from '../audio/audio-frame';
import { createCpuEngine } from '../engine';
import { DEFAULT_CONFIG } from '../io/config';
import { AudioController, type AudioEnvironment } from './audio-controller';
import { presetById, presetConfig } from './presets';
import { applyLesson } from './lesson-actions';
import type { EngineSession } from './engine-session';
import { createAppStore, type AppStore } from './store';
import { startTestLoop } from './testing/run-loop-harness';

const SAMPLE_RATE = 48000;
const TONE_HZ = 1500;

function fakeBrowser(getUserMedia: AudioEnvironment['getUserMedia']) {
  const clock = { now: 0 };
  const frames: (() => void)[] = [];
  const context = {
    sampleRate: SAMPLE_RATE,
    get currentTime() {
      return clock.now;
    },
    resume: async () => undefined,
    close: async () => undefined,
    destination: {},
    // A "decoder" that reads the bytes as float32 samples (or refuses an empty-ish file).
    decodeAudioData: async (bytes: ArrayBuffer) => {
      if (bytes.byteLength < 8)
        throw new DOMException('Unable to decode audio data', 'EncodingError');
      const samples = new Float32Array(bytes);
      return {
        numberOfChannels: 1,
        length: samples.length,
        sampleRate: SAMPLE_RATE,
        getChannelData: () => samples,
      };
    },
    createBuffer: (_channels: number, length: number, sampleRate: number) => {
      const data = new Float32Array(length);
      return { length, sampleRate, data, copyToChannel: (src: Float32Array) => data.set(src) };
    },
    createBufferSource: () => ({
      buffer: null,
      onended: null,
      connect: () => undefined,
      disconnect: () => undefined,
      start: () => undefined,
      stop: () => undefined,
    }),
    createMediaStreamSource: () => ({ connect: () => undefined, disconnect: () => undefined }),
    createAnalyser: () => ({
      fftSize: 0,
      // The newest fftSize samples of a tone, as of the clock.
      getFloatTimeDomainData(out: Float32Array) {
        const end = Math.round(clock.now * SAMPLE_RATE);
        for (let i = 0; i < out.length; i++) {
          out[i] = 0.5 * Math.sin((2 * Math.PI * TONE_HZ * (end - out.length + i)) / SAMPLE_RATE);
        }
      },
    }),
  };
  const env: AudioEnvironment = {
    getUserMedia,
    createContext: () => context as unknown as AudioContext,
    requestFrame: (cb) => frames.push(cb),
    cancelFrame: () => undefined,
  };
  /** Moves the audio clock on and runs the pending animation frame. */
  const advance = (seconds: number): void => {
    clock.now += seconds;
    frames.splice(0).forEach((cb) => cb());
  };
  return { env, advance };
}

function fakeStream() {
  const track = {
    label: 'Fake microphone',
    stop: vi.fn(),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  const stream = { getAudioTracks: () => [track], getTracks: () => [track] };
  return { stream: stream as unknown as MediaStream, track };
}

function session(): EngineSession {
  const engine = createCpuEngine();
  return {
    ready: async () => ({ engine, epoch: 1, lost: null }),
    reportLost: () => undefined,
    dispose: () => undefined,
  };
}

function smallStore(): AppStore {
  return createAppStore({ ...DEFAULT_CONFIG, n: 64, batch: 4 });
}

describe('AudioController', () => {
  it('streams microphone frames through the run loop into spectrogram columns', async () => {
    const store = smallStore();
    const { stream, track } = fakeStream();
    const { env, advance } = fakeBrowser(async () => stream);
    const audio = new AudioController(store, session(), env);
    const loop = startTestLoop(store, createCpuEngine());
    await audio.choose('microphone');
    expect(audio.state.getState()).toMatchObject({
      source: 'microphone',
      microphone: { label: 'Fake microphone', sampleRate: SAMPLE_RATE },
    });
    for (let i = 0; i < 40 && audio.state.getState().spectrogram.columns.length < 3; i++) {
      advance(0.03);
      await new Promise((r) => setTimeout(r, 5));
    }
    const { spectrogram, peakHz } = audio.state.getState();
    expect(spectrogram.columns.length).toBeGreaterThanOrEqual(3);
    expect(spectrogram.sampleRate).toBe(SAMPLE_RATE);
    expect(Math.abs((peakHz ?? 0) - TONE_HZ)).toBeLessThanOrEqual(SAMPLE_RATE / AUDIO_FRAME_SIZE);
    expect(store.getState().audio?.frame).toHaveLength(AUDIO_FRAME_SIZE);

    await audio.choose('generator');
    loop.stop();
    expect(track.stop).toHaveBeenCalled();
    expect(store.getState().audio).toBeNull();
    expect(audio.state.getState().source).toBe('generator');
  });

  it('a preset or tour step takes over from the microphone: it is switched off, not re-fed', async () => {
    const store = smallStore();
    const { stream, track } = fakeStream();
    const { env, advance } = fakeBrowser(async () => stream);
    const audio = new AudioController(store, session(), env);
    await audio.choose('microphone');
    advance(0.03);
    expect(store.getState().audio).not.toBeNull();
    applyLesson(store, presetConfig(presetById('smooth-noise')));
    await new Promise((r) => setTimeout(r, 0));
    advance(0.03);
    expect(track.stop).toHaveBeenCalled();
    expect(audio.state.getState().source).toBe('generator');
    expect(store.getState().audio).toBeNull();
  });

  it('a denied permission says so and leaves the source as it was', async () => {
    const store = smallStore();
    const { env } = fakeBrowser(() =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
    );
    const audio = new AudioController(store, session(), env);
    await audio.choose('microphone');
    expect(audio.state.getState()).toMatchObject({ source: 'generator', opening: null });
    expect(audio.state.getState().problem).toMatch(/permission was denied/);
    expect(store.getState().audio).toBeNull();
  });

  it('no mediaDevices at all is explained, not thrown', async () => {
    const audio = new AudioController(smallStore(), session(), fakeBrowser(null).env);
    await audio.choose('microphone');
    expect(audio.state.getState().problem).toMatch(/secure context/);
  });

  it('a microphone granted after the user chose another source is closed at once', async () => {
    const store = smallStore();
    const { stream, track } = fakeStream();
    let grant: (s: MediaStream) => void = () => undefined;
    const { env } = fakeBrowser(() => new Promise((resolve) => (grant = resolve)));
    const audio = new AudioController(store, session(), env);
    const opening = audio.choose('microphone');
    expect(audio.state.getState().opening).toBe('microphone');
    await audio.choose('generator');
    grant(stream);
    await opening;
    expect(track.stop).toHaveBeenCalled();
    expect(audio.state.getState()).toMatchObject({ source: 'generator', microphone: null });
    expect(store.getState().audio).toBeNull();
  });

  it('a file is decoded, fed at the playhead and filtered whole; a bad file changes nothing', async () => {
    const store = smallStore();
    const { env } = fakeBrowser(null);
    const audio = new AudioController(store, session(), env);
    const bad = new File([new Uint8Array(4)], 'bad.wav');
    await audio.openFile(bad);
    expect(audio.state.getState().problem).toMatch(/“bad.wav”.*EncodingError/);
    expect(audio.state.getState().source).toBe('generator');

    const k = 64; // bin 64 of 2048 at 48 kHz: 1500 Hz
    const samples = Float32Array.from({ length: 3 * AUDIO_FRAME_SIZE + 100 }, (_, i) =>
      Math.sin((2 * Math.PI * k * i) / AUDIO_FRAME_SIZE),
    );
    await audio.openFile(new File([samples], 'tone.raw'));
    const s = audio.state.getState();
    expect(s).toMatchObject({ source: 'file', problem: null, file: { name: 'tone.raw' } });
    expect(s.filter).toMatchObject({ phase: 'ready', done: s.filter.total });
    expect(s.filter.total).toBe(8); // ⌊(6244 − 1)/1024⌋ + 2 frames
    expect(store.getState().audio?.key).toMatch(/^file:\d+:0$/);
    expect(Array.from(store.getState().audio?.frame ?? [])).toEqual(
      Array.from(samples.subarray(0, AUDIO_FRAME_SIZE)),
    );
    audio.play('filtered');
    expect(audio.state.getState().playing).toBe('filtered');
    audio.stopPlayback();
    expect(audio.state.getState().playing).toBe('none');

    // A second bad file leaves the loaded one in place.
    await audio.openFile(bad);
    expect(audio.state.getState()).toMatchObject({ source: 'file', file: { name: 'tone.raw' } });
    await audio.choose('generator');
    expect(store.getState().audio).toBeNull();
  });
});
