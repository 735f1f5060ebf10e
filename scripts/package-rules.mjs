// Rules that the store packages and built manifests must meet for the privacy promise. The manifest
// has no host permissions and no remote code, and its CSP allows only the extension's own files and
// its WebAssembly. What users install has no source maps, sources, tests or test data. Each function
// returns a list of problems, one sentence each, and an empty list when the input passes.

/** The only API permission the extension requests: `storage`, for settings and the last report's KPIs. */
export const ALLOWED_PERMISSIONS = ['storage'];

/**
 * The directives the extension pages' CSP must carry, with exactly these sources. `'wasm-unsafe-eval'`
 * lets DuckDB compile its bundled WebAssembly, and `connect-src 'self'` blocks every request to another
 * origin. `img-src blob:` lets the page turn its charts into PNG images for the workbooks.
 */
export const REQUIRED_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'object-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
};

/** Manifest keys that would let web pages or other extensions reach into the extension or read its files. */
const FORBIDDEN_MANIFEST_KEYS = [
  'host_permissions',
  'optional_host_permissions',
  'optional_permissions',
  'content_scripts',
  'externally_connectable',
  'web_accessible_resources',
];

/** Returns the problems of a parsed `manifest.json` (Manifest V2 or V3). */
export function checkManifest(manifest) {
  const problems = [];

  for (const permission of manifest.permissions ?? []) {
    if (ALLOWED_PERMISSIONS.includes(permission)) continue;
    const kind = isHostPattern(permission) ? 'host permission' : 'permission';
    problems.push(`manifest.json requests the ${kind} ${JSON.stringify(permission)}; only ${ALLOWED_PERMISSIONS.join(', ')} is allowed.`);
  }
  for (const key of FORBIDDEN_MANIFEST_KEYS) {
    const value = manifest[key];
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) problems.push(`manifest.json has ${key} (${JSON.stringify(value)}); remove it.`);
  }

  problems.push(...checkManifestCsp(manifest));
  return problems;
}

function checkManifestCsp(manifest) {
  const csp = manifest.content_security_policy;
  if (manifest.manifest_version === 2) {
    if (typeof csp !== 'string') return ['manifest.json has no content_security_policy string (Manifest V2).'];
    return checkCsp(csp);
  }
  if (typeof csp !== 'object' || csp === null || typeof csp.extension_pages !== 'string') {
    return ['manifest.json has no content_security_policy.extension_pages (Manifest V3).'];
  }
  const others = Object.keys(csp).filter((key) => key !== 'extension_pages');
  const problems = others.map((key) => `manifest.json sets content_security_policy.${key}; only extension_pages is expected.`);
  return [...problems, ...checkCsp(csp.extension_pages)];
}

/**
 * Returns the problems of a CSP string. The directives of `REQUIRED_CSP` must have exactly its sources;
 * any other directive may only narrow the policy, with `'self'` or `'none'`.
 */
export function checkCsp(policy) {
  const problems = [];
  const directives = parseCsp(policy);

  for (const [name, expected] of Object.entries(REQUIRED_CSP)) {
    const sources = directives.get(name);
    if (sources === undefined) {
      problems.push(`The CSP has no ${name} directive; expected "${name} ${expected.join(' ')}".`);
    } else if (!sameSet(sources, expected)) {
      problems.push(`The CSP has "${name} ${sources.join(' ')}"; expected "${name} ${expected.join(' ')}".`);
    }
  }
  for (const [name, sources] of directives) {
    if (name in REQUIRED_CSP) continue;
    const loose = sources.filter((source) => source !== "'self'" && source !== "'none'");
    if (loose.length > 0) problems.push(`The CSP directive ${name} allows ${loose.join(' ')}; only 'self' or 'none' is allowed.`);
  }
  return problems;
}

/** Splits a CSP string into directive name → source list, names in lower case. */
export function parseCsp(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name !== undefined) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Returns the names of the files under `samples/` that a source file refers to as `'../samples/<name>'`,
 * with or without a Vite query such as `?url`, sorted and without repeats.
 */
export function sampleNamesFrom(source) {
  const names = [...source.matchAll(/'\.\.\/samples\/([^'/?]+)(?:\?[^']*)?'/g)].map((match) => match[1]);
  return [...new Set(names)].sort();
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|jsx|sql|vue|svelte)$/;
const TEST_FOLDER = /(^|\/)(test|tests|e2e|__tests__|node_modules)\//;
/** Files that carry data rather than code: in the extension they may only be the bundled samples. */
const DATA_FILE = /\.(csv|tsv|txt|json|xlsx|xls|xml|zip|parquet)$/;
/** A script or stylesheet loaded from another origin. */
const REMOTE_REFERENCE = /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i;

/**
 * Returns the problems of the file list of an extension package (a store zip or a build folder).
 * `texts` maps file names to the text of `manifest.json` and of every `.html` file. `sampleNames` are
 * the samples the "Try the sample data" button loads, which must all be present. `bundledNames` are
 * every file under `samples/` that the extension's code imports, the only data files allowed.
 */
export function checkExtensionFiles(names, texts, sampleNames, bundledNames = sampleNames) {
  const problems = [];

  for (const name of names) {
    if (name.endsWith('.map')) problems.push(`${name} is a source map; exclude **/*.map from the zip.`);
    else if (TEST_FOLDER.test(name)) problems.push(`${name} is from a test or dependency folder.`);
    else if (SOURCE_FILE.test(name)) problems.push(`${name} is a source file, not built output.`);
    else if (isDataFile(name) && sampleOf(name, bundledNames) === null) {
      problems.push(`${name} is a data file that the extension's code does not import from samples/ (it imports ${bundledNames.join(', ')}).`);
    }
  }

  const bundledSamples = new Set(names.filter(isDataFile).map((name) => sampleOf(name, sampleNames)));
  for (const sample of sampleNames) {
    if (!bundledSamples.has(sample)) problems.push(`The sample ${sample} is missing, so "Try the sample data" would fail.`);
  }

  const manifestText = texts.get('manifest.json');
  if (manifestText === undefined) problems.push('manifest.json is missing.');
  else problems.push(...checkManifest(JSON.parse(manifestText)));

  for (const [name, text] of texts) {
    if (name.endsWith('.html') && REMOTE_REFERENCE.test(text)) problems.push(`${name} loads a file from another origin.`);
  }
  return problems;
}

/** Files a reviewer needs to rebuild the extension from the sources zip. */
const REQUIRED_SOURCES = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'];
const EXCLUDED_SOURCE_FOLDER = /^(node_modules|\.output|reports|test|e2e)\//;

/** Returns the problems of the file list of the sources zip that addons.mozilla.org reviewers rebuild from. */
export function checkSourcesFiles(names, sampleNames) {
  const problems = [];
  for (const name of names) {
    if (name.endsWith('.map')) problems.push(`${name} is a source map.`);
    else if (EXCLUDED_SOURCE_FOLDER.test(name)) problems.push(`${name} is in a folder the sources zip must leave out.`);
  }
  const present = new Set(names);
  for (const name of [...REQUIRED_SOURCES, ...sampleNames.map((sample) => `samples/${sample}`)]) {
    if (!present.has(name)) problems.push(`${name} is missing, so the extension cannot be rebuilt from these sources.`);
  }
  return problems;
}

function isDataFile(name) {
  return DATA_FILE.test(name) && name !== 'manifest.json' && !/^_locales\/[^/]+\/messages\.json$/.test(name);
}

/** Returns the sample a packaged file is, with or without Vite's hash (`assets/users-list-CWjfFSv7.xlsx`), or null. */
function sampleOf(path, sampleNames) {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return sampleNames.find((sample) => base === sample || hashedNamePattern(sample).test(base)) ?? null;
}

/** Vite's asset name for a file: `<stem>-<8-character content hash><extension>`. */
function hashedNamePattern(fileName) {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : '';
  return new RegExp(`^${escapeRegExp(stem)}-[A-Za-z0-9_-]{8}${escapeRegExp(extension)}$`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isHostPattern(permission) {
  return permission === '<all_urls>' || permission.includes('://') || permission.startsWith('*');
}

function sameSet(actual, expected) {
  return actual.length === expected.length && expected.every((source) => actual.includes(source));
}
