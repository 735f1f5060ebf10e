import type { ColumnMapping } from '../lib/engine/types';

interface MappingLoad<Outcome extends { ok: boolean }> {
  /** The mapping made in the form, with the day to save it on. */
  mapping: ColumnMapping;
  /** Loads the files with `given`, which is `mapping` without its saved date, and returns their outcomes. */
  load(given: ColumnMapping): Promise<Outcome[]>;
  save(mapping: ColumnMapping): Promise<void>;
}

/**
 * Loads files with a new column mapping and saves the mapping only when at least one file loaded. A
 * mapping that fails on every file would otherwise read the next file with the same header without
 * showing the form, into the same error. Returns the outcomes, and a rejection of `save` propagates.
 */
export async function loadThenSaveMapping<Outcome extends { ok: boolean }>({ mapping, load, save }: MappingLoad<Outcome>): Promise<Outcome[]> {
  // Without `savedOn`, the engine's notes and errors call it the mapping given for this load.
  const { savedOn: _savedOn, ...given } = mapping;
  const outcomes = await load(given);
  if (outcomes.some((outcome) => outcome.ok)) await save(mapping);
  return outcomes;
}
