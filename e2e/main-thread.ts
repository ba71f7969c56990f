/**
 * Measuring the page's main thread from a test: long tasks (PerformanceObserver 'longtask':
 * every task over 50 ms), long animation frames (Chromium's 'long-animation-frame', whose
 * `scripts` name the code that ran, to find a culprit), and the latency of a real click.
 */
import type { Locator, Page } from '@playwright/test';

export interface LongTask {
  start: number;
  duration: number;
}

export interface LongFrameScript {
  /** The script's URL (a bundle chunk in the production build) and function, when known. */
  source: string;
  invoker: string;
  duration: number;
}

export interface LongFrame extends LongTask {
  blocking: number;
  scripts: LongFrameScript[];
}

interface Recorder {
  tasks: LongTask[];
  frames: LongFrame[];
}

type RecorderWindow = Window & { __mainThread?: Recorder };

/** Starts recording in every page the test opens; call before `page.goto`. */
export async function recordMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const rec: Recorder = { tasks: [], frames: [] };
    (window as RecorderWindow).__mainThread = rec;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        rec.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Not in every browser; where missing, the long tasks alone are reported.
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const frame = e as PerformanceEntry & {
            blockingDuration: number;
            scripts: {
              sourceURL: string;
              sourceFunctionName: string;
              invoker: string;
              duration: number;
            }[];
          };
          rec.frames.push({
            start: frame.startTime,
            duration: frame.duration,
            blocking: frame.blockingDuration,
            scripts: frame.scripts.map((s) => ({
              source: `${s.sourceURL.replace(/^.*\//, '')} ${s.sourceFunctionName}`.trim(),
              invoker: s.invoker,
              duration: s.duration,
            })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    }
  });
}

/** The page's clock now (performance.now()), to mark the start of a measured span. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks and long animation frames that started at or after `since`. */
export async function mainThreadSince(
  page: Page,
  since: number,
): Promise<{ tasks: LongTask[]; frames: LongFrame[] }> {
  return page.evaluate((t0) => {
    const rec = (window as RecorderWindow).__mainThread ?? { tasks: [], frames: [] };
    return {
      tasks: rec.tasks.filter((t) => t.start >= t0),
      frames: rec.frames.filter((f) => f.start >= t0),
    };
  }, since);
}

export interface ClickLatency {
  /** pointerdown's event timestamp → the DOM showing the change (MutationObserver). */
  toDom: number;
  /** pointerdown's event timestamp → the next animation frame after that change. */
  toFrame: number;
}

/**
 * Clicks `target` with the mouse (Playwright's real input, queued behind whatever the page is
 * doing) and times it from the pointerdown event's timestamp, taken when the browser received
 * the input, to the moment `changed` holds in the DOM and to the animation frame after it.
 * Waiting in the queue behind a long task counts, as it does for a user.
 */
export async function timeClick(
  page: Page,
  target: Locator,
  changed: { selector: string; attribute: string; value: string },
): Promise<ClickLatency> {
  await target.scrollIntoViewIfNeeded();
  await page.evaluate((c) => {
    const w = window as Window & { __click?: Promise<ClickLatency> };
    w.__click = new Promise<ClickLatency>((resolve) => {
      let downAt = Number.NaN;
      addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { capture: true, once: true });
      const holds = (): boolean =>
        document.querySelector(c.selector)?.getAttribute(c.attribute) === c.value;
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        const domAt = performance.now();
        requestAnimationFrame(() => {
          const frameAt = performance.now();
          resolve({ toDom: domAt - downAt, toFrame: frameAt - downAt });
        });
      });
      observer.observe(document.body, { attributes: true, subtree: true, childList: true });
    });
  }, changed);
  await target.click();
  return page.evaluate(
    () =>
      (window as Window & { __click?: Promise<ClickLatency> }).__click ??
      Promise.reject(new Error('timeClick: the click was not armed')),
  );
}
