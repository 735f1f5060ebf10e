import type { ColumnMapping } from './engine/types';

/**
 * Errors that cross the worker boundary. Comlink would flatten them into plain objects, so each one
 * converts to and from `PlainError`. The UI and CLI show `message` in full: what failed, where, and
 * what to do.
 */

export interface ErrorLocation {
  /** The file's name as the user dropped it. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The column's header name, where known. */
  column?: string;
  /** The offending value as found in the file, cut to 200 characters. */
  value?: string;
}

export interface PlainError extends Partial<ErrorLocation> {
  name: 'ImportError' | 'UnrecognisedFileError' | 'MappedFileError' | 'EngineError';
  message: string;
  /** UnrecognisedFileError and MappedFileError only: the file's header and first data rows. */
  table?: UnrecognisedTable;
  /** MappedFileError only: the column mapping the file was read with. */
  mapping?: ColumnMapping;
}

/** The header of a delimited file or worksheet that no format recognises, for mapping its columns by hand. */
export interface UnrecognisedTable {
  columns: string[];
  /** The first data rows, each with one value per column, so the user can tell the columns apart. */
  samples: string[][];
}

/** A file could not be read or recognised; nothing of it was loaded. */
export class ImportError extends Error {
  override readonly name: 'ImportError' | 'UnrecognisedFileError' | 'MappedFileError' = 'ImportError';
  readonly location: ErrorLocation;

  /** `problem` is what is wrong and `remedy` is what the user can do about it. */
  constructor(location: ErrorLocation, problem: string, remedy: string) {
    super(formatMessage(location, problem, remedy));
    this.location = { ...location, value: location.value?.slice(0, 200) };
  }
}

/**
 * A delimited file or worksheet that no format recognises and no column mapping fits. It carries the
 * header and a few rows so that the workspace can offer to map the columns.
 */
export class UnrecognisedFileError extends ImportError {
  override readonly name = 'UnrecognisedFileError';
  readonly table: UnrecognisedTable;

  constructor(file: string, table: UnrecognisedTable, problem: string, remedy: string) {
    super({ file }, problem, remedy);
    this.table = table;
  }
}

/**
 * A file read with a column mapping failed. It carries the mapping and the file's header, so that the
 * workspace can reopen the mapping form with them. Its `message` names the mapping used.
 */
export class MappedFileError extends ImportError {
  override readonly name = 'MappedFileError';
  readonly table: UnrecognisedTable;
  readonly mapping: ColumnMapping;

  /** `message` is the whole message, already naming the location, the mapping and the remedy. */
  constructor(location: ErrorLocation, message: string, table: UnrecognisedTable, mapping: ColumnMapping) {
    super(location, '', '');
    this.message = message;
    this.table = table;
    this.mapping = mapping;
  }
}

/** The engine failed for a reason unrelated to one file (start-up, memory, a bug). */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

function formatMessage({ file, line, column, value }: ErrorLocation, problem: string, remedy: string): string {
  const where = [line === undefined ? '' : `line ${line}`, column === undefined ? '' : `column "${column}"`]
    .filter(Boolean)
    .join(', ');
  const shown = value === undefined ? '' : ` (value "${value.slice(0, 200)}")`;
  return `${file}${where ? `, ${where}` : ''}: ${problem}${shown}. ${remedy}`;
}

export function toPlainError(error: unknown): PlainError {
  if (error instanceof UnrecognisedFileError) {
    return { name: 'UnrecognisedFileError', message: error.message, ...error.location, table: error.table };
  }
  if (error instanceof MappedFileError) {
    return { name: 'MappedFileError', message: error.message, ...error.location, table: error.table, mapping: error.mapping };
  }
  if (error instanceof ImportError) return { name: 'ImportError', message: error.message, ...error.location };
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'EngineError', message };
}

export function fromPlainError(plain: PlainError): Error {
  if (plain.name === 'UnrecognisedFileError' && plain.file !== undefined && plain.table !== undefined) {
    const error = new UnrecognisedFileError(plain.file, plain.table, '', '');
    error.message = plain.message;
    return error;
  }
  if (plain.name === 'MappedFileError' && plain.file !== undefined && plain.table !== undefined && plain.mapping !== undefined) {
    const { file, line, column, value } = plain;
    return new MappedFileError({ file, line, column, value }, plain.message, plain.table, plain.mapping);
  }
  if (plain.name === 'ImportError' && plain.file !== undefined) {
    const error = new ImportError({ file: plain.file }, '', '');
    error.message = plain.message;
    Object.assign(error.location, { line: plain.line, column: plain.column, value: plain.value });
    return error;
  }
  return new EngineError(plain.message);
}

/**
 * DuckDB's out-of-memory error ("Out of Memory Error: failed to allocate ..."), the message the CSV
 * reader turns it into, and the errors V8 and WebAssembly raise when an allocation fails.
 */
const OUT_OF_MEMORY = /Out of Memory Error|not enough memory|Array buffer allocation failed|Invalid string length|memory access out of bounds|Aborted\(OOM\)/i;

/** Returns true when `error` reports that the engine ran out of memory, after which its worker is replaced. */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && OUT_OF_MEMORY.test(error.message);
}
