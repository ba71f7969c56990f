/**
 * The Training tab trains on real Web Workers: a run finishes with its epochs, timeline, log,
 * each worker's local accuracy and the memory budget's decisions; "kill a worker" shows a
 * restart with the batch reprocessed; export is offered after a run; a permalink sets the
 * configuration, a 2D task shows its decision regions, and its `smooth` spectral step reports
 * the GPU (this project has WebGPU, in the workers too); the claim experiment runs in a worker
 * with progress, results and cancel.
 */
import { expect, test } from './fixtures';

async function openTraining(page: import('@playwright/test').Page, search = '') {
  await page.goto(`/${search}`);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-lab')).toBeVisible();
}

test('trains iris on web workers and shows per-worker losses, timeline and log', async ({
  page,
}) => {
  await openTraining(page);
  await page.getByTestId('train-epochs').fill('8');
  await page.getByTestId('train-workers').fill('3');
  // An 8 kB budget per worker is below what batch 16 needs: the batch halves, and says so.
  await page.getByTestId('train-budget-on').check();
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveText('done: 8 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('train-decisions')).toContainText('batch size 16 → 8');
  // Each worker's local state beside the merged one.
  await expect(page.getByTestId('train-worker-accuracy').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('train-spectral-backend')).toHaveText('none');
  await expect(page.getByTestId('train-timeline')).toBeVisible();
  // Three worker rows and the sync row in the timeline.
  await expect(page.getByTestId('train-timeline').locator('text')).toHaveCount(4);
  await expect(page.getByTestId('train-log')).toContainText('Epoch 8: loss');
  await expect(page.getByTestId('train-worker-counts')).toContainText('restarted 0');
  await expect(page.getByTestId('train-export')).toBeEnabled();
  const download = page.waitForEvent('download');
  await page.getByTestId('train-export').click();
  expect((await download).suggestedFilename()).toBe('training.json');
});

test('kill a worker: the worker restarts and its batch is reprocessed', async ({ page }) => {
  await openTraining(page);
  await page.getByTestId('train-epochs').fill('300');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toContainText('round', { timeout: 30_000 });
  await page.getByTestId('train-kill').click();
  await expect(page.getByTestId('train-worker-counts')).toHaveAttribute('data-restarted', '1');
  await expect(page.getByTestId('train-restarts')).toContainText('restarted');
  await expect(page.getByTestId('train-log')).toContainText('batch reprocessed');
  await page.getByTestId('train-cancel').click();
  await expect(page.getByTestId('train-status')).toContainText('cancelled');
});

test('a permalink sets the configuration; a bad one falls back to the defaults', async ({
  page,
}) => {
  const config = {
    dataset: 'spirals',
    workers: 2,
    batchSize: 8,
    updateInterval: 2,
    epochs: 3,
    seed: 4,
    optimizer: 'adam',
    lr: 0.01,
    hidden: [8, 8],
    activation: 'tanh',
    regularizer: 'smooth',
    phi: 2,
    lambda: 0.001,
  };
  await openTraining(page, `?train=${encodeURIComponent(JSON.stringify(config))}`);
  await expect(page.getByTestId('train-dataset')).toHaveValue('spirals');
  await expect(page.getByTestId('train-regularizer')).toHaveValue('smooth');
  await expect(page.getByTestId('train-hidden')).toHaveValue('8,8');
  // A 2D task draws its decision regions once the run has a state.
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveText('done: 3 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('train-regions')).toBeVisible();
  // The workers' own GPU engines ran the smoothing filter, and checked it against the CPU's.
  await expect(page.getByTestId('train-spectral-backend')).toHaveText('gpu');
  await expect(page.getByTestId('train-spectral')).toContainText('matched the float64 CPU filter');
  await openTraining(
    page,
    `?train=${encodeURIComponent(JSON.stringify({ ...config, workers: -1 }))}`,
  );
  await expect(page.getByTestId('train-dataset')).toHaveValue('iris');
});

test('the claim experiment runs in a worker: progress, CIs and verdict; cancel stops it', async ({
  page,
}) => {
  await openTraining(page);
  await page.getByTestId('train-exp-seeds').fill('2');
  await page.getByTestId('train-exp-budget').fill('0.05');
  await page.getByTestId('experiment-start').click();
  // 4 arms × (4 tuning settings + 2 seeds) runs on iris.
  await expect(page.getByTestId('experiment-status')).toHaveText(/^done: 24 runs in/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('experiment-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('experiment-table')).toContainText(
    /\d\.\d\d \[\d\.\d\d, \d\.\d\d\]/,
  );
  await expect(page.getByTestId('train-ci-timeRatio').locator('circle')).toHaveCount(3);
  await expect(page.getByTestId('experiment-verdict')).toContainText(
    'a browser cannot measure energy',
  );
  // A larger run, cancelled part-way: the page answered while it ran. Iris alone reaches its
  // target in well under a second even at the full budget, so the spirals (about 100× the
  // FLOPs per run) and more seeds make a run that is still going when Cancel is clicked.
  await page.getByTestId('train-exp-budget').fill('1');
  await page.getByTestId('train-exp-seeds').fill('10');
  await page.getByTestId('experiment-task-spirals').check();
  await page.getByTestId('experiment-start').click();
  await expect(page.getByTestId('experiment-status')).toHaveText(/^run \d+ of 112$/);
  await page.getByTestId('experiment-cancel').click();
  await expect(page.getByTestId('experiment-status')).toContainText('cancelled after');
});
