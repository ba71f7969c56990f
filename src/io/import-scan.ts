/**
 * Streaming counts over an import's text as it is read, so a file far over the limits is
 * refused after its first megabytes instead of after a full parse: data lines of a CSV (a
 * signal cannot be longer than 2^20 samples) and number tokens of either format (at most 2^24
 * samples in total). Both counts are lower bounds of what the parser would find, so nothing
 * the parser accepts is refused here.
 */
import { ImportError, MAX_SIGNAL_SAMPLES, MAX_TOTAL_SAMPLES } from './import-data';

/** Slack for a header row whose names hold digits ("col1,col2,…"), which count as tokens. */
const HEADER_SLACK = 4096;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export class TextScan {
  /** Lines that hold something other than blanks or a '#' comment. */
  dataLines = 0;
  /** Runs of ASCII digits outside JSON strings: at least one per number. */
  numbers = 0;
  private lineHasData = false;
  private lineStarted = false;
  /** The line began with '#': a comment, never data. */
  private inComment = false;
  private inDigits = false;
  private inString = false;
  private escaped = false;
  /** No bytes fed yet: a UTF-8 byte-order mark may come first. */
  private atStart = true;

  constructor(
    private readonly file: string,
    private readonly format: 'csv' | 'json',
  ) {}

  /** Counts a chunk of text; throws an ImportError as soon as a limit is certainly exceeded. */
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) this.step(text.charCodeAt(i));
    this.check();
  }

  /**
   * Counts a chunk of bytes as feed counts their UTF-8 text: every character it looks at is
   * ASCII, and no byte of a multi-byte UTF-8 character (or of a malformed one, which decodes to
   * U+FFFD, neither blank nor a digit) is, so no decoding, and no string per chunk to collect.
   * A byte-order mark at the start is skipped, as decoding drops it.
   */
  feedBytes(bytes: Uint8Array): void {
    let i = 0;
    // Reads come a MiB at a time, so a mark is whole in the first chunk of any file that has one.
    if (this.atStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    this.atStart = false;
    for (; i < bytes.length; i++) this.step(bytes[i] ?? 0);
    this.check();
  }

  private step(c: number): void {
    const json = this.format === 'json';
    if (json && this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 92) this.escaped = true;
      else if (c === 34) this.inString = false;
      return;
    }
    if (json && c === 34) {
      this.inString = true;
      this.inDigits = false;
      return;
    }
    const digit = isDigit(c);
    if (digit && !this.inDigits) this.numbers += 1;
    // '1.5e-3' is one number: the digits after '.', 'e', '+' or '-' continue it.
    this.inDigits =
      digit || (this.inDigits && (c === 46 || c === 101 || c === 69 || c === 43 || c === 45));
    if (c === 10 || c === 13) {
      if (this.lineHasData) this.dataLines += 1;
      this.lineHasData = false;
      this.lineStarted = false;
      this.inComment = false;
    } else if (c !== 32 && c !== 9) {
      if (!this.lineStarted) {
        this.lineStarted = true;
        this.inComment = c === 35;
      }
      if (!this.inComment) this.lineHasData = true;
    }
  }

  /** The counts at the end of the text (a last line without a newline counts). */
  finish(): void {
    if (this.lineHasData) this.dataLines += 1;
    this.lineHasData = false;
    this.check();
  }

  /**
   * A lower bound of the values: in a CSV with decimal commas ("1,5;2") a value can be two
   * digit runs, so only half the runs are certain there; JSON numbers are one run each.
   */
  get minValues(): number {
    return this.format === 'csv' ? Math.ceil(this.numbers / 2) : this.numbers;
  }

  private check(): void {
    if (this.minValues > MAX_TOTAL_SAMPLES + HEADER_SLACK) {
      throw new ImportError(
        this.file,
        `the file holds more than ${MAX_TOTAL_SAMPLES} numbers (counted while reading); the limit is ${MAX_TOTAL_SAMPLES} (2^24) samples in total`,
      );
    }
    // Rows beyond 2^20 + a header make every column a signal longer than 2^20 samples.
    if (this.format === 'csv' && this.dataLines > MAX_SIGNAL_SAMPLES + 1) {
      throw new ImportError(
        this.file,
        `the file has more than ${MAX_SIGNAL_SAMPLES + 1} rows (counted while reading); a signal can be at most ${MAX_SIGNAL_SAMPLES} (2^20) samples long`,
      );
    }
  }
}
