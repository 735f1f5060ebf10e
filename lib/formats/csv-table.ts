import { ImportError } from '../errors';
import type { LoadContext } from './format';

/**
 * Reads the context's delimited file into a temporary all-text table and returns its name. Every column
 * is VARCHAR (a type sniffer would turn extensions such as `007` into numbers), and `source_line` is
 * the data row's line in the file, counting one line per record.
 *
 * NOTE: a quoted field that spans line breaks shifts later `source_line` values by the extra lines.
 */
export function readCsvTable({ db, fileId, file }: LoadContext): string {
  const { table } = file;
  if (table === undefined) throw new Error(`readCsvTable: ${file.source.name} has no header row`);

  const path = file.utf8.register(db, `file-${fileId}.csv`);
  const name = `raw_${fileId}`;
  try {
    db.run(
      `CREATE OR REPLACE TEMP TABLE ${name} AS
       SELECT (row_number() OVER () + ?)::INTEGER AS source_line, *
       FROM read_csv(?, header = true, skip = ?, delim = ?, quote = '"', escape = '"',
                     all_varchar = true, null_padding = false)`,
      [table.headerLine, path, table.headerLine - 1, table.delimiter],
    );
  } catch (error) {
    throw new ImportError(
      { file: file.source.name },
      `the file could not be read as delimited text (${error instanceof Error ? error.message : String(error)})`,
      'Check that it is the export as downloaded, not edited in a spreadsheet and saved in another format.',
    );
  }
  return name;
}

/** Drops the table made by `readCsvTable`. */
export function dropCsvTable({ db, fileId }: LoadContext): void {
  db.run(`DROP TABLE IF EXISTS raw_${fileId}`);
}
