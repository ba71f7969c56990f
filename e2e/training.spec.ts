/**
 * The Training tab trains on real Web Workers: a run finishes with its epochs, timeline and log;
 * "kill a worker" shows a restart with the batch reprocessed; export is offered after a run; a
 * permalink sets the configuration, and a 2D task shows its decision regions.
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
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-status')).toHaveText('done: 8 epochs', { timeout: 60_000 });
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
  await openTraining(
    page,
    `?train=${encodeURIComponent(JSON.stringify({ ...config, workers: -1 }))}`,
  );
  await expect(page.getByTestId('train-dataset')).toHaveValue('iris');
});
