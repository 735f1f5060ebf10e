import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineKind, EngineRunResult } from './engine-result';

/** Runs `engine-run.mjs` in a fresh Node process, so each run starts with an empty heap and its own peak memory. */
export function runEngineProcess(kind: EngineKind, files: readonly string[]): Promise<EngineRunResult> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine-run.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, kind, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as EngineRunResult);
      } else {
        const reason = signal === null ? `exit status ${code}` : `signal ${signal}`;
        reject(new Error(`The ${kind} engine run failed (${reason}): ${stderr.trim() || 'no error output'}`));
      }
    });
  });
}
