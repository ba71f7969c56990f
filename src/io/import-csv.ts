/**
 * CSV and plain-text tables: values separated by commas, semicolons, tabs or (when none of
 * those appear) whitespace, an optional header row, and '#' comment lines as numpy.savetxt
 * writes them. Each row or each column is one signal; the choice goes into the notes.
 *
 * Read in two passes over text decoded a chunk at a time, so memory is the file's bytes, one
 * chunk of text and the samples, never the whole text, a string per line or an array of boxed
 * numbers: the first pass finds the problems that outrank any cell's (bytes that are not text,
 * control characters) and counts the data lines; the second parses line by line and writes
 * each value straight to its place in the padded float32 result, whose layout the count fixes.
 */
import {
  checkSize,
  fitsLimits,
  FLOAT32_MAX,
  FLOAT32_TINY,
  ImportError,
  MAX_TOTAL_SAMPLES,
  nextPowerOfTwo,
  paddedSignals,
  sampleProblem,
  type ImportedData,
} from './import-data';
import {
  forEachTextChunk,
  isSpace,
  LineSplitter,
  passProgress,
  textEncoding,
  TEXT_CHUNK_BYTES,
  type ParseProgress,
} from './import-text';

const NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
/** Control characters other than tab, CR and LF: a binary file or a wrong encoding. */
function isControl(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
}
/** A decimal digit of any script but ASCII's (full-width '１', Arabic-Indic '١', …). */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Throws if a cell holds a non-ASCII digit, which Number() would not read as one. */
function checkDigits(file: string, text: string, where: string): void {
  const digit = NON_ASCII_DIGIT.exec(text)?.[0];
  if (digit === undefined) return;
  const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
  throw new ImportError(
    file,
    `non-ASCII digit '${digit}' (${codePoint(digit)}) in "${shown}" at ${where}; ` +
      'numbers must use the ASCII digits 0-9 (convert full-width or other scripts first)',
  );
}

type Delimiter = ',' | ';' | '\t' | 'whitespace';

/** Tab, then ';', then ','. A line with ';' uses ',' as the decimal mark, as European sheets do. */
function delimiterOf(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return 'whitespace';
}

const QUOTED = /^"(.*)"$/;
const DECIMAL_COMMA = /^([+-]?\d*),(\d+)$/;

/** A raw field as a cell: spreadsheets quote fields (a quoted number is still a number). */
function cleanField(raw: string, delimiter: Delimiter): string {
  const field = raw.trim().replace(QUOTED, '$1').trim();
  return delimiter === ',' ? field : field.replace(DECIMAL_COMMA, '$1.$2');
}

/**
 * Calls `each` with the line's fields in order, cut at the delimiter (or at runs of whitespace)
 * and cleaned, without building an array of them: a row can hold 2^20 values. `plain` says the
 * field is a number as written, which cleaning leaves as it is, so the common case costs one
 * regex test. Returns how many fields there were.
 */
function eachField(
  line: string,
  delimiter: Delimiter,
  each: (field: string, plain: boolean, column: number) => void,
): number {
  const visit = (raw: string, column: number): void => {
    if (NUMBER.test(raw)) each(raw, true, column);
    else each(cleanField(raw, delimiter), false, column);
  };
  let column = 0;
  if (delimiter === 'whitespace') {
    // line.trim().split(/\s+/): the runs of non-space characters (a data line has one at least).
    for (let i = 0; i < line.length;) {
      while (i < line.length && isSpace(line.charCodeAt(i))) i += 1;
      if (i === line.length) break;
      const start = i;
      while (i < line.length && !isSpace(line.charCodeAt(i))) i += 1;
      visit(line.slice(start, i), column);
      column += 1;
    }
    return column;
  }
  let start = 0;
  for (;;) {
    const end = line.indexOf(delimiter, start);
    visit(end < 0 ? line.slice(start) : line.slice(start, end), column);
    column += 1;
    if (end < 0) return column;
    start = end + 1;
  }
}

/** How many fields eachField would visit, without cutting them out. */
function fieldCount(line: string, delimiter: Delimiter): number {
  let count = 0;
  if (delimiter === 'whitespace') {
    let inField = false;
    for (let i = 0; i < line.length; i++) {
      const space = isSpace(line.charCodeAt(i));
      if (!space && !inField) count += 1;
      inField = !space;
    }
    return count;
  }
  for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, at + 1)) count += 1;
  return count + 1;
}

function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tabs' : d === 'whitespace' ? 'spaces' : `'${d}'`;
}

/** The value of one cell; throws naming the line and column of a bad one. */
function cellValue(file: string, text: string, line: number, column: number): number {
  const where = `line ${line}, column ${column}`;
  if (text === '') throw new ImportError(file, `empty value at ${where}`);
  if (NON_FINITE.test(text)) {
    throw new ImportError(file, `${text} at ${where}; every sample must be a finite number`);
  }
  if (!NUMBER.test(text)) {
    checkDigits(file, text, where);
    const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
    throw new ImportError(file, `malformed value "${shown}" at ${where}; expected a number`);
  }
  const value = Number(text);
  const problem = sampleProblem(value, where);
  if (problem) throw new ImportError(file, problem);
  return value;
}

/** The index of the line's first non-space character, or -1 for a blank line. */
function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return i;
  return -1;
}

/**
 * The first pass: throws naming the first control character of the text, as "line L, character
 * C" (it is the cause whatever else is wrong with that line, so it outranks every other problem
 * but bytes that are not text, which the decoder throws for before this pass ends), and returns
 * how many lines hold data: lines that the second pass reads as the header or as a row.
 */
function surveyLines(
  file: string,
  bytes: Uint8Array,
  progress: (pass: number, end: number) => void,
  chunkBytes: number,
): number {
  const encoding = textEncoding(file, bytes);
  let dataLines = 0;
  let line = 1;
  /** Offsets count UTF-16 code units of the whole text, as a search of it would. */
  let offset = 0;
  let lineStart = 0;
  let afterCr = false;
  let started = false;
  let data = false;
  let control: { code: number; line: number; character: number } | null = null;
  forEachTextChunk(
    file,
    bytes,
    encoding,
    (text, end) => {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          // CRLF is one line break: the LF after a CR ends nothing more.
          if (!(c === 10 && afterCr)) {
            line += 1;
            if (data) dataLines += 1;
            started = false;
            data = false;
          }
          afterCr = c === 13;
          lineStart = offset + i + 1;
          continue;
        }
        afterCr = false;
        if (control === null && isControl(c)) {
          control = { code: c, line, character: offset + i - lineStart + 1 };
        }
        if (!started && !isSpace(c)) {
          started = true;
          data = c !== 35;
        }
      }
      offset += text.length;
      progress(0, end);
    },
    chunkBytes,
  );
  if (data) dataLines += 1;
  if (control !== null) {
    const { code, line: at, character } = control;
    throw new ImportError(
      file,
      `control character ${codePoint(String.fromCharCode(code))} at line ${at}, character ${character}; ` +
        'this looks like a binary file or text in another encoding, not a CSV of numbers',
    );
  }
  return dataLines;
}

/** Where the samples go: signal-major and padded, as the engine takes them. */
interface Layout {
  byColumn: boolean;
  batch: number;
  length: number;
  /** The padded signal length: sample t of signal b is at b·n + t. */
  n: number;
  /** Null when the table cannot fit the limits; the end of the parse says which one. */
  data: Float32Array | null;
}

/** The second pass, line by line: header detection, orientation, every cell checked in order. */
class TableReader {
  delimiter: Delimiter | null = null;
  /** The header's first four names (all the notes show), or null without a header. */
  header: string[] | null = null;
  rows = 0;
  width = 0;
  layout: Layout | null = null;
  /** Non-zero values that float32 turns into 0, and where the first one was. */
  underflow = 0;
  firstUnderflow: string | null = null;
  private firstRowLine = 0;

  constructor(
    private readonly file: string,
    /** Data lines the first pass counted: the header, if any, and the rows. */
    private readonly dataLines: number,
  ) {}

  readonly line = (line: string, lineNo: number): void => {
    const first = firstNonSpace(line);
    if (first < 0 || line.charCodeAt(first) === 35) return;
    this.delimiter ??= delimiterOf(line);
    const delimiter = this.delimiter;
    let count: number;
    if (this.width === 0 && this.isHeader(line, delimiter)) {
      const names: string[] = [];
      count = eachField(line, delimiter, (f, _plain, c) => {
        // A "header" of full-width numbers is a row of numbers in the wrong digits.
        checkDigits(this.file, f, `line ${lineNo}, column ${c + 1}`);
        if (names.length < 4) names.push(f);
      });
      this.header = names;
    } else {
      count = fieldCount(line, delimiter);
      if (this.width !== 0 && count !== this.width) {
        throw new ImportError(
          this.file,
          `ragged rows: line ${lineNo} has ${count} values but line ${this.firstRowLine} has ${this.width}`,
        );
      }
      this.readRow(line, lineNo, delimiter, count);
    }
    if (this.width === 0) {
      this.width = count;
      this.firstRowLine = lineNo;
    }
  };

  /** A header names columns: no cell is a number (pandas leaves the index column's empty). */
  private isHeader(line: string, delimiter: Delimiter): boolean {
    let anyText = false;
    let allNames = true;
    eachField(line, delimiter, (f, plain) => {
      if (f !== '') anyText = true;
      if (plain || NUMBER.test(f) || NON_FINITE.test(f)) allNames = false;
    });
    return anyText && allNames;
  }

  private readRow(line: string, lineNo: number, delimiter: Delimiter, count: number): void {
    const r = this.rows;
    if ((r + 1) * count > MAX_TOTAL_SAMPLES) {
      throw new ImportError(
        this.file,
        `the file holds more than ${MAX_TOTAL_SAMPLES} values; the limit is ${MAX_TOTAL_SAMPLES} (2^24) samples in total`,
      );
    }
    const { byColumn, n, data } = (this.layout ??= this.layoutFor(count));
    if (r >= (byColumn ? this.layout.length : this.layout.batch)) {
      throw new Error(
        `internal: row ${r + 1} at line ${lineNo} beyond the ${this.dataLines} counted`,
      );
    }
    eachField(line, delimiter, (f, plain, c) => {
      let value: number;
      if (plain) {
        value = Number(f);
        if (!(Math.abs(value) <= FLOAT32_MAX)) {
          const where = `line ${lineNo}, column ${c + 1}`;
          throw new ImportError(this.file, sampleProblem(value, where) ?? `${value} at ${where}`);
        }
      } else {
        value = cellValue(this.file, f, lineNo, c + 1);
      }
      if (value !== 0 && Math.abs(value) < FLOAT32_TINY / 2) {
        this.underflow += 1;
        this.firstUnderflow ??= `"${f}" at line ${lineNo}, column ${c + 1}`;
      }
      if (data) data[byColumn ? c * n + r : r * n + c] = value;
    });
    this.rows += 1;
  }

  /**
   * Fixed at the first row: every data line after the header is a row if the parse succeeds,
   * so the count of the first pass is the number of rows, and the orientation follows.
   */
  private layoutFor(width: number): Layout {
    const rows = this.dataLines - (this.header === null ? 0 : 1);
    const byColumn = this.header !== null || rows > width;
    const batch = byColumn ? width : rows;
    const length = byColumn ? rows : width;
    const n = nextPowerOfTwo(length);
    const data = fitsLimits(batch, length) ? new Float32Array(batch * n) : null;
    return { byColumn, batch, length, n, data };
  }
}

/** `chunkBytes`: text decoded at a time (tests make it small to put boundaries everywhere). */
export function importCsv(
  file: string,
  buffer: ArrayBuffer,
  onProgress?: ParseProgress,
  chunkBytes = TEXT_CHUNK_BYTES,
): ImportedData {
  const bytes = new Uint8Array(buffer);
  const progress = passProgress(onProgress, bytes.length, 2);
  const dataLines = surveyLines(file, bytes, progress, chunkBytes);
  const reader = new TableReader(file, dataLines);
  const lines = new LineSplitter(reader.line);
  const encoding = textEncoding(file, bytes);
  forEachTextChunk(
    file,
    bytes,
    encoding,
    (text, end) => {
      lines.feed(text);
      progress(1, end);
    },
    chunkBytes,
  );
  lines.finish();
  const { header, delimiter, rows, width, layout, underflow, firstUnderflow } = reader;
  if (rows === 0 || layout === null) {
    const problem = header
      ? 'the file has a header row but no rows of numbers'
      : 'the file is empty';
    throw new ImportError(file, problem);
  }
  const notes = [
    `read ${rows} rows × ${width} columns separated by ${delimiterName(delimiter ?? 'whitespace')}`,
  ];
  if (header) {
    const names = `${header.join(', ')}${width > 4 ? ', …' : ''}`;
    notes.push(`skipped the header row (${names})`);
  }
  const { byColumn, batch, length, data } = layout;
  const why = byColumn
    ? `each column as one signal (${header ? 'the file has a header' : 'more rows than columns'})`
    : 'each row as one signal (no header, no more rows than columns)';
  notes.push(`treated ${why}: ${batch} signals of ${length} samples`);
  if (firstUnderflow !== null) {
    notes.push(
      `${underflow} value${underflow === 1 ? '' : 's'} smaller than float32's ` +
        `smallest (±1.4e-45) became 0, the first ${firstUnderflow}`,
    );
  }
  if (rows !== (byColumn ? length : batch)) {
    throw new Error(`internal: ${rows} rows read but ${dataLines} data lines counted`);
  }
  if (data === null) {
    checkSize(file, batch, length);
    throw new Error(`internal: ${batch} signals of ${length} samples fit, but were not kept`);
  }
  return paddedSignals(file, 'csv', batch, length, data, notes);
}
