import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FORMATS } from '../../lib/formats/index';
import { channelKpis } from '../../lib/report/kpi-files';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('KPI files', () => {
  const kpis = channelKpis('phone');
  const docs = read('docs/kpis.md');

  test.each(kpis.map((kpi) => [kpi.id]))('%s has a docs entry', (id) => {
    expect(docs, `Add a "### ${id}" section to docs/kpis.md`).toContain(`### ${id}\n`);
  });

  test.each(kpis.map((kpi) => [kpi.id]))('%s has an expected value in the Phone fixture', (id) => {
    expect(read('test/report/phone-basic/expected.txt'), `Add "${id}: <value>" to test/report/phone-basic/expected.txt`).toMatch(
      new RegExp(`^${id}: `, 'm'),
    );
  });

  test('identifiers are unique and ordered', () => {
    const ids = kpis.map((kpi) => kpi.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(kpis.map((kpi) => kpi.order)).size).toBe(kpis.length);
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
