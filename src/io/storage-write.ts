/**
 * Writes to localStorage that never lose what was there. A write that does not fit (over the
 * app's own budget for the key, or refused by the browser's quota) leaves the stored value as it
 * was, and the problem names the key and the size that was refused, so a notice can say it.
 */

/** Sizes as people read them: "812 B", "3.4 KiB", "12.0 MiB" (of JSON text). */
export function formatSize(chars: number): string {
  if (chars < 1024) return `${chars} B`;
  if (chars < 2 ** 20) return `${(chars / 1024).toFixed(1)} KiB`;
  return `${(chars / 2 ** 20).toFixed(1)} MiB`;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.name === 'Error' ? e.message : `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * Stores `value` under `key` unless it is longer than `maxChars` or the storage refuses it.
 * Returns null when written, else why not (the old value is untouched either way: setItem
 * that throws writes nothing, and an oversized value is never offered).
 */
export function writeStorage(
  storage: Pick<Storage, 'setItem'>,
  key: string,
  value: string,
  maxChars: number,
): string | null {
  if (value.length > maxChars) {
    return (
      `not saved to localStorage '${key}': ${formatSize(value.length)} is over this app's ` +
      `${formatSize(maxChars)} limit for it; what was stored before is unchanged`
    );
  }
  try {
    storage.setItem(key, value);
    return null;
  } catch (e) {
    return (
      `not saved to localStorage '${key}': the browser refused ${formatSize(value.length)} ` +
      `(${errorText(e)}); what was stored before is unchanged`
    );
  }
}
