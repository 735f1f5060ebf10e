import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/** Absolute paths of the bundled sample exports (not the usage-events template). */
export function sampleFilePaths(): string[] {
  return readdirSync(SAMPLES)
    .filter((name) => /\.(csv|json|xlsx|zip)$/.test(name) && !name.includes('template'))
    .sort()
    .map((name) => SAMPLES + name);
}
