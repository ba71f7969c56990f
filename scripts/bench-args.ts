/** The benchmark's command line, shared by `npm run bench` and the self-contained bundle. */
import type { SuiteName } from '../src/bench/schema';

export interface BenchArgs {
  suite: SuiteName;
  node: boolean;
  /** Also run cuFFT through PyTorch (`python3`) as a native peer (Node only). */
  native: boolean;
  json: string | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const BENCH_USAGE =
  '[--quick|--tiny|--full] [--node] [--native] [--json FILE]\n' +
  '  --quick, --tiny, --full  the suite (default --full)\n' +
  '  --node                   run in Node through the webgpu package (Dawn), not in Chromium\n' +
  '  --native                 with --node: also time cuFFT through PyTorch (python3) as a peer\n' +
  '  --json FILE              also write the run as JSON';

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { suite: 'full', node: false, native: false, json: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.suite = 'quick';
    else if (a === '--tiny') args.suite = 'tiny';
    else if (a === '--full') args.suite = 'full';
    else if (a === '--node') args.node = true;
    else if (a === '--native') args.native = true;
    else if (a === '--json') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) throw new UsageError('--json needs a file name');
      args.json = file;
    } else if (a === '--help' || a === '-h') args.help = true;
    else {
      throw new UsageError(
        `unknown argument ${String(a)}; allowed: --quick, --tiny, --full, --node, --native, --json FILE, --help`,
      );
    }
  }
  if (args.native && !args.node) {
    throw new UsageError('--native runs in Node only: add --node');
  }
  return args;
}
