/**
 * The native peer under Node: runs native-peer.py (cuFFT through PyTorch) with `python3` and
 * parses its JSON. The script's text is passed in (read from the file by `npm run bench`,
 * inlined by the bundle), and run with `python3 -c`, so the bundle needs no file beside it.
 * A missing interpreter, a missing PyTorch or CUDA, a crash or a timeout all become one reason.
 */
import { spawn } from 'node:child_process';
import {
  parseNativeOutput,
  type NativeOutput,
  type NativeRequest,
} from '../src/bench/native-output';
import type { NativePeer } from '../src/bench/native-peer';

export interface PythonPeerOptions {
  /** The script's source. */
  script: string;
  /** The interpreter (default `python3`). */
  python?: string;
  /** The whole run's limit (default 10 minutes). */
  timeoutMs?: number;
}

/** The last part of a process's error output, on one line: enough to say what went wrong. */
function tail(text: string, max = 300): string {
  const one = text.trim().split('\n').slice(-3).join(' | ');
  return one.length > max ? `…${one.slice(-max)}` : one;
}

export function runPythonPeer(
  options: PythonPeerOptions,
  request: NativeRequest,
  signal?: AbortSignal,
): Promise<NativeOutput> {
  const python = options.python ?? 'python3';
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', options.script, JSON.stringify(request)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 600_000,
      ...(signal ? { signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        resolve({ available: false, reason: `${python} not found, so no PyTorch` });
      } else reject(new Error(`${python}: ${e.message}`));
    });
    child.on('close', (code, sig) => {
      try {
        resolve(parseNativeOutput(stdout));
      } catch (e) {
        const why = sig ? `killed by ${sig}` : `exit status ${code}`;
        const detail = tail(stderr) || (e instanceof Error ? e.message : String(e));
        reject(new Error(`${python} native-peer.py failed (${why}): ${detail}`));
      }
    });
  });
}

export function pythonNativePeer(options: PythonPeerOptions): NativePeer {
  return {
    label: 'cuFFT via PyTorch',
    run: (request, signal) => runPythonPeer(options, request, signal),
  };
}
