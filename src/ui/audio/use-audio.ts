/**
 * One audio controller per app store, shared by the views that show it (the panel in the
 * sidebar, the spectrogram beside the plots). Building it has no side effect: no context, no
 * device, no subscription until a source is chosen. When the last view unmounts (another tab),
 * the controller stops everything, so the microphone is never left on behind the user's back.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import {
  AudioController,
  browserAudioEnvironment,
  type AudioViewState,
} from '../../app/audio-controller';
import type { AppStore } from '../../app/store';
import { useAppStore, useSession } from '../app-context';

interface Entry {
  controller: AudioController;
  views: number;
  release: ReturnType<typeof setTimeout> | null;
}

const entries = new WeakMap<AppStore, Entry>();

function entryFor(store: AppStore, make: () => AudioController): Entry {
  let entry = entries.get(store);
  if (!entry) {
    entry = { controller: make(), views: 0, release: null };
    entries.set(store, entry);
  }
  return entry;
}

/** Counts a view of the store's controller; the returned function uncounts it. */
function attach(store: AppStore): () => void {
  const entry = entries.get(store);
  if (!entry) return () => undefined;
  entry.views += 1;
  if (entry.release !== null) clearTimeout(entry.release);
  entry.release = null;
  return () => {
    entry.views -= 1;
    // Deferred: a view that remounts at once (StrictMode, a re-keyed parent) keeps the source.
    if (entry.views === 0) {
      entry.release = setTimeout(() => {
        entry.release = null;
        if (entry.views === 0) entry.controller.stopAll();
      }, 0);
    }
  };
}

export function useAudioController(): AudioController {
  const store = useAppStore();
  const session = useSession();
  const [controller] = useState(
    () =>
      entryFor(store, () => new AudioController(store, session, browserAudioEnvironment(window)))
        .controller,
  );
  useEffect(() => attach(store), [store]);
  return controller;
}

/** Select a slice of the controller's state (stable references or primitives). */
export function useAudioView<T>(
  controller: AudioController,
  selector: (s: AudioViewState) => T,
): T {
  return useStore(controller.state, selector);
}
