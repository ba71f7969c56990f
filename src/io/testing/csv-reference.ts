/**
 * Test helper: the CSV importer as it was before it streamed (the whole text decoded, split
 * into lines, values pushed to a number[]). The streaming importer must give exactly its
 * results and messages; import-stream.test.ts compares the two on generated tables.
 */
import {
  ImportError,
  importedSignals,
  MAX_TOTAL_SAMPLES,
  sampleProblem,
  type ImportedData,
} from '../import-data';
import { decodeText } from '../import-text';

const NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
/** Control characters other than tab, CR and LF: a binary file or a wrong encoding. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A decimal digit of any script but ASCII's (full-width '１', Arabic-Indic '١', …). */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Throws naming the first control character of the text, as "line L, character C". One regex
 * pass over the whole text: it is the cause whatever else is wrong with that line.
 */
function checkControl(file: string, text: string): void {
  const at = text.search(CONTROL);
  if (at < 0) return;
  const before = text.slice(0, at);
  const lineNo = (before.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  throw new ImportError(
    file,
    `control character ${codePoint(text[at] ?? '')} at line ${lineNo}, character ${at - lineStart + 1}; ` +
      'this looks like a binary file or text in another encoding, not a CSV of numbers',
  );
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

function fieldsOf(line: string, delimiter: Delimiter): string[] {
  const raw = delimiter === 'whitespace' ? line.trim().split(/\s+/) : line.split(delimiter);
  // Spreadsheets quote fields; a quoted number is still a number.
  const fields = raw.map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  return delimiter === ',' ? fields : fields.map((f) => f.replace(/^([+-]?\d*),(\d+)$/, '$1.$2'));
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

interface Table {
  header: string[] | null;
  delimiter: Delimiter;
  rows: number;
  width: number;
  /** Row-major, rows × width. */
  values: number[];
  /** Non-zero values that float32 turns into 0, and where the first one was. */
  underflow: { count: number; first: string | null };
}

/** The smallest positive float32 (a subnormal); anything smaller in magnitude becomes 0. */
const FLOAT32_TINY = 1.401298464324817e-45;

/** Parses the text into a rectangular table of numbers; throws at the first bad line or cell. */
function readTable(file: string, text: string): Table {
  checkControl(file, text);
  const lines = text.split(/\r\n|\n|\r/);
  const table: Table = {
    header: null,
    delimiter: 'whitespace',
    rows: 0,
    width: 0,
    values: [],
    underflow: { count: 0, first: null },
  };
  let delimiter: Delimiter | null = null;
  let firstRowLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lineNo = i + 1;
    delimiter ??= delimiterOf(line);
    const fields = fieldsOf(line, delimiter);
    // A header names columns: no cell is a number (pandas leaves the index column's empty).
    const named =
      fields.some((f) => f !== '') && fields.every((f) => !NUMBER.test(f) && !NON_FINITE.test(f));
    if (table.header === null && table.rows === 0 && named) {
      // A "header" of full-width numbers is a row of numbers in the wrong digits.
      fields.forEach((f, c) => checkDigits(file, f, `line ${lineNo}, column ${c + 1}`));
      table.header = fields;
    } else if (table.width !== 0 && fields.length !== table.width) {
      throw new ImportError(
        file,
        `ragged rows: line ${lineNo} has ${fields.length} values but line ${firstRowLine} has ${table.width}`,
      );
    } else {
      if (table.values.length + fields.length > MAX_TOTAL_SAMPLES) {
        throw new ImportError(
          file,
          `the file holds more than ${MAX_TOTAL_SAMPLES} values; the limit is ${MAX_TOTAL_SAMPLES} (2^24) samples in total`,
        );
      }
      fields.forEach((f, c) => {
        const value = cellValue(file, f, lineNo, c + 1);
        if (value !== 0 && Math.abs(value) < FLOAT32_TINY / 2) {
          table.underflow.count += 1;
          table.underflow.first ??= `"${f}" at line ${lineNo}, column ${c + 1}`;
        }
        table.values.push(value);
      });
      table.rows += 1;
    }
    if (table.width === 0) {
      table.width = fields.length;
      firstRowLine = lineNo;
    }
  }
  table.delimiter = delimiter ?? 'whitespace';
  return table;
}

export function referenceCsv(file: string, bytes: ArrayBuffer): ImportedData {
  const text = decodeText(file, bytes);
  const { header, delimiter, rows, width, values, underflow } = readTable(file, text);
  if (rows === 0) {
    const problem = header
      ? 'the file has a header row but no rows of numbers'
      : 'the file is empty';
    throw new ImportError(file, problem);
  }
  const notes = [`read ${rows} rows × ${width} columns separated by ${delimiterName(delimiter)}`];
  if (header) {
    const names = `${header.slice(0, 4).join(', ')}${width > 4 ? ', …' : ''}`;
    notes.push(`skipped the header row (${names})`);
  }
  const byColumn = header !== null || rows > width;
  const batch = byColumn ? width : rows;
  const length = byColumn ? rows : width;
  const why = byColumn
    ? `each column as one signal (${header ? 'the file has a header' : 'more rows than columns'})`
    : 'each row as one signal (no header, no more rows than columns)';
  notes.push(`treated ${why}: ${batch} signals of ${length} samples`);
  if (underflow.first !== null) {
    notes.push(
      `${underflow.count} value${underflow.count === 1 ? '' : 's'} smaller than float32's ` +
        `smallest (±1.4e-45) became 0, the first ${underflow.first}`,
    );
  }
  const data = new Float32Array(batch * length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      data[byColumn ? c * rows + r : r * width + c] = values[r * width + c] ?? 0;
    }
  }
  return importedSignals(file, 'csv', batch, length, data, notes);
}
