/**
 * What a preset or a tour step does to the app: its configuration replaces the current one
 * (imported data, a microphone or an audio file would hide the generator, so they are dropped;
 * the audio controller sees its workload cleared and switches its source off), the history
 * plots start afresh so they trace only the new run, and the loop runs so the change shows.
 */
import type { PlaygroundConfig } from '../io/config';
import type { AppStore } from './store';

export function applyLesson(store: AppStore, config: PlaygroundConfig): void {
  const actions = store.getState();
  actions.setImported(null);
  actions.setAudio(null);
  actions.setConfig(config);
  actions.reset();
  actions.setRunning(true);
}
