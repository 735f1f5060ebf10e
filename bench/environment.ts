import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

/** The machine and software a benchmark ran on. */
export interface Environment {
  date: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  /** /proc/loadavg's 1-minute load at the start and at the end of the run. */
  loadStart: number;
  loadEnd?: number;
  node: string;
  chromium: string;
  packages: Record<string, string>;
  /** Commit of the working tree, with `+ uncommitted changes` when it differs from it. */
  commit: string;
}

const PACKAGES = ['@duckdb/duckdb-wasm', '@duckdb/node-api', 'exceljs', 'playwright-core', 'wxt'];
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function readEnvironment(): Environment {
  // Read by path, because some packages (duckdb-wasm) do not export their package.json.
  const packages = Object.fromEntries(
    PACKAGES.map((name) => [name, (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version]),
  );
  const cpuModel = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpuModel,
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadStart: loadAverage(),
    node: process.version,
    chromium: execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    packages,
    commit: gitCommit(),
  };
}

export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function gitCommit(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
  return changes === '' ? commit : `${commit} + uncommitted changes`;
}
