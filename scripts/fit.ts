/**
 * `npm run fit -- --data points.csv [--model usl|…|all] [--json out.json] [--seed N] [--resamples N]`
 *
 * Fits scaling models to a CSV sweep (header `x,y`), ranks them by AICc and prints the table;
 * `--json` writes `{ models: [{ model, params, ci, r2, aic, aicc, looRmse, holdOut, … }] }`,
 * best first. Bad arguments or data exit with code 2 and a message naming the flag or row.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FIT_USAGE, parseFitArgs, UsageError } from '../src/scaling/cli-args';
import { MODEL_IDS } from '../src/scaling/models';
import { ScalingDataError } from '../src/scaling/errors';
import { formatRanking } from '../src/scaling/format';
import { parsePointsCsv } from '../src/scaling/points-csv';
import { fitAndRank } from '../src/scaling/ranking';

function main(): number {
  const args = parseFitArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(FIT_USAGE);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(args.data, 'utf8');
  } catch (e) {
    throw new UsageError(`--data: cannot read '${args.data}' (${(e as Error).message})`, '--data');
  }
  const points = parsePointsCsv(text);
  const ids = args.model === 'all' ? MODEL_IDS : [args.model];
  const options = { seed: args.seed, resamples: args.resamples };
  const ranking = fitAndRank(points, options, ids);
  console.log(
    `${points.x.length} points from ${args.data}; ranked by AICc; 95% CIs from ${args.resamples} residual-bootstrap resamples (seed ${args.seed})`,
  );
  console.log(formatRanking(ranking));
  if (args.json) {
    const out = {
      data: args.data,
      seed: args.seed,
      resamples: args.resamples,
      rankedBy: 'aicc',
      bootstrap: 'residual',
      ...ranking,
    };
    writeFileSync(args.json, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${args.json}`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UsageError || e instanceof ScalingDataError) {
    console.error(`fit: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
