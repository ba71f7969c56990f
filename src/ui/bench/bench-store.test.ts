import { describe, expect, it } from 'vitest';
import {
  RunImportCancelledError,
  RunImportError,
  type RunImportOptions,
} from '../../bench/run-import-client';
import type { BenchRun } from '../../bench/schema';
import { sampleRun } from '../../bench/testing/sample-run';
import { createBenchStore, type RunImporter } from './bench-store';

/** An importer the test drives: each call waits until the test settles it. */
function heldImporter() {
  const calls: {
    file: File;
    options: RunImportOptions;
    resolve: (run: BenchRun) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const importer: RunImporter = (file, options) =>
    new Promise((resolve, reject) => {
      // The worker client rejects on abort; the fake does the same.
      options.signal?.addEventListener('abort', () =>
        reject(new RunImportCancelledError(`import of ${file.name} cancelled`)),
      );
      calls.push({ file, options, resolve, reject });
    });
  return { importer, calls };
}

const fileOf = (name: string, bytes = 10): File => new File(['x'.repeat(bytes)], name);
const withId = (id: string): BenchRun => ({ ...sampleRun(), id });

describe('bench store: importing a run file', () => {
  it('shows progress while the file is read, then the run, kept in the history', async () => {
    const { importer, calls } = heldImporter();
    const store = createBenchStore(importer);
    const done = store.getState().importFile(fileOf('a.json', 100));
    expect(store.getState().importing).toEqual({
      file: 'a.json',
      progress: { phase: 'reading', done: 0, total: 100 },
    });
    calls[0]?.options.onProgress?.({ phase: 'parsing', done: 100, total: 100 });
    expect(store.getState().importing?.progress.phase).toBe('parsing');
    calls[0]?.resolve(withId('a'));
    await done;
    expect(store.getState().importing).toBeNull();
    expect(store.getState().current?.id).toBe('a');
    expect(store.getState().history.map((r) => r.id)).toEqual(['a']);
    expect(store.getState().error).toBeNull();
  });

  it('Cancel leaves the shown run and the history as they were, and says so', async () => {
    const { importer, calls } = heldImporter();
    const store = createBenchStore(importer);
    const first = store.getState().importFile(fileOf('a.json'));
    calls[0]?.resolve(withId('a'));
    await first;
    const second = store.getState().importFile(fileOf('big.json'));
    store.getState().cancelImport();
    await second;
    expect(calls[1]?.options.signal?.aborted).toBe(true);
    expect(store.getState().importing).toBeNull();
    expect(store.getState().importNotice).toBe('Import of big.json cancelled; nothing changed.');
    expect(store.getState().current?.id).toBe('a');
    expect(store.getState().history.map((r) => r.id)).toEqual(['a']);
    expect(store.getState().error).toBeNull();
  });

  it("shows a refusal as 'Import failed: <file>: <message>' and keeps the shown run", async () => {
    const { importer, calls } = heldImporter();
    const store = createBenchStore(importer);
    const first = store.getState().importFile(fileOf('a.json'));
    calls[0]?.resolve(withId('a'));
    await first;
    const bad = store.getState().importFile(fileOf('bad.json'));
    calls[1]?.reject(new RunImportError('bad.json: Not JSON: Unexpected token'));
    await bad;
    expect(store.getState().error).toBe('Import failed: bad.json: Not JSON: Unexpected token');
    expect(store.getState().importing).toBeNull();
    expect(store.getState().current?.id).toBe('a');
  });

  it('a second file replaces one still being read; the first ends without a word', async () => {
    const { importer, calls } = heldImporter();
    const store = createBenchStore(importer);
    const first = store.getState().importFile(fileOf('slow.json'));
    const second = store.getState().importFile(fileOf('b.json'));
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    // A late report from the replaced import does not show.
    calls[0]?.options.onProgress?.({ phase: 'reading', done: 5, total: 10 });
    expect(store.getState().importing?.file).toBe('b.json');
    await first;
    expect(store.getState().importNotice).toBeNull();
    expect(store.getState().importing?.file).toBe('b.json');
    calls[1]?.resolve(withId('b'));
    await second;
    expect(store.getState().current?.id).toBe('b');
    expect(store.getState().history.map((r) => r.id)).toEqual(['b']);
  });
});

describe('bench store: the worker client', () => {
  it('refuses a file over RUN_LIMITS.fileBytes before any worker starts', async () => {
    // Node has no Worker: reaching `new Worker` would throw a different error.
    const store = createBenchStore();
    const huge = {
      name: 'huge.json',
      size: 9 * 2 ** 20,
      stream: () => {
        throw new Error('must not be read');
      },
    } as unknown as File;
    await store.getState().importFile(huge);
    expect(store.getState().error).toBe(
      'Import failed: huge.json is 9.0 MiB; the limit for a benchmark run is 8 MiB (RUN_LIMITS.fileBytes)',
    );
    expect(store.getState().importing).toBeNull();
  });
});
