/**
 * Real sound: choose the microphone or an audio file as the playground's source, see what it is
 * doing, and for a file, play it back as it is or as the φ-resolvent leaves it.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type {
  AudioController,
  AudioSourceChoice,
  AudioViewState,
} from '../../app/audio-controller';
import { AUDIO_FRAME_SIZE } from '../../audio/audio-frame';
import { binToHz } from '../../audio/spectrum';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { useAudioController, useAudioView } from './use-audio';
import './audio.css';

const SOURCES: readonly { value: AudioSourceChoice; label: string }[] = [
  { value: 'generator', label: 'Generator (the signals above)' },
  { value: 'microphone', label: 'Microphone' },
  { value: 'file', label: 'Audio file' },
];

/** The panel's part of the state: not the spectrogram, which changes with every column. */
type PanelView = Omit<AudioViewState, 'spectrogram' | 'peakHz'>;

const ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.aac,.webm';

function frameFacts(sampleRate: number): string {
  const ms = (1000 * AUDIO_FRAME_SIZE) / sampleRate;
  return (
    `${sampleRate} Hz, frames of ${AUDIO_FRAME_SIZE} samples (${ms.toFixed(0)} ms), ` +
    `one bin = ${formatNumber(binToHz(1, sampleRate, AUDIO_FRAME_SIZE), 3)} Hz`
  );
}

function statusOf(s: PanelView): string {
  if (s.opening === 'microphone') return 'Waiting for permission to use the microphone…';
  if (s.opening === 'file') return 'Decoding the file…';
  switch (s.source) {
    case 'generator':
      return 'The generator is the source. Choose Microphone or Audio file to run on real sound.';
    case 'microphone':
      return s.microphone
        ? `Listening to ${s.microphone.label || 'the microphone'}: ${frameFacts(s.microphone.sampleRate)}.`
        : 'Microphone closed.';
    case 'file':
      if (!s.file) return 'Choose an audio file below; the generator keeps running until then.';
      return s.playing === 'none'
        ? `Showing the frame at the playhead of ${s.file.name}: ${frameFacts(s.file.sampleRate)}.`
        : `Playing the ${s.playing} ${s.file.name}; the pipeline follows the playhead.`;
  }
}

function FilterStatus({ audio, view }: { audio: AudioController; view: PanelView }) {
  const { phase, done, total, params, problem } = view.filter;
  const config = useAppState((s) => s.config);
  const stale =
    params !== null &&
    (params.phi !== config.phi || params.kUnit !== config.kUnit || params.kScale !== config.kScale);
  const again = (
    <button type="button" data-testid="audio-filter-again" onClick={() => void audio.filterFile()}>
      Filter again with φ = {formatNumber(config.phi, 4)}
    </button>
  );
  return (
    <div
      className="audio-filter"
      data-testid="audio-filtered"
      data-state={phase}
      data-done={done}
      data-total={total}
      aria-live="polite"
    >
      {phase === 'filtering' && (
        <>
          <progress max={total} value={done} />
          <span>
            Filtering the whole file through the engine: {done} / {total} frames
          </span>
          <button
            type="button"
            data-testid="audio-filter-cancel"
            onClick={() => audio.cancelFilter()}
          >
            Cancel
          </button>
        </>
      )}
      {phase === 'ready' && params && (
        <span>
          Filtered with φ = {formatNumber(params.phi, 4)} ({params.kUnit}, k scale {params.kScale})
          {stale ? '; φ has changed since.' : '.'}
        </span>
      )}
      {phase === 'cancelled' && (
        <span>
          Filtering cancelled after {done} of {total} frames.
        </span>
      )}
      {phase === 'failed' && <span className="audio-problem">{problem}</span>}
      {(stale || phase === 'cancelled' || phase === 'failed') && again}
    </div>
  );
}

function FileControls({ audio, view }: { audio: AudioController; view: PanelView }) {
  const file = view.file;
  if (!file) return null;
  const playable = view.source === 'file';
  return (
    <>
      <p className="audio-file" data-testid="audio-file-info">
        <strong>{file.name}</strong>: {file.seconds.toFixed(1)} s, {file.sampleRate} Hz,{' '}
        {file.channels === 1 ? 'mono' : `${file.channels} channels mixed to mono`}
      </p>
      <FilterStatus audio={audio} view={view} />
      <div className="audio-buttons">
        <button
          type="button"
          data-testid="audio-play-original"
          disabled={!playable}
          aria-pressed={view.playing === 'original'}
          onClick={() => audio.play('original')}
        >
          ▶ Play original
        </button>
        <button
          type="button"
          data-testid="audio-play-filtered"
          disabled={!playable || view.filter.phase !== 'ready'}
          aria-pressed={view.playing === 'filtered'}
          onClick={() => audio.play('filtered')}
        >
          ▶ Play filtered
        </button>
        <button
          type="button"
          data-testid="audio-stop"
          disabled={view.playing === 'none'}
          onClick={() => audio.stopPlayback()}
        >
          ■ Stop
        </button>
      </div>
      <p className="hint">
        Play filtered: the file after R(k) = 1/(1 + φ·κ²), frame by frame (overlap-add). What you no
        longer hear is what φ removes; raise φ to remove more of the high frequencies.
      </p>
    </>
  );
}

export function AudioPanel() {
  const audio = useAudioController();
  const view: PanelView = useAudioView(
    audio,
    useShallow((s) => ({
      source: s.source,
      opening: s.opening,
      problem: s.problem,
      microphone: s.microphone,
      file: s.file,
      filter: s.filter,
      playing: s.playing,
    })),
  );
  // The workload the last published frame ran on, as "batch x n" (a test hook: which source ran).
  const workload = useAppState((s) =>
    s.frame ? `${s.frame.batch}x${s.frame.shape.join('x')}` : '',
  );
  const selectId = useId();
  const fileId = useId();
  return (
    <section
      className="card panel audio-panel"
      aria-label="Real sound"
      data-testid="audio-panel"
      data-source={view.source}
      data-playing={view.playing}
      data-workload={workload}
    >
      <h2>Real sound</h2>
      <div className="field">
        <label htmlFor={selectId}>audio source</label>
        <select
          id={selectId}
          data-testid="audio-source"
          value={view.opening ?? view.source}
          disabled={view.opening !== null}
          onChange={(e) => {
            const choice = SOURCES.find((s) => s.value === e.target.value);
            if (choice) void audio.choose(choice.value);
          }}
        >
          {SOURCES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <p className="audio-status" data-testid="audio-status" role="status">
        {statusOf(view)}
      </p>
      {view.problem && (
        <p className="audio-problem" role="alert" data-testid="audio-problem">
          {view.problem}
        </p>
      )}
      <label htmlFor={fileId} className="file-label">
        Audio file (WAV, MP3, Ogg, FLAC …, decoded by the browser)
      </label>
      <input
        id={fileId}
        type="file"
        data-testid="audio-file"
        accept={ACCEPT}
        disabled={view.opening !== null}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again loads it again.
          e.target.value = '';
          if (file) void audio.openFile(file);
        }}
      />
      <FileControls audio={audio} view={view} />
    </section>
  );
}
