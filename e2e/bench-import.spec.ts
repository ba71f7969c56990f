/**
 * Benchmark JSON import in the browser: the file is read and parsed in a Web Worker with
 * progress, a malformed file is refused naming it, and Cancel stops an import with the run on
 * screen and the history left as they were.
 */
import { chooseFile, makeFile } from './choose-file';
import { expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/#bench=tiny');
  await expect(page.getByTestId('bench-run')).toBeVisible();
});

test('a run file is read and parsed in a worker and shown', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await chooseFile(page, 'bench-import-file', 'one.json', 'application/json', {
    run: { id: 'one' },
  });
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  expect(workers.some((u) => u.includes('run-import-worker'))).toBe(true);
  await expect(page.getByTestId('bench-import-progress')).toHaveCount(0);
});

test('a malformed run file is refused, naming the file, and nothing changes', async ({ page }) => {
  await chooseFile(page, 'bench-import-file', 'one.json', 'application/json', {
    run: { id: 'one' },
  });
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  await chooseFile(page, 'bench-import-file', 'broken.json', 'application/json', {
    text: '{"id": "x", "cases": [',
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText(
    'Import failed',
  );
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
});

test('Cancel stops an import in progress; the shown run and the history stay', async ({ page }) => {
  await chooseFile(page, 'bench-import-file', 'kept.json', 'application/json', {
    run: { id: 'kept' },
  });
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  // About 6 MB: a valid run that takes the worker a while to read and check.
  const size = await makeFile(page, 'big.json', 'application/json', {
    run: { id: 'big', cases: 600, spans: 1000 },
  });
  expect(size).toBeGreaterThan(4 * 2 ** 20);
  // Choose it, and press Cancel as soon as the progress bar is drawn: in one step in the page,
  // so the click cannot come after the worker has finished.
  const cancelled = await page.evaluate(async () => {
    const file = (window as Window & { __madeFile?: File }).__madeFile;
    const input = document.querySelector<HTMLInputElement>('[data-testid="bench-import-file"]');
    if (!file || !input) throw new Error('no file or input');
    const list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(r));
    const shown = document.querySelector('[data-testid="bench-import-progress"]') !== null;
    document.querySelector<HTMLButtonElement>('[data-testid="bench-import-cancel"]')?.click();
    return shown;
  });
  expect(cancelled).toBe(true);
  await expect(page.getByTestId('bench-import-notice')).toContainText(
    'Import of big.json cancelled',
  );
  await expect(page.getByTestId('bench-import-progress')).toHaveCount(0);
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('bench-history')).not.toContainText('big');
});
