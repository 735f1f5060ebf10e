import { beforeEach, describe, expect, test } from 'vitest';
import { loadThenSaveMapping } from '../../components/mapping-save';
import { loadColumnMappings, saveColumnMapping } from '../../components/settings-store';
import type { LoadOutcome } from '../../lib/engine/api';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';
import { createEngine } from '../../lib/engine/engine';
import { bytesSource } from '../../lib/engine/source';
import type { ColumnMapping } from '../../lib/engine/types';
import { fromPlainError, MappedFileError } from '../../lib/errors';
import { memoryArea } from '../support/memory-storage';

interface TextFile {
  name: string;
  text: string;
}

const HEADER = ['Person', 'When', 'Client', 'Build', 'Kind'];

/** App usage of another vendor's meeting client: no format recognises it. */
function appUsage(name: string, kind: string): TextFile {
  const rows = [
    `avery.stone@example.com,2026-05-05 09:10,Zoomy Desktop,6.1.2,${kind}`,
    `blake.ortiz@example.com,2026-05-05 09:10,Zoomy Mobile,6.0.9,${kind}`,
    `casey.lin@example.com,2026-05-05 09:10,Zoomy Web,6.1.0,${kind}`,
    `drew.park@example.com,2026-05-05 09:10,Zoomy Desktop,6.1.2,${kind}`,
  ];
  return { name, text: [HEADER.join(','), ...rows].join('\n') };
}

/** Reads the time and the e-mail from "Person", so the first row's time is invalid. */
const TIME_FROM_PERSON: ColumnMapping = {
  header: HEADER,
  columns: { time: 'Person', user_email: 'Person', endpoint: 'Client' },
  channel: 'video',
  savedOn: '2026-05-05',
};

const CORRECT: ColumnMapping = {
  header: HEADER,
  columns: { channel: 'Kind', time: 'When', user_email: 'Person', endpoint: 'Client', version: 'Build' },
  savedOn: '2026-05-05',
};

let engine: ReturnType<typeof createEngine<TextFile>>;

beforeEach(() => {
  engine = createEngine<TextFile>({
    database: openNodeDatabase(),
    toSource: (file) => bytesSource(file.name, new TextEncoder().encode(file.text)),
    productVersion: 'test',
  });
});

function mappedFailure(outcome: LoadOutcome | undefined): MappedFileError {
  if (outcome === undefined || outcome.ok) throw new Error('the load did not fail');
  const error = fromPlainError(outcome.error);
  if (!(error instanceof MappedFileError)) throw new Error(`expected a MappedFileError, got ${error.name}: ${error.message}`);
  return error;
}

describe('loadThenSaveMapping', () => {
  test('failed load saves nothing', async () => {
    const area = memoryArea();
    const file = appUsage('app-usage-1.csv', 'video');

    const outcomes = await loadThenSaveMapping({
      mapping: TIME_FROM_PERSON,
      load: (given) => engine.loadFiles({ files: [file], mappings: [given] }),
      save: (mapping) => saveColumnMapping(mapping, area),
    });

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false]);
    expect(await loadColumnMappings(area)).toEqual([]);
  });

  test('wrong channel column saves nothing', async () => {
    const area = memoryArea();
    const file = appUsage('app-usage-2.csv', 'Meeting');
    const { savedOn: _savedOn, channel: _channel, ...rest } = CORRECT;

    const outcomes = await loadThenSaveMapping({
      mapping: { ...rest, savedOn: '2026-05-05' },
      load: (given) => engine.loadFiles({ files: [file], mappings: [given] }),
      save: (mapping) => saveColumnMapping(mapping, area),
    });

    const error = mappedFailure(outcomes[0]);
    expect(error.location.column).toBe('Kind');
    expect(error.location.value).toBe('Meeting');
    expect(await loadColumnMappings(area)).toEqual([]);
  });

  test('successful load saves the mapping', async () => {
    const area = memoryArea();

    const outcomes = await loadThenSaveMapping({
      mapping: CORRECT,
      load: (given) => engine.loadFiles({ files: [appUsage('app-usage-1.csv', 'video')], mappings: [given] }),
      save: (mapping) => saveColumnMapping(mapping, area),
    });

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true]);
    expect(await loadColumnMappings(area)).toEqual([CORRECT]);
  });

  test('one loaded file of several saves', async () => {
    const area = memoryArea();
    const files = [appUsage('app-usage-1.csv', 'video'), appUsage('app-usage-2.csv', 'Meeting')];

    const outcomes = await loadThenSaveMapping({
      mapping: CORRECT,
      load: (given) => engine.loadFiles({ files, mappings: [given] }),
      save: (mapping) => saveColumnMapping(mapping, area),
    });

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
    expect(await loadColumnMappings(area)).toEqual([CORRECT]);
  });

  test('load gets the mapping without its date', async () => {
    const given: ColumnMapping[] = [];

    await loadThenSaveMapping({
      mapping: CORRECT,
      load: async (mapping) => {
        given.push(mapping);
        return [];
      },
      save: async () => {},
    });

    expect(given).toHaveLength(1);
    expect(given[0]).not.toHaveProperty('savedOn');
    expect(given[0]).toEqual({ header: CORRECT.header, columns: CORRECT.columns });
  });
});

describe('mapped file error', () => {
  test('new mapping error names the column fields', async () => {
    const { savedOn: _savedOn, ...given } = TIME_FROM_PERSON;

    const [outcome] = await engine.loadFiles({ files: [appUsage('app-usage-1.csv', 'video')], mappings: [given] });

    const error = mappedFailure(outcome);
    expect(error.message).toMatch(/^app-usage-1\.csv, line 2, column "Person": the time could not be read \(value "avery\.stone@example\.com"\)\./);
    expect(error.message).toContain('The file was read with the column mapping given for this load.');
    expect(error.message).toContain('It reads time and user_email from the column "Person".');
    expect(error.message).toContain('correct the column mapping');
    expect(error.mapping).toEqual(given);
    expect(error.table.columns).toEqual(HEADER);
    expect(error.table.samples[0]).toEqual(['avery.stone@example.com', '2026-05-05 09:10', 'Zoomy Desktop', '6.1.2', 'video']);
  });

  test('saved mapping error names it and Settings', async () => {
    const [outcome] = await engine.loadFiles({ files: [appUsage('app-usage-3.csv', 'video')], mappings: [TIME_FROM_PERSON] });

    const error = mappedFailure(outcome);
    expect(error.message).toContain(
      'The file was read with the column mapping saved on 2026-05-05 for the columns Person, When, Client, Build, Kind.',
    );
    expect(error.message).toContain('correct the mapping in the workspace, or forget it in Settings → Saved column mappings.');
    expect(error.mapping).toEqual(TIME_FROM_PERSON);
  });
});
