/**
 * Choosing a file in a test without a file on disk: the file is made in the page (sending
 * megabytes over CDP is slow) and put into a file input, whose change event fires as when the
 * user picks it.
 */
import type { Page } from '@playwright/test';

export type Content =
  | { text: string }
  /** `unit` repeated `times` times, built in the page (sending megabytes over CDP is slow). */
  | { unit: string; times: number }
  /** A valid run from the app's own sample (the dev server serves src/), changed as asked. */
  | { run: { id: string; crossoverPoints?: number; cases?: number; spans?: number } };

type FileWindow = Window & { __madeFile?: File };

/**
 * Puts a file made in the page into a file input and fires its change event, as choosing the
 * file would. Returns the file's size.
 */
export async function chooseFile(
  page: Page,
  testId: string,
  name: string,
  type: string,
  content: Content,
): Promise<number> {
  const size = await makeFile(page, name, type, content);
  await chooseMadeFile(page, testId);
  return size;
}

/**
 * Makes the file in the page and keeps it for `chooseMadeFile`, so a test can measure the
 * import alone (building a 48 MiB file is a task of its own of about 140 ms). Returns its size.
 */
export async function makeFile(
  page: Page,
  name: string,
  type: string,
  content: Content,
): Promise<number> {
  return page.evaluate(
    async ({ name, type, content }) => {
      let text: string | string[];
      if ('text' in content) text = content.text;
      else if ('unit' in content) {
        // Parts of at most 1024 units, the same string repeated: the blob holds the bytes and
        // the page's heap only a few kB, so no garbage of the test's is collected on the main
        // thread while the import it measures runs.
        const block = Math.min(1024, content.times);
        const part = content.unit.repeat(block);
        text = Array.from<string>({ length: Math.floor(content.times / block) }).fill(part);
        text.push(content.unit.repeat(content.times % block));
      } else {
        const c = content.run;
        const url = '/src/bench/testing/sample-run.ts';
        const mod = (await import(/* @vite-ignore */ url)) as {
          sampleRun(scale?: number): Record<string, unknown> & { cases: Record<string, unknown>[] };
        };
        const run = mod.sampleRun(1);
        run.id = c.id;
        if (c.cases) {
          const base = run.cases[0] ?? {};
          const spansMs = Array.from({ length: c.spans ?? 2 }, (_, i) => 1.000001 + i * 1e-6);
          run.cases = Array.from({ length: c.cases }, (_, i) => ({
            ...base,
            batch: i + 1,
            spansMs,
          }));
        }
        if (c.crossoverPoints) {
          const points = Array.from({ length: c.crossoverPoints }, (_, i) => ({
            batch: i + 1,
            gpuMs: 1 + 1 / (i + 1),
            gpuRoundTripMs: 2,
            cpuMs: 0.01 * (i + 1),
            maxRelError: 1e-7,
          }));
          run.crossovers = [{ shape: [1024], points, batch: 100, batchRoundTrip: 200 }];
        }
        text = JSON.stringify(run);
      }
      const file = new File(typeof text === 'string' ? [text] : text, name, { type });
      (window as FileWindow).__madeFile = file;
      return file.size;
    },
    { name, type, content },
  );
}

/** Chooses the file `makeFile` made in the input with `testId`, as the user would. */
export async function chooseMadeFile(page: Page, testId: string): Promise<void> {
  await page.evaluate((testId) => {
    const file = (window as FileWindow).__madeFile;
    if (!file) throw new Error('no file made: call makeFile first');
    const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no input ${testId}`);
    const list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, testId);
}
