import { USAGE_FIELDS, type ColumnMapping, type UsageField } from '../engine/types';
import { ImportError, MappedFileError, UnrecognisedFileError, type UnrecognisedTable } from '../errors';
import type { Format, SniffedFile } from './format';
import { fieldsOfColumn, mappingFits, mappingProblems } from './mapping-rules';
import { loadUsageColumns, usageEventsCsv } from './usage-events-csv';

/**
 * Column mappings: how a delimited file or worksheet that no format recognises is read as usage events,
 * with the usage-events format's SQL, rules and error messages (see `loadUsageColumns`).
 */

/**
 * Returns the format that loads a file with `mapping`: usage events, labelled as mapped by hand.
 * Throws an `ImportError` naming the file when the mapping breaks a rule of `mappingProblems`.
 */
export function mappedFormat(fileName: string, mapping: ColumnMapping): Format {
  const problems = mappingProblems(mapping);
  if (problems.length > 0) {
    throw new ImportError({ file: fileName }, 'the column mapping is invalid', problems.join(' '));
  }
  return {
    ...usageEventsCsv,
    label: 'Usage events (CSV), columns mapped by hand',
    recognise: (file) => file.table !== undefined && mappingFits(mapping, file.table.columns),
    load(context) {
      try {
        const result = loadUsageColumns(context, mapping.columns, mapping.channel);
        return { ...result, notes: [mappingNote(mapping), ...result.notes] };
      } catch (error) {
        const table = context.file.table;
        if (!(error instanceof ImportError) || table === undefined) throw error;
        throw mappedFileError(error, mapping, { columns: table.columns, samples: table.samples ?? [] });
      }
    },
  };
}

/**
 * Turns the error of a file read with `mapping` into a `MappedFileError`, whose message adds which
 * mapping was used, which fields it reads from the failing column, and where to change it.
 */
export function mappedFileError(error: ImportError, mapping: ColumnMapping, table: UnrecognisedTable): MappedFileError {
  const column = error.location.column;
  const fields = column === undefined ? [] : fieldsOfColumn(mapping, column);
  const reads = fields.length === 0 ? '' : ` It reads ${fields.join(' and ')} from the column "${column}".`;
  const remedy =
    mapping.savedOn === undefined
      ? 'If a column was chosen for the wrong field, correct the column mapping.'
      : 'If a column was chosen for the wrong field, correct the mapping in the workspace, or forget it in Settings → Saved column mappings.';
  const which =
    mapping.savedOn === undefined
      ? 'the column mapping given for this load'
      : `the column mapping saved on ${mapping.savedOn} for the columns ${mapping.header.join(', ')}`;
  return new MappedFileError(error.location, `${error.message} The file was read with ${which}.${reads} ${remedy}`, table, mapping);
}

/** Builds the import summary's note on the mapping that read the file, naming each field's column. */
export function mappingNote(mapping: ColumnMapping): string {
  const pairs = USAGE_FIELDS.flatMap((field: UsageField) => {
    const column = mapping.columns[field];
    return column === undefined ? [] : [`${field} from "${column}"`];
  });
  if (mapping.columns.channel === undefined && mapping.channel !== undefined) pairs.unshift(`channel ${mapping.channel} on every row`);
  const which = mapping.savedOn === undefined ? 'the column mapping given for this load' : `the column mapping saved on ${mapping.savedOn} for this header`;
  return `Read as usage events with ${which}: ${pairs.join(', ')}.`;
}

/**
 * Builds the error for a file that no format recognises. A file with a header row gets an
 * `UnrecognisedFileError`, which carries the header so the columns can be mapped by hand.
 */
export function unrecognisedFileError(file: SniffedFile, formats: readonly Format[]): ImportError {
  const problem = 'the file is not an export Adoption Lens recognises';
  const known = `It reads: ${formats.map((format) => format.label).join(', ')}.`;
  const table = file.table;
  if (table === undefined || (file.container !== 'csv' && file.container !== 'xlsx')) {
    return new ImportError(
      { file: file.source.name },
      problem,
      `${known} Check that you dropped the export as downloaded, or convert other data to the usage-events format.`,
    );
  }
  return new UnrecognisedFileError(
    file.source.name,
    { columns: table.columns, samples: table.samples ?? [] },
    problem,
    `${known} If it has one row per use, map its columns to the usage-events fields: in the workspace, ` +
      'fill in the form shown for this file; on the command line, pass --map FIELD=COLUMN or --columns FILE.json.',
  );
}
