/**
 * The thin React layer over the React-free app core: components read the store through
 * `useAppState` (re-rendering only when the selected slice changes) and call its actions.
 */
import { createContext, useContext } from 'react';
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
