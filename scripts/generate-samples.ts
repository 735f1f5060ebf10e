/**
 * Writes the sample exports into `samples/` below the current directory (`npm run samples` runs from
 * the repository root), or into the directory given as the first argument. A workbook whose content is
 * unchanged is left alone, because exceljs gives it new zip timestamps on every run.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSamples } from '../lib/samples/index';
import { describeWorkbook } from '../lib/samples/workbook-content';

async function isUnchanged(filePath: string, bytes: Uint8Array): Promise<boolean> {
  if (!existsSync(filePath)) return false;
  const existing = new Uint8Array(await readFile(filePath));
  if (Buffer.compare(existing, bytes) === 0) return true;
  if (!filePath.endsWith('.xlsx')) return false;
  return (await describeWorkbook(existing)) === (await describeWorkbook(bytes));
}

async function main(): Promise<void> {
  const directory = path.resolve(process.argv[2] ?? 'samples');
  for (const file of await generateSamples()) {
    const filePath = path.join(directory, ...file.name.split('/'));
    if (await isUnchanged(filePath, file.bytes)) {
      console.log(`unchanged ${filePath}`);
      continue;
    }
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, file.bytes);
    console.log(`wrote ${filePath} (${file.bytes.byteLength} bytes)`);
  }
}

main().catch((error: unknown) => {
  console.error('generate-samples failed:', error);
  process.exitCode = 1;
});
