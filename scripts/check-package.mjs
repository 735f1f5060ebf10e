// Checks the store packages before upload. The extension zips must hold no source maps, sources,
// tests or test data and no data files but the bundled samples, and their manifests no host
// permissions or remote code. The sources zip must be able to rebuild the extension.
//
// Usage: node scripts/check-package.mjs [ZIP_OR_BUILD_FOLDER...]
// Without arguments it checks the Chrome, Firefox and sources zips that `npm run zip` writes to
// .output/. Exits with status 1 and lists every problem when any package fails.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { checkExtensionFiles, checkSourcesFiles, sampleNamesFrom } from './package-rules.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, '.output');

/** Returns the paths of the zips that `wxt zip` and `wxt zip -b firefox` write with the default name templates. */
function defaultTargets() {
  const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return ['chrome', 'firefox', 'sources'].map((kind) => path.join(OUTPUT, `${name}-${version}-${kind}.zip`));
}

/** Returns every file name in a zip or folder, and the text of `manifest.json` and of the `.html` files. */
function readPackage(target) {
  const texts = new Map();
  const wantsText = (name) => name === 'manifest.json' || name.endsWith('.html');

  if (statSync(target).isDirectory()) {
    const names = listFolder(target);
    for (const name of names.filter(wantsText)) texts.set(name, readFileSync(path.join(target, name), 'utf8'));
    return { names, texts };
  }

  const names = [];
  // Only the manifest and HTML pages are decompressed; the 34 MB wasm is only listed.
  const entries = unzipSync(readFileSync(target), {
    filter(file) {
      if (!file.name.endsWith('/')) names.push(file.name);
      return wantsText(file.name);
    },
  });
  const decoder = new TextDecoder();
  for (const [name, bytes] of Object.entries(entries)) texts.set(name, decoder.decode(bytes));
  return { names, texts };
}

function listFolder(folder, prefix = '') {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFolder(folder, name) : [name];
  });
}

/** Returns the text of every source file of the extension's pages and worker, concatenated. */
function extensionSources() {
  return ['components', 'entrypoints', 'workers']
    .flatMap((folder) => listFolder(path.join(ROOT, folder)).map((name) => path.join(ROOT, folder, name)))
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

function main(argv) {
  const targets = argv.length > 0 ? argv.map((target) => path.resolve(target)) : defaultTargets();
  const sampleNames = sampleNamesFrom(readFileSync(path.join(ROOT, 'components/sample-files.ts'), 'utf8'));
  const bundledNames = sampleNamesFrom(extensionSources());
  let failed = false;

  for (const target of targets) {
    const label = path.relative(ROOT, target);
    if (!existsSync(target)) {
      console.error(`✗ ${label} is missing. Run \`npm run zip\` (or \`npx wxt build\` for a build folder) first.`);
      failed = true;
      continue;
    }
    const { names, texts } = readPackage(target);
    const problems = target.endsWith('-sources.zip')
      ? checkSourcesFiles(names, sampleNames)
      : checkExtensionFiles(names, texts, sampleNames, bundledNames);
    if (problems.length === 0) {
      console.log(`✓ ${label}: ${names.length} files, no problems.`);
    } else {
      failed = true;
      console.error(`✗ ${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
      for (const problem of problems) console.error(`  - ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
