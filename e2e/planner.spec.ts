/**
 * The kernel planner in the app: the heuristic default on a software adapter, "tune" measuring
 * every variant this device runs and remembering the fastest across a reload, "re-plan" forgetting.
 */
import { expect, SMALL, test, waitForFrame } from './fixtures';

test('tune measures every kernel variant, persists the choice, and re-plan forgets it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 1);
  // SwiftShader is a software adapter: without measurements the planner picks 'stages'.
  await expect(page.getByTestId('plan-variant')).toHaveText('stages');
  await expect(page.getByTestId('plan-source')).toContainText('not measured');
  const offered = (await page.getByTestId('plan-variants').textContent()) ?? '';
  const variants = /runs: ([a-z, ]+)/.exec(offered)?.[1]?.trim().split(', ') ?? [];
  expect(variants).toEqual(expect.arrayContaining(['workgroup', 'stages']));
  // The 'workgroup' variant's one-dispatch limit, from this adapter's workgroup memory: 4 bytes
  // a value (split exchanges), at most 8192 (fft-plan.ts workgroupCapacity).
  const storage = await page.evaluate(
    async () => (await navigator.gpu.requestAdapter())?.limits.maxComputeWorkgroupStorageSize ?? 0,
  );
  const capacity = Math.min(8192, 2 ** Math.floor(Math.log2(storage / 4)));
  await expect(page.getByTestId('plan-single-dispatch')).toHaveText(
    capacity.toLocaleString('en-US'),
  );

  await page.getByTestId('plan-tune').click();
  await expect(page.getByTestId('plan-source')).toContainText('measured fastest', {
    timeout: 90_000,
  });
  const timings = (await page.getByTestId('plan-timings').textContent()) ?? '';
  const ms = Object.fromEntries(
    [...timings.matchAll(/(workgroup|stages|subgroups): ([\d.]+) ms/g)].map((m) => [
      m[1] as string,
      Number(m[2]),
    ]),
  );
  expect(Object.keys(ms).sort()).toEqual([...variants].sort());
  // The chosen variant is the fastest measured (timings show 2 decimals: allow that rounding).
  const faster = (await page.getByTestId('plan-variant').textContent()) ?? '';
  expect(variants).toContain(faster);
  expect(ms[faster]).toBeLessThanOrEqual(Math.min(...Object.values(ms)) + 0.005);
  // The timings name the workload they were measured on, and another workload drops them.
  const n = page.getByTestId('n');
  const tunedN = await n.inputValue();
  await expect(page.getByTestId('plan-timings')).toContainText(
    new RegExp(`^Measured on resolvent, ${tunedN}, batch \\d+: `),
  );
  await n.selectOption(tunedN === '512' ? '256' : '512');
  await expect(page.getByTestId('plan-source')).toContainText('not measured');
  await expect(page.getByTestId('plan-timings')).toHaveCount(0);
  await n.selectOption(tunedN);
  await expect(page.getByTestId('plan-source')).toContainText('measured fastest');

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
