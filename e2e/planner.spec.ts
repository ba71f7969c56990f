/**
 * The kernel planner in the app: the heuristic default on a software adapter, "tune" measuring
 * both variants on this device and remembering the faster across a reload, "re-plan" forgetting.
 */
import { expect, SMALL, test, waitForFrame } from './fixtures';

test('tune measures both kernel variants, persists the choice, and re-plan forgets it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 1);
  // SwiftShader is a software adapter: without measurements the planner picks 'stages'.
  await expect(page.getByTestId('plan-variant')).toHaveText('stages');
  await expect(page.getByTestId('plan-source')).toContainText('not measured');

  await page.getByTestId('plan-tune').click();
  await expect(page.getByTestId('plan-source')).toContainText('measured fastest', {
    timeout: 90_000,
  });
  const timings = (await page.getByTestId('plan-timings').textContent()) ?? '';
  const ms = Object.fromEntries(
    [...timings.matchAll(/(workgroup|stages): ([\d.]+) ms/g)].map((m) => [m[1], Number(m[2])]),
  );
  expect(Object.keys(ms).sort()).toEqual(['stages', 'workgroup']);
  const faster = (ms.stages as number) <= (ms.workgroup as number) ? 'stages' : 'workgroup';
  await expect(page.getByTestId('plan-variant')).toHaveText(faster);

  // The wisdom lives in localStorage: a reload remembers the measured choice.
  await page.reload();
  await expect(page.getByTestId('plan-source')).toContainText('measured fastest');
  await expect(page.getByTestId('plan-variant')).toHaveText(faster);

  await page.getByTestId('plan-replan').click();
  await expect(page.getByTestId('plan-source')).toContainText('not measured');
  await expect(page.getByTestId('plan-variant')).toHaveText('stages');
  // Frames keep coming throughout.
  await waitForFrame(page, 2);
});
