/**
 * The live loop keeps the workload on the GPU (issue 10): with the default workload running
 * unchanged, a frame uploads at most 1 KiB (in fact nothing) and reads back the filtered batch
 * and its sums; a change of φ uploads once, then frames are free of uploads again.
 */
import type { Page } from '@playwright/test';
import { expect, seqOf, test, waitForFrame } from './fixtures';

async function bytes(page: Page, id: 'frame-upload-bytes' | 'frame-readback-bytes') {
  const v = await page.getByTestId(id).getAttribute('data-value');
  expect(v, `${id} has a value`).not.toBe('');
  return Number(v);
}

test('an unchanged running workload uploads ≤ 1 KiB a frame', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 3);
  for (let i = 0; i < 3; i++) {
    await waitForFrame(page, (await seqOf(page)) + 2);
    expect(await bytes(page, 'frame-upload-bytes')).toBeLessThanOrEqual(1024);
    expect(await bytes(page, 'frame-readback-bytes')).toBeGreaterThan(0);
  }

  // A new φ is a new operation on the GPU: uploaded once, then resident again.
  await page.getByTestId('phi').fill('40');
  await expect(page).toHaveURL(/phi=40/);
  await waitForFrame(page, (await seqOf(page)) + 3);
  expect(await bytes(page, 'frame-upload-bytes')).toBeLessThanOrEqual(1024);
});
