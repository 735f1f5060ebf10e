import { ImportError } from '../errors';
import type { SniffedFile } from './format';
import { plural } from './json-values';

/** Names listed in full in a note or message; the rest are counted. */
const LISTED_NAMES = 5;

/**
 * Returns the archive's entries that are neither JSON files nor folders, leaving out the `__MACOSX/`
 * copies and `._` files that macOS adds when it re-packs an archive.
 */
export function otherZipEntries(file: SniffedFile): string[] {
  return (file.zipEntryNames ?? []).filter((name) => {
    const fileName = name.split('/').pop() ?? '';
    const lower = name.toLowerCase();
    return fileName !== '' && !lower.endsWith('.json') && !name.split('/').includes('__MACOSX') && !fileName.startsWith('._');
  });
}

/** Lists names, the first few in full, as in `a.csv, b.csv and 3 more`. */
export function listNames(names: readonly string[]): string {
  const listed = names.slice(0, LISTED_NAMES).join(', ');
  return names.length > LISTED_NAMES ? `${listed} and ${names.length - LISTED_NAMES} more` : listed;
}

/**
 * Returns the error for a ZIP archive that no format recognises, or undefined for other files. Only the
 * Team Messaging compliance export is read inside a ZIP, so any other archive must be unzipped first.
 */
export function unreadableZipError(file: SniffedFile): ImportError | undefined {
  if (file.container !== 'zip') return undefined;
  const location = { file: file.source.name };
  const entries = [...Object.keys(file.zipEntries ?? {}), ...otherZipEntries(file)];
  const archives = entries.filter((name) => name.toLowerCase().endsWith('.zip'));

  if (entries.length === 0) {
    return new ImportError(location, 'the ZIP archive contains no files', 'Download the export again and drop the archive as downloaded.');
  }
  if (archives.length > 0) {
    return new ImportError(
      location,
      `the ZIP archive contains another ZIP archive (${listNames(archives)})`,
      'Unzip it first, then drop the inner archive, or the files it contains, here.',
    );
  }
  return new ImportError(
    location,
    `the ZIP archive contains no export that Adoption Lens reads inside a ZIP (it contains ${plural(entries.length, 'file')}: ${listNames(entries)})`,
    'Unzip it and drop the files it contains. Only the Team Messaging compliance export is read as a ZIP archive.',
  );
}
