import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  type Manifest,
  checkCsp,
  checkExtensionFiles,
  checkManifest,
  checkSourcesFiles,
  sampleNamesFrom,
} from '../../scripts/package-rules.mjs';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self' blob:";

const MV3: Manifest = {
  manifest_version: 3,
  name: 'Adoption Lens',
  permissions: ['storage'],
  content_security_policy: { extension_pages: POLICY },
};
const MV2: Manifest = { manifest_version: 2, name: 'Adoption Lens', permissions: ['storage'], content_security_policy: POLICY };

const SAMPLES = ['call-log-detailed.csv', 'users-list.xlsx'];
const BUILD = ['manifest.json', 'options.html', 'assets/engine.worker-B6SAeQXN.js', 'assets/duckdb-eh-9ubY-jlA.wasm'];
const SAMPLE_ASSETS = ['assets/call-log-detailed-DyCPpWRx.csv', 'assets/users-list-CWjfFSv7.xlsx'];
const PAGE = '<!doctype html><script type="module" src="/chunks/options-Bsto6Qsy.js"></script>';

function texts(manifest: Manifest = MV3, page = PAGE): Map<string, string> {
  return new Map([
    ['manifest.json', JSON.stringify(manifest)],
    ['options.html', page],
  ]);
}

describe('checkManifest', () => {
  test('manifest of this extension passes', () => {
    expect(checkManifest(MV3)).toEqual([]);
    expect(checkManifest(MV2)).toEqual([]);
  });

  test.each<[string, Manifest, RegExp]>([
    ['MV2 host permission', { ...MV2, permissions: ['storage', 'https://*/*'] }, /host permission "https:\/\/\*\/\*"/],
    ['MV2 all URLs', { ...MV2, permissions: ['<all_urls>'] }, /host permission "<all_urls>"/],
    ['MV3 host_permissions', { ...MV3, host_permissions: ['<all_urls>'] }, /has host_permissions/],
    ['optional host permissions', { ...MV3, optional_host_permissions: ['*://*/*'] }, /optional_host_permissions/],
    ['extra API permission', { ...MV3, permissions: ['storage', 'downloads'] }, /permission "downloads"/],
    ['content scripts', { ...MV3, content_scripts: [{ matches: ['<all_urls>'], js: ['a.js'] }] }, /content_scripts/],
    ['web accessible files', { ...MV3, web_accessible_resources: [{ resources: ['*'], matches: ['<all_urls>'] }] }, /web_accessible_resources/],
    ['external messaging', { ...MV3, externally_connectable: { matches: ['https://example.com/*'] } }, /externally_connectable/],
    ['MV3 without CSP', { ...MV3, content_security_policy: undefined }, /no content_security_policy.extension_pages/],
    ['MV2 without CSP', { ...MV2, content_security_policy: undefined }, /no content_security_policy string/],
    ['MV3 sandbox CSP', { ...MV3, content_security_policy: { extension_pages: POLICY, sandbox: "script-src 'self'" } }, /sandbox/],
  ])('manifest with %s fails', (_case, manifest, problem) => {
    const problems = checkManifest(manifest);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});

describe('checkCsp', () => {
  test('policy of this extension passes', () => {
    expect(checkCsp(POLICY)).toEqual([]);
  });

  test('narrowing directives pass', () => {
    expect(checkCsp(`${POLICY}; frame-src 'none'`)).toEqual([]);
  });

  test.each<[string, string, RegExp]>([
    ['unsafe-eval', POLICY.replace("'wasm-unsafe-eval'", "'unsafe-eval'"), /"script-src 'self' 'unsafe-eval'"/],
    ['remote script', POLICY.replace("script-src 'self'", "script-src 'self' https://cdn.example.com"), /script-src/],
    ['open connect-src', POLICY.replace("connect-src 'self'", 'connect-src *'), /"connect-src \*"/],
    ['DuckDB extension host', POLICY.replace("connect-src 'self'", "connect-src 'self' https://extensions.duckdb.org"), /connect-src/],
    ['missing connect-src', POLICY.replace("connect-src 'self'; ", ''), /no connect-src directive/],
    ['missing worker-src', POLICY.replace("; worker-src 'self'", ''), /no worker-src directive/],
    ['missing default-src', POLICY.replace("default-src 'self'; ", ''), /no default-src directive/],
    ['data images', POLICY.replace("img-src 'self' blob:", "img-src 'self' blob: data:"), /"img-src 'self' blob: data:"/],
  ])('policy with %s fails', (_case, policy, problem) => {
    const problems = checkCsp(policy);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});

describe('checkExtensionFiles', () => {
  test('build with the samples passes', () => {
    expect(checkExtensionFiles([...BUILD, ...SAMPLE_ASSETS], texts(), SAMPLES)).toEqual([]);
  });

  test.each<[string, string, RegExp]>([
    ['source map', 'assets/engine.worker-B6SAeQXN.js.map', /source map/],
    ['dependency map', 'assets/duckdb-browser-eh.worker.js.map', /source map/],
    ['test file', 'test/report/phone-basic/users.csv', /test or dependency folder/],
    ['e2e file', 'e2e/extension.js', /test or dependency folder/],
    ['TypeScript source', 'components/Workspace.tsx', /source file/],
    ['SQL source', 'lib/report/kpis/phone/active-users.sql', /source file/],
    ['other sample', 'assets/users-list-Ab12Cd34.csv', /data file that the extension's code does not import from samples\//],
    ['unhashed data file', 'phone-facts.json', /data file/],
  ])('build with a %s fails', (_case, extra, problem) => {
    const problems = checkExtensionFiles([...BUILD, ...SAMPLE_ASSETS, extra], texts(), SAMPLES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  test('build without a sample fails', () => {
    const problems = checkExtensionFiles([...BUILD, 'assets/users-list-CWjfFSv7.xlsx'], texts(), SAMPLES);
    expect(problems).toEqual(['The sample call-log-detailed.csv is missing, so "Try the sample data" would fail.']);
  });

  test('bundled template passes', () => {
    const names = [...BUILD, ...SAMPLE_ASSETS, 'assets/usage-events-template-DIRj2MnD.csv'];
    expect(checkExtensionFiles(names, texts(), SAMPLES, [...SAMPLES, 'usage-events-template.csv'])).toEqual([]);
    expect(checkExtensionFiles(names, texts(), SAMPLES)).toHaveLength(1);
  });

  test('hash containing a hyphen is recognised', () => {
    const names = [...BUILD, 'assets/call-log-detailed-BVdpr-rL.csv', 'assets/users-list--abcdefg.xlsx'];
    expect(checkExtensionFiles(names, texts(), SAMPLES)).toEqual([]);
  });

  test('build with a host permission fails', () => {
    const problems = checkExtensionFiles([...BUILD, ...SAMPLE_ASSETS], texts({ ...MV3, host_permissions: ['<all_urls>'] }), SAMPLES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/host_permissions/);
  });

  test.each([
    ['remote script', '<script src="https://cdn.example.com/x.js"></script>'],
    ['protocol-relative script', "<script src='//cdn.example.com/x.js'></script>"],
    ['remote stylesheet', '<link rel="stylesheet" href="http://example.com/a.css">'],
  ])('page with a %s fails', (_case, page) => {
    expect(checkExtensionFiles([...BUILD, ...SAMPLE_ASSETS], texts(MV3, page), SAMPLES)).toEqual([
      'options.html loads a file from another origin.',
    ]);
  });

  test('build without manifest fails', () => {
    const problems = checkExtensionFiles(SAMPLE_ASSETS, new Map(), SAMPLES);
    expect(problems).toEqual(['manifest.json is missing.']);
  });
});

describe('checkSourcesFiles', () => {
  const SOURCES = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'components/Workspace.tsx'];
  const SAMPLE_SOURCES = SAMPLES.map((sample) => `samples/${sample}`);

  test('complete sources pass', () => {
    expect(checkSourcesFiles([...SOURCES, ...SAMPLE_SOURCES], SAMPLES)).toEqual([]);
  });

  test.each([
    ['test data', 'test/report/phone-basic/users.csv'],
    ['e2e test', 'e2e/privacy.e2e.ts'],
    ['dependency', 'node_modules/exceljs/package.json'],
    ['build output', '.output/chrome-mv3/manifest.json'],
    ['report', 'reports/Phone_Adoption_and_Usage_2025-01-01_to_2025-01-31.xlsx'],
    ['source map', 'lib/engine/engine.js.map'],
  ])('sources with %s fail', (_case, extra) => {
    const problems = checkSourcesFiles([...SOURCES, ...SAMPLE_SOURCES, extra], SAMPLES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(extra);
  });

  test('sources without lockfile or sample fail', () => {
    const problems = checkSourcesFiles(
      SOURCES.filter((name) => name !== 'package-lock.json'),
      SAMPLES,
    );
    expect(problems).toEqual([
      'package-lock.json is missing, so the extension cannot be rebuilt from these sources.',
      'samples/call-log-detailed.csv is missing, so the extension cannot be rebuilt from these sources.',
      'samples/users-list.xlsx is missing, so the extension cannot be rebuilt from these sources.',
    ]);
  });
});

describe('sampleNamesFrom', () => {
  test('glob paths become sorted unique names', () => {
    const source = `const SAMPLE_URLS = import.meta.glob(['../samples/b.json', '../samples/a.csv'], {});
      const url = SAMPLE_URLS[\`../samples/\${name}\`]; const again = '../samples/a.csv';`;
    expect(sampleNamesFrom(source)).toEqual(['a.csv', 'b.json']);
  });

  test('import query is dropped', () => {
    const source = "import templateUrl from '../samples/usage-events-template.csv?url&no-inline';";
    expect(sampleNamesFrom(source)).toEqual(['usage-events-template.csv']);
  });

  test('sample-files.ts names the users list', () => {
    const source = readFileSync(new URL('../../components/sample-files.ts', import.meta.url), 'utf8');
    expect(sampleNamesFrom(source)).toContain('users-list.xlsx');
  });
});
