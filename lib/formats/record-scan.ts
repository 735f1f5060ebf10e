import type { Source } from '../engine/source';

/**
 * A quote-aware record scanner for delimited text, independent of DuckDB, that gives every data record
 * its true starting line. DuckDB's read_csv numbers records, not lines: it skips blank lines and folds
 * quoted line breaks into one record, so its row numbers drift from the file's lines.
 *
 * The scanner follows read_csv in DuckDB-WASM 1.32.0 (DuckDB 1.4.3) with the options `readCsvSql` gives
 * (`quote = '"'`, `escape = '"'`, strict mode, no sniffing). test/formats/record-scan.test.ts checks it
 * against DuckDB itself on generated files.
 * - A quote opens a quoted field only as the field's first byte, or after one space. Anywhere else it is
 *   an ordinary character. Inside a quoted field, `""` is a quote, and delimiters and line breaks belong
 *   to the field.
 * - After the closing quote, only spaces may come before the delimiter or the line end.
 * - CRLF, LF and lone CR end lines. DuckDB rejects some files that mix them outside quoted fields and
 *   reads the others as the scanner does, except a lone CR in a CRLF file, which the scanner rejects.
 * - An empty line is skipped. A line of spaces is a record of one field. Empty fields beyond the
 *   header's count, as a line ending with a delimiter has, are dropped.
 * - Title lines above the header are skipped line by line, without regard to quotes, as read_csv's
 *   `skip` does.
 *
 * Cost, measured with 5 runs each on a generated 115 MB detailed call log of 1,000,000 rows, under
 * Node 20.20.2 on a shared 2-core AMD EPYC machine. The scan of the file on disk took 377 to 771 ms
 * (median 613 ms). `readCsvTable` took 1,304 to 1,528 ms (median 1,456 ms), and 1,256 to 3,069 ms
 * (median 1,343 ms) before it used the scan.
 */

export type LineEnd = 'CRLF' | 'LF' | 'CR';

/** The first reason the file cannot be loaded as the header describes it. Lines are 1-based. */
export type RecordProblem =
  /** A data record whose field count differs from the header's. It starts on `line` and ends on `endLine`. */
  | { kind: 'field-count'; line: number; endLine: number; fields: number; expected: number }
  /** The last record ends without a line break and has too few fields: the file looks cut off. */
  | { kind: 'cut-off'; line: number; fields: number; expected: number }
  /** A quoted field opens on `line` and never closes. */
  | { kind: 'unclosed-quote'; line: number }
  /** Characters other than spaces follow a closing quote on `line`. */
  | { kind: 'text-after-quote'; line: number }
  /**
   * `line` ends with a lone CR in a file whose first line ends with CRLF. DuckDB then drops the first
   * byte of the next line without an error, so such a file is never read.
   */
  | { kind: 'lone-cr'; line: number }
  /** The record starting on `line` is `bytes` long, over DuckDB's limit of `MAX_RECORD_BYTES`. */
  | { kind: 'too-long'; line: number; bytes: number }
  /** The header record has `fields` fields by these rules where header detection found `expected`. */
  | { kind: 'header-fields'; line: number; fields: number; expected: number };

/** Trailing lines below the last full record that have fewer fields than the header. */
export interface FooterLines {
  /** Lines that hold text (blank lines among them are not counted). */
  count: number;
  firstLine: number;
  lastLine: number;
  /** The first of these lines, with runs of spaces and line breaks as one space, cut to 100 characters. */
  firstText: string;
  /** True when the last line ends the file without a line break, as a file cut off in its last row does. */
  unterminated: boolean;
}

export interface RecordScan {
  /** The header record's field count. */
  headerFields: number;
  /**
   * The data records: every one has `headerFields` fields (otherwise `problem` is set). Records below
   * `footerStart` are not among them.
   */
  recordCount: number;
  /** The 1-based line where each record starts, at index 0 to recordCount - 1. 4 bytes per record. */
  recordLines: Int32Array;
  /**
   * Each record's count of field bytes other than quotes, as DuckDB stores the fields (without the
   * spaces around a quoted field). `checkRecords` compares it with DuckDB's fields when the record
   * counts differ, to find the first record that differs. 4 bytes per record.
   */
  recordChecksums: Int32Array;
  /**
   * The byte offset where records 0, RECORD_STRIDE, 2 × RECORD_STRIDE and so on start, so a large file
   * can be read in parts (see `readCsvParts`). Entries at or past `recordCount` are not records.
   */
  strideStarts: number[];
  /** Lines of the blank lines between the header and the last record, at index 0 to blankLineCount - 1. */
  blankLines: Int32Array;
  blankLineCount: number;
  /** Byte offset where the footer begins: DuckDB must read only the bytes before it. The file size when there is no footer. */
  footerStart: number;
  footer?: FooterLines;
  problem?: RecordProblem;
  /**
   * The first line above the footer that ends, outside quoted fields, with another line break than the
   * file's first line. DuckDB rejects some such files and reads others, so this only explains a failure.
   */
  mixedLineEnd?: { line: number; found: LineEnd; expected: LineEnd };
}

/** Records between two entries of `RecordScan.strideStarts`. */
export const RECORD_STRIDE = 1024;

export interface ScanOptions {
  delimiter: string;
  /** 1-based line where the header record starts, as header detection found it. */
  headerLine: number;
  /** The header's field count as header detection found it. */
  headerColumns: number;
  /** Bytes read per `source.read`; tests lower it to put chunk boundaries everywhere. */
  chunkBytes?: number;
}

/** Bytes read per `source.read`, so a large file is never held whole. */
const CHUNK_BYTES = 4 << 20;
/** More trailing short lines than this are taken for data that lost fields, not totals or notes (a judgement, not a rule of any export). */
const MAX_FOOTER_LINES = 20;
const FOOTER_TEXT_CHARS = 100;
/**
 * read_csv's default `max_line_size` in DuckDB 1.4.3: it rejects a record whose bytes, with one byte for
 * the line end, exceed 2,000,000.
 */
export const MAX_RECORD_BYTES = 2_000_000;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Scans the records below a header that sniffing found; see `scanRecords`. */
export function scanTableRecords(
  source: Source,
  table: { columns: readonly string[]; headerLine: number; delimiter: string },
): Promise<RecordScan> {
  return scanRecords(source, { delimiter: table.delimiter, headerLine: table.headerLine, headerColumns: table.columns.length });
}

/** Scans `source` (UTF-8) in chunks and returns its data records; see `RecordScan`. */
export async function scanRecords(source: Source, options: ScanOptions): Promise<RecordScan> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const scanner = new RecordScanner(options);
  for (let start = 0; start < source.size && !scanner.stopped(); start += chunkBytes) {
    scanner.push(await source.read(start, Math.min(source.size, start + chunkBytes)));
  }
  const scan = scanner.finish(source.size);
  await moveTotalRecordToFooter(source, scan, scanner.lastRecord, options.delimiter);
  if (scan.footer !== undefined && scan.footer.firstText === '') {
    const end = Math.min(scanner.footerTextEnd, scanner.footerTextStart + FOOTER_TEXT_CHARS * 4);
    const text = new TextDecoder('utf-8').decode(await source.read(scanner.footerTextStart, end)).replace(/\s+/g, ' ').trim();
    scan.footer.firstText = text.slice(0, FOOTER_TEXT_CHARS);
  }
  return scan;
}

/**
 * A first field that names a total or summary line, such as `Total` or `Grand total:`. Spreadsheets
 * pad such a line with empty fields to the header's width when they save a CSV.
 */
const TOTAL_WORD = /^(grand\s+total|sub-?totals?|totals?|summary|sum)\b/i;

/**
 * Turns the last data record into the first footer line when only its first field contains text and that
 * text is a total or summary word, as in `Total,,,,,`. Any other record stays data, so the format
 * still rejects a real row with missing fields.
 */
async function moveTotalRecordToFooter(source: Source, scan: RecordScan, last: LastRecord | undefined, delimiter: string): Promise<void> {
  if (scan.problem !== undefined || last === undefined || !last.firstFieldOnly) return;
  const text = new TextDecoder('utf-8').decode(await source.read(last.start, Math.min(last.end, last.start + FOOTER_TEXT_CHARS * 4)));
  const firstField = text.split(delimiter)[0]!.replace(/"/g, '').trim();
  if (!TOTAL_WORD.test(firstField)) return;

  scan.recordCount--;
  scan.footerStart = last.start;
  scan.footer = {
    count: (scan.footer?.count ?? 0) + 1,
    firstLine: last.line,
    lastLine: scan.footer?.lastLine ?? last.endLine,
    firstText: text.replace(/\s+/g, ' ').trim().slice(0, FOOTER_TEXT_CHARS),
    unterminated: scan.footer?.unterminated ?? !last.terminated,
  };
}

/** The position of the last full record, and whether only its first field has text. */
interface LastRecord {
  start: number;
  end: number;
  line: number;
  endLine: number;
  terminated: boolean;
  firstFieldOnly: boolean;
}

// Byte values.
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

// Byte classes, looked up per byte so the byte loop compares small numbers. Their order lets one
// comparison find the next byte that matters: `<= SPACE_BYTE` outside quotes, `<= DELIMITER_BYTE` inside.
const TEXT_BYTE = 0;
const SPACE_BYTE = 1;
const DELIMITER_BYTE = 2;
const QUOTE_BYTE = 3;
const LF_BYTE = 4;
const CR_BYTE = 5;

// Scanner states, numbers so the byte loop stays plain comparisons.
/** Before the header line: lines are skipped without regard to quotes. */
const TITLE = 0;
/** At the start of a field: nothing of it read yet. */
const FIELD_START = 1;
/** One space read at the start of a field; a quote may still open it. */
const ONE_SPACE = 2;
const UNQUOTED = 3;
const QUOTED = 4;
/** After a closing quote, and any spaces after it. */
const AFTER_QUOTE = 5;

/**
 * The scanner's state between chunks. `push` takes the file's bytes in order; `finish` ends the scan.
 * Exported for tests that feed bytes directly.
 */
export class RecordScanner {
  readonly #headerLine: number;
  readonly #headerColumns: number;
  /** Each byte's class: TEXT_BYTE, DELIMITER_BYTE and so on. */
  readonly #classes = new Uint8Array(256);

  /** Offset in the file of the next byte to push. */
  #offset = 0;
  #line = 1;
  #state: number;
  /** The last byte read inside a quoted field was a CR, so a LF after it ends no further line. */
  #quotedCr = false;
  /** A CR ended a line outside quotes, and the next byte shows whether it was a CRLF. */
  #crPending = false;
  /** Offset of the CR that `#crPending` is about. */
  #crOffset = 0;
  #expectedLineEnd: LineEnd | undefined;
  #mixedLineEnd: { line: number; found: LineEnd; expected: LineEnd; offset: number } | undefined;
  #loneCr: { line: number; offset: number } | undefined;

  // The record being read.
  #isHeader = true;
  #recordStart = 0;
  #recordLine = 1;
  #fields = 1;
  /**
   * The 1-based number of the record's last field that contains text (0 when none does). DuckDB drops
   * fields beyond the header's count when they are empty, as a line that ends with a delimiter has.
   */
  #lastTextField = 0;
  /** Bytes of the record that DuckDB does not store: quotes, delimiters outside quotes, and spaces around a quoted field. */
  #excluded = 0;
  #quoteLine = 0;
  #recordProblem: RecordProblem | undefined;

  // Results.
  #headerFields = 0;
  #recordCount = 0;
  #recordLines = new Int32Array(1024);
  #strideStarts: number[] = [];
  #recordChecksums = new Int32Array(1024);
  #blankLines = new Int32Array(64);
  #blankLineCount = 0;
  #problem: RecordProblem | undefined;

  // Items after the last full record: blank lines and short records, which are a footer if nothing follows.
  #pendingStart = -1;
  #pendingBlankLines: number[] = [];
  #pendingShort = 0;
  #pendingProblem: RecordProblem | undefined;
  #pendingFirstLine = 0;
  #pendingLastLine = 0;
  #pendingUnterminated = false;
  /** Byte range of the first short record after the last full record, for the footer note. */
  footerTextStart = 0;
  footerTextEnd = 0;
  lastRecord: LastRecord | undefined;

  constructor(options: ScanOptions) {
    if (options.delimiter.length !== 1) throw new Error(`RecordScanner: the delimiter must be one byte, not "${options.delimiter}"`);
    this.#classes[LF] = LF_BYTE;
    this.#classes[CR] = CR_BYTE;
    this.#classes[QUOTE] = QUOTE_BYTE;
    this.#classes[SPACE] = SPACE_BYTE;
    this.#classes[options.delimiter.charCodeAt(0)] = DELIMITER_BYTE;
    this.#headerLine = options.headerLine;
    this.#headerColumns = options.headerColumns;
    this.#state = options.headerLine > 1 ? TITLE : FIELD_START;
  }

  /** True once a problem that fails the file is found; later bytes cannot change the outcome. */
  stopped(): boolean {
    return this.#problem !== undefined;
  }

  push(chunk: Uint8Array): void {
    const base = this.#offset;
    const length = chunk.length;
    let i = 0;
    while (i < length && base + i < UTF8_BOM.length && this.#recordStart === base + i && chunk[i] === UTF8_BOM[base + i]) {
      // A byte-order mark, which DuckDB skips too. A partial mark cannot start valid UTF-8.
      this.#recordStart++;
      i++;
    }
    if (this.#crPending && i < length) i = this.#resolveCr(chunk, i, base);

    // The byte loop keeps the busiest fields in locals and stores them before every call that reads them.
    const classes = this.#classes;
    let state = this.#state;
    let fields = this.#fields;
    let lastTextField = this.#lastTextField;
    let excluded = this.#excluded;
    let line = this.#line;
    let quotedCr = this.#quotedCr;
    for (; i < length; i++) {
      let byteClass = classes[chunk[i]!]!;

      if (state === UNQUOTED) {
        // Most bytes are text in unquoted fields: skip to the next byte that matters.
        while (byteClass <= SPACE_BYTE) {
          if (++i === length) break;
          byteClass = classes[chunk[i]!]!;
        }
        if (i === length) break;
        if (byteClass === QUOTE_BYTE) {
          excluded++;
          continue;
        }
      } else if (state === QUOTED) {
        if (byteClass <= DELIMITER_BYTE) {
          lastTextField = fields;
          quotedCr = false;
          do {
            if (++i === length) break;
            byteClass = classes[chunk[i]!]!;
          } while (byteClass <= DELIMITER_BYTE);
          if (i === length) break;
        }
        if (byteClass === QUOTE_BYTE) {
          excluded++;
          state = AFTER_QUOTE;
        } else {
          // A line break inside the quoted field: CR, LF and CRLF each end one line.
          lastTextField = fields;
          if (byteClass === CR_BYTE || !quotedCr) line++;
        }
        quotedCr = byteClass === CR_BYTE;
        continue;
      } else if (state === TITLE) {
        if (byteClass === LF_BYTE || byteClass === CR_BYTE) {
          this.#line = line;
          this.#endTitleLine(base + i, byteClass === CR_BYTE);
          if (byteClass === CR_BYTE && i + 1 < length) i = this.#resolveCr(chunk, i + 1, base) - 1;
          state = this.#state;
          line = this.#line;
        }
        continue;
      } else if (byteClass === QUOTE_BYTE) {
        // A quote opens a field at its start or after one space, which DuckDB drops. After a closing
        // quote, it is the second quote of a doubled one, so the field contains a quote.
        if (state === AFTER_QUOTE) {
          lastTextField = fields;
          excluded++;
        } else {
          this.#quoteLine = line;
          excluded += state === ONE_SPACE ? 2 : 1;
        }
        state = QUOTED;
        quotedCr = false;
        continue;
      } else if (byteClass === SPACE_BYTE) {
        if (state === FIELD_START) {
          state = ONE_SPACE;
        } else if (state === ONE_SPACE) {
          lastTextField = fields;
          state = UNQUOTED;
        } else {
          excluded++;
        }
        continue;
      } else if (byteClass === TEXT_BYTE) {
        if (state === AFTER_QUOTE) this.#recordProblem ??= { kind: 'text-after-quote', line };
        lastTextField = fields;
        state = UNQUOTED;
        continue;
      } else if (state === ONE_SPACE) {
        // The field is one space.
        lastTextField = fields;
      }

      // A delimiter or a line break outside quotes.
      if (byteClass === DELIMITER_BYTE) {
        fields++;
        excluded++;
        state = FIELD_START;
        continue;
      }
      this.#fields = fields;
      this.#lastTextField = lastTextField;
      this.#excluded = excluded;
      this.#line = line;
      this.#endLine(base + i, byteClass === CR_BYTE);
      if (this.#problem !== undefined) break;
      if (byteClass === CR_BYTE && i + 1 < length) i = this.#resolveCr(chunk, i + 1, base) - 1;
      state = FIELD_START;
      fields = 1;
      lastTextField = 0;
      excluded = 0;
      line = this.#line;
    }
    this.#state = state;
    this.#fields = fields;
    this.#lastTextField = lastTextField;
    this.#excluded = excluded;
    this.#line = line;
    this.#quotedCr = quotedCr;
    this.#offset = base + length;
  }

  /**
   * Settles a CR that ended a line, now that the byte at `i` follows it: a LF makes the pair one CRLF
   * line end. Returns the index of the next byte to read.
   */
  #resolveCr(chunk: Uint8Array, i: number, base: number): number {
    this.#crPending = false;
    if (chunk[i] === LF) {
      this.#lineEndResolved('CRLF', this.#crOffset);
      this.#recordStart = base + i + 1;
      return i + 1;
    }
    this.#lineEndResolved('CR', this.#crOffset);
    return i;
  }

  /** Ends the scan at the file's end, `size` bytes. */
  finish(size: number): RecordScan {
    if (this.#crPending && this.#problem === undefined) {
      this.#crPending = false;
      this.#lineEndResolved('CR', this.#crOffset);
    }
    if (this.#problem === undefined) {
      if (this.#state === QUOTED) {
        this.#problem = { kind: 'unclosed-quote', line: this.#quoteLine };
      } else if (this.#state !== TITLE && size > this.#recordStart) {
        this.#endItem(size, false);
      }
    }
    if (this.#problem === undefined) this.#settleFooter();

    const scan: RecordScan = {
      headerFields: this.#headerFields,
      recordCount: this.#recordCount,
      recordLines: this.#recordLines,
      recordChecksums: this.#recordChecksums,
      strideStarts: this.#strideStarts,
      blankLines: this.#blankLines,
      blankLineCount: this.#blankLineCount,
      footerStart: size,
    };
    if (this.#problem !== undefined) {
      scan.problem = this.#problem;
      return scan;
    }
    if (this.#pendingShort > 0) {
      scan.footerStart = this.#pendingStart;
      scan.footer = {
        count: this.#pendingShort,
        firstLine: this.#pendingFirstLine,
        lastLine: this.#pendingLastLine,
        firstText: '',
        unterminated: this.#pendingUnterminated,
      };
    }
    if (this.#loneCr !== undefined && this.#loneCr.offset < scan.footerStart) {
      scan.problem = { kind: 'lone-cr', line: this.#loneCr.line };
      delete scan.footer;
      return scan;
    }
    const mixed = this.#mixedLineEnd;
    if (mixed !== undefined && mixed.offset < scan.footerStart) {
      scan.mixedLineEnd = { line: mixed.line, found: mixed.found, expected: mixed.expected };
    }
    return scan;
  }

  /** Ends the current line outside quotes at the byte `at`, a CR or a LF. */
  #endLine(at: number, cr: boolean): void {
    this.#endItem(at, true);
    this.#line++;
    this.#state = FIELD_START;
    this.#recordStart = at + 1;
    this.#recordLine = this.#line;
    this.#lineEndRead(at, cr);
  }

  #endTitleLine(at: number, cr: boolean): void {
    this.#line++;
    this.#recordStart = at + 1;
    this.#recordLine = this.#line;
    if (this.#line >= this.#headerLine) this.#state = FIELD_START;
    this.#lineEndRead(at, cr);
  }

  #lineEndRead(at: number, cr: boolean): void {
    if (cr) {
      this.#crPending = true;
      this.#crOffset = at;
    } else {
      this.#lineEndResolved('LF', at);
    }
  }

  /** Compares the line end at offset `at` with the file's first one. */
  #lineEndResolved(found: LineEnd, at: number): void {
    if (this.#expectedLineEnd === undefined) {
      this.#expectedLineEnd = found;
    } else if (found !== this.#expectedLineEnd) {
      // The line end belongs to the line before the one being read.
      const line = this.#line - 1;
      this.#mixedLineEnd ??= { line, found, expected: this.#expectedLineEnd, offset: at };
      if (found === 'CR' && this.#expectedLineEnd === 'CRLF') this.#loneCr ??= { line, offset: at };
    }
  }

  /** Ends the record (or blank line) that started at `#recordStart` and whose text ends at `end`. */
  #endItem(end: number, terminated: boolean): void {
    const fields = this.#fields;
    const lastTextField = this.#lastTextField;
    let recordProblem = this.#recordProblem;
    const blank = end === this.#recordStart;
    const bytes = end - this.#recordStart;
    if (bytes >= MAX_RECORD_BYTES) recordProblem ??= { kind: 'too-long', line: this.#recordLine, bytes };
    this.#fields = 1;
    this.#lastTextField = 0;
    const excluded = this.#excluded;
    this.#excluded = 0;
    this.#recordProblem = undefined;

    if (this.#isHeader) {
      if (blank) return;
      this.#isHeader = false;
      this.#headerFields = fields;
      this.#problem = recordProblem;
      if (fields !== this.#headerColumns) {
        this.#problem ??= { kind: 'header-fields', line: this.#recordLine, fields, expected: this.#headerColumns };
      }
      return;
    }

    if (blank) {
      this.#addPending();
      this.#pendingBlankLines.push(this.#recordLine);
      return;
    }

    const expected = this.#headerFields;
    // DuckDB reads a record with more fields than the header when the extra ones are empty.
    const full = fields === expected || (fields > expected && lastTextField <= expected);
    if (full && recordProblem === undefined) {
      this.#addRecord(bytes - excluded);
      this.lastRecord = {
        start: this.#recordStart,
        end,
        line: this.#recordLine,
        endLine: this.#line,
        terminated,
        firstFieldOnly: fields > 1 && lastTextField <= 1,
      };
      return;
    }
    if (fields >= expected) {
      this.#problem = recordProblem ?? this.#fieldCountProblem(fields);
      return;
    }

    // A short record: a footer line if only blank lines and other short records follow it.
    if (!terminated && fields > 1) {
      this.#problem = { kind: 'cut-off', line: this.#recordLine, fields, expected };
      return;
    }
    this.#addPending();
    if (this.#pendingShort === 0) {
      this.#pendingFirstLine = this.#recordLine;
      this.footerTextStart = this.#recordStart;
      this.footerTextEnd = end;
    }
    this.#pendingShort++;
    this.#pendingLastLine = this.#line;
    this.#pendingUnterminated = !terminated;
    this.#pendingProblem ??= recordProblem ?? this.#fieldCountProblem(fields);
  }

  #fieldCountProblem(fields: number): RecordProblem {
    return { kind: 'field-count', line: this.#recordLine, endLine: this.#line, fields, expected: this.#headerFields };
  }

  #addPending(): void {
    if (this.#pendingStart < 0) this.#pendingStart = this.#recordStart;
  }

  #addRecord(checksum: number): void {
    if (this.#pendingProblem !== undefined) {
      // Short records above this full record are inside the data.
      this.#problem = this.#pendingProblem;
      return;
    }
    for (const line of this.#pendingBlankLines) {
      if (this.#blankLineCount === this.#blankLines.length) this.#blankLines = grown(this.#blankLines);
      this.#blankLines[this.#blankLineCount++] = line;
    }
    this.#pendingBlankLines = [];
    this.#pendingStart = -1;

    if (this.#recordCount === this.#recordLines.length) {
      this.#recordLines = grown(this.#recordLines);
      this.#recordChecksums = grown(this.#recordChecksums);
    }
    if (this.#recordCount % RECORD_STRIDE === 0) this.#strideStarts.push(this.#recordStart);
    this.#recordLines[this.#recordCount] = this.#recordLine;
    this.#recordChecksums[this.#recordCount] = checksum | 0;
    this.#recordCount++;
  }

  /** Accepts the trailing short lines as a footer, unless there are too many to be totals or notes. */
  #settleFooter(): void {
    if (this.#pendingShort > MAX_FOOTER_LINES) this.#problem = this.#pendingProblem;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
