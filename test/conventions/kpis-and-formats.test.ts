import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FORMATS } from '../../lib/formats/index';
import type { Channel } from '../../lib/engine/types';
import { channelKpis } from '../../lib/report/kpi-files';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const CHANNELS: Channel[] = ['phone', 'video', 'message'];

describe.each(CHANNELS)('%s KPI files', (channel) => {
  const kpis = channelKpis(channel);
  const docs = read('docs/kpis.md');
  const fixture = `test/report/${channel}-basic/expected.txt`;

  test.each(kpis.map((kpi) => [kpi.id]))('%s has a docs entry', (id) => {
    expect(docs, `Add a "### ${id}" section to docs/kpis.md`).toContain(`### ${id}\n`);
  });

  test.each(kpis.map((kpi) => [kpi.id]))('%s has an expected value in the fixture', (id) => {
    expect(read(fixture), `Add "${id}: <value>" to ${fixture}`).toMatch(new RegExp(`^${id}: `, 'm'));
  });

  test('identifiers are unique and ordered', () => {
    const ids = kpis.map((kpi) => kpi.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(kpis.map((kpi) => kpi.order)).size).toBe(kpis.length);
  });
});

describe('downloads KPI files', () => {
  const ids = new Set(CHANNELS.flatMap((channel) => channelKpis(channel).map((kpi) => kpi.id)));
  const files = readdirSync(new URL('lib/report/downloads/kpis/', root)).map((name) => name.replace(/\.sql$/, ''));

  test.each(files.map((id) => [id]))('%s names a KPI', (id) => {
    expect(ids, `Name lib/report/downloads/kpis/${id}.sql after a KPI of lib/report/kpis/`).toContain(id);
  });
});

describe('format files', () => {
  const formatFiles = readdirSync(new URL('lib/formats/', root)).filter((name) => name.endsWith('.ts'));
  const docs = read('docs/formats.md');

  test.each(FORMATS.map((format) => [format.id]))('%s lives in its own file with tests and docs', (id) => {
    expect(formatFiles, `Name the format's file lib/formats/${id}.ts`).toContain(`${id}.ts`);
    expect(existsSync(new URL(`test/formats/${id}.test.ts`, root)), `Add test/formats/${id}.test.ts`).toBe(true);
    expect(docs, `Add a "### ${id}" section to docs/formats.md`).toContain(`### ${id}\n`);
  });
});
