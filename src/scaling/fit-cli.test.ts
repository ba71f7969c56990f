import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointsToCsv } from './points-csv';
import { synthetic } from './testing/synthetic';

const dir = mkdtempSync(join(tmpdir(), 'fit-cli-'));
const fit = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fit.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run fit', () => {
  it('writes the ranked models as JSON, and exits 2 naming the row of bad data', () => {
    const good = join(dir, 'usl.csv');
    writeFileSync(good, pointsToCsv(synthetic('usl', 0.01, 2)));
    const out = join(dir, 'out.json');
    const ok = fit('--model', 'all', '--data', good, '--json', out, '--resamples', '20');
    expect(ok.status, ok.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      models: {
        model: string;
        params: Record<string, number>;
        ci: Record<string, number[]>;
        r2: number;
        aic: number;
        looRmse: number;
      }[];
    };
    expect(json.models).toHaveLength(6);
    expect(json.models[0]?.model).toBe('usl');
    expect(Object.keys(json.models[0]?.params ?? {})).toEqual(['lambda', 'sigma', 'kappa']);
    expect(json.models[0]?.ci.kappa).toHaveLength(2);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'x,y\n1,2\n2,oops\n');
    const refused = fit('--model', 'usl', '--data', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/row 2: y is not a finite number/);
  }, 60_000);
});
