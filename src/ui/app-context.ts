/**
 * The thin React layer over the React-free app core: components read the store through
 * `useAppState` (re-rendering only when the selected slice changes) and call its actions.
 */
import { createContext, useContext } from 'react';
import type { EngineSession } from '../app/engine-session';
import type { PlannerControl } from '../app/planner-control';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from '../app/store';

export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore: no AppStoreContext provider above this component');
  return store;
}

/** Select a slice; return primitives or stable references (zustand compares with Object.is). */
export function useAppState<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useAppStore(), selector);
}

/** The kernel planner's actions (tune, re-plan); its status lives in the store. */
export const PlannerContext = createContext<PlannerControl | null>(null);

export function usePlanner(): PlannerControl | null {
  return useContext(PlannerContext);
}

/** The app's engine session: views that run their own work (butterflies, audio) ask it for the engine. */
export const SessionContext = createContext<EngineSession | null>(null);

export function useSession(): EngineSession | null {
  return useContext(SessionContext);
}
