import { describe, expect, it } from 'vitest';
import { parseTrainArgs, UsageError } from './cli-args';
import { TRAIN_DEFAULTS } from './session';

const issueExample = (
  '--dataset iris --workers 4 --batch-size 16 --update-interval 1 --epochs 30 --seed 1 --optimizer adam ' +
  '--lr 0.05 --hidden 16,8 --regularizer smooth --phi 1.618034 --lambda 0.001 --fault-worker 1 --fault-at-batch 5 --json out.json'
).split(' ');

describe('train CLI arguments', () => {
  it("parses the issue's example", () => {
    const r = parseTrainArgs(issueExample);
    expect(r.json).toBe('out.json');
    expect(r.config).toMatchObject({
      dataset: 'iris',
      workers: 4,
      batchSize: 16,
      updateInterval: 1,
      epochs: 30,
      seed: 1,
      optimizer: 'adam',
      lr: 0.05,
      hidden: [16, 8],
      regularizer: 'smooth',
      phi: 1.618034,
      lambda: 0.001,
      fault: { worker: 1, atBatch: 5 },
    });
  });

  it('defaults everything, and accepts --flag=value', () => {
    expect(parseTrainArgs([]).config).toEqual(TRAIN_DEFAULTS);
    expect(parseTrainArgs(['--workers=3', '--in-process']).config.workers).toBe(3);
    expect(parseTrainArgs(['--in-process']).inProcess).toBe(true);
    expect(parseTrainArgs(['--weight-decay', '0.5']).config.weightDecay).toBe(0.5);
  });

  const bad: [string[], RegExp][] = [
    [['--dataset', 'cifar'], /--dataset must be one of iris, penguins, mnist/],
    [['--workers', '0'], /--workers must be an integer ≥ 1, got '0'/],
    [['--workers', '2.5'], /--workers/],
    [['--batch-size', 'x'], /--batch-size/],
    [['--lr', 'fast'], /--lr must be a number > 0/],
    [['--lr', '-1'], /--lr/],
    [['--hidden', '16,,4'], /--hidden/],
    [['--optimizer', 'rmsprop'], /--optimizer must be one of sgd, adam/],
    [['--regularizer', 'l2'], /--regularizer must be one of none, penalty, smooth, grokfast/],
    [['--phi', '0'], /--phi/],
    [['--lambda', 'NaN'], /--lambda/],
    [['--weight-decay', '-0.1'], /--weight-decay must be a number ≥ 0, got '-0.1'/],
    [['--epochs'], /--epochs needs a value/],
    [['--frobnicate', '1'], /unknown flag --frobnicate/],
    [['iris'], /unexpected argument 'iris'/],
    [['--fault-worker', '1'], /--fault-at-batch/],
    [
      ['--workers', '2', '--fault-worker', '3', '--fault-at-batch', '1'],
      /--fault-worker must be 1…2/,
    ],
    [['--regularizer', 'penalty', '--hidden', ''], /--hidden/],
  ];
  for (const [args, message] of bad) {
    it(`rejects ${args.join(' ')} naming the flag`, () => {
      expect(() => parseTrainArgs(args)).toThrow(UsageError);
      expect(() => parseTrainArgs(args)).toThrow(message);
    });
  }
});
