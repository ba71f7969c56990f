/**
 * `npm run train -- --dataset iris --workers 4 --batch-size 16 --update-interval 1 --epochs 30
 *   --seed 1 [--optimizer sgd|adam --lr 0.05 --hidden 16,16] [--regularizer none|penalty|smooth|grokfast
 *   --phi 1.618034 --lambda 0.001] [--fault-worker 1 --fault-at-batch 5] [--memory-budget BYTES]
 *   [--adaptive] [--in-process] [--quiet] --json out.json`
 *
 * Trains with the parallel batch processor on worker threads (or on this thread with
 * --in-process: same result for the same seed), prints the log lines, and writes
 * { config, finalState, batches, epochs, workers } to --json. Bad arguments exit 2.
 */
import { parseTrainArgs, UsageError, type TrainCli } from '../src/train/cli-args';
import { createInProcessRunner } from '../src/train/runner';
import { runTraining } from '../src/train/session';
import { nodeTrainRunner, readJsonFile, writeJson } from './train-node';

async function main(): Promise<void> {
  let cli: TrainCli;
  try {
    cli = parseTrainArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`train: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const c = cli.config;
  const maxWorkers = c.adaptive ? c.adaptive.max : c.workers;
  const runner = cli.inProcess ? createInProcessRunner() : nodeTrainRunner(maxWorkers);
  try {
    const { report, results } = await runTraining(c, runner, {
      read: readJsonFile,
      onLog: (line) => {
        if (!cli.quiet && !line.startsWith('Worker ') && !line.startsWith('Batch '))
          console.log(line);
        else if (!cli.quiet && /died|Batch size/.test(line)) console.log(line);
      },
    });
    const last = report.epochs[report.epochs.length - 1];
    console.log(
      `${c.dataset}: ${results.rounds} rounds, ${results.epochs.length} epochs in ${(results.ms / 1000).toFixed(2)} s; ` +
        `final loss ${last?.loss.toFixed(4)}, accuracy ${last?.accuracy.toFixed(3)}, validation ${last?.valAccuracy.toFixed(3)}; ` +
        `workers started ${report.workers.started}, restarted ${report.workers.restarted}`,
    );
    if (cli.json) {
      await writeJson(cli.json, report);
      console.log(`wrote ${cli.json}`);
    }
  } finally {
    await runner.close();
  }
}

await main();
