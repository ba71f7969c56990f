import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NOTICE, type Notice } from '../app/notices';
import { createAppStore } from '../app/store';
import { DEFAULT_CONFIG } from '../io/config';
import { AppStoreContext } from './app-context';
import { NoticeArea } from './NoticeArea';

const notice = (id: string, title: string): Notice => ({ id, level: 'error', title, lines: [] });

/** The notice ids NoticeArea renders for the store as it is. */
function shownIds(store: ReturnType<typeof createAppStore>): string[] {
  // A server render reads zustand's initial state; hand it the current one instead.
  const now = { ...store, getInitialState: store.getState };
  const html = renderToStaticMarkup(
    createElement(AppStoreContext, { value: now }, createElement(NoticeArea)),
  );
  return [...html.matchAll(/data-notice-id="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('NoticeArea', () => {
  it('shows the page’s notices on every tab and the playground’s only on the playground', () => {
    const store = createAppStore(DEFAULT_CONFIG, 'playground');
    store.getState().notify(notice(NOTICE.webgpu, 'No WebGPU'));
    store.getState().notify(notice(NOTICE.runError, 'The workload could not run'));
    store.getState().notify(notice(NOTICE.config, 'Bad field'));
    expect(shownIds(store)).toEqual([NOTICE.webgpu, NOTICE.runError, NOTICE.config]);

    store.getState().setTab('benchmark');
    expect(shownIds(store)).toEqual([NOTICE.webgpu]);

    // Hidden, not dropped: back on the playground they are there again.
    store.getState().setTab('playground');
    expect(shownIds(store)).toEqual([NOTICE.webgpu, NOTICE.runError, NOTICE.config]);
  });
});
