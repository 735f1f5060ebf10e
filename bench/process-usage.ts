import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident memory of a group of processes over a sampling period. */
export interface MemoryPeak {
  /** Largest sum of the group's resident set sizes (RSS) seen in one sample, in bytes. Shared pages count once per process. */
  sumBytes: number;
  /**
   * Largest sum of the group's proportional set sizes (PSS) seen in one sample, in bytes: shared pages
   * are split between their processes. Sampled every `PSS_EVERY` samples, because reading PSS is slow.
   */
  pssBytes: number;
  /** Largest RSS of any single process of the group, in bytes. */
  largestBytes: number;
  /** Most processes of the group seen in one sample. */
  processes: number;
  samples: number;
  /** Time the sampling itself took on the benchmark's main thread, in milliseconds. */
  samplingMs: number;
}

/** Linux's page size for /proc/<pid>/statm (`getconf PAGESIZE`, 4096 on x86-64). */
const PAGE_BYTES = 4096;
/** Linux's clock ticks per second for the CPU times in /proc/<pid>/stat (`getconf CLK_TCK`, 100 on x86-64). */
const CLOCK_TICKS_PER_SECOND = 100;
/**
 * Samples between two PSS readings. /proc/<pid>/smaps_rollup walks the process's page tables: reading
 * it in every sample took about 75 ms per sample (11 Chromium processes, 1.6 GB RSS in all) on the
 * benchmark machine, against about 6 ms with PSS in one sample of ten.
 */
const PSS_EVERY = 10;

/**
 * Samples, every `intervalMs`, the RSS (and every `PSS_EVERY` samples the PSS) of this process's
 * descendants whose command name matches `name`, and keeps the peaks until `stop`. Chromium's browser,
 * zygote, renderer, GPU and utility processes are all named `chromium` on Debian. Reads Linux's /proc.
 */
export function watchDescendantMemory(name: RegExp, intervalMs = 100): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { sumBytes: 0, pssBytes: 0, largestBytes: 0, processes: 0, samples: 0, samplingMs: 0 };
  const sample = () => {
    const started = performance.now();
    const readPss = peak.samples % PSS_EVERY === 0;
    let sum = 0;
    let pss = 0;
    let count = 0;
    for (const { pid } of descendants(process.pid).filter((process) => name.test(process.command))) {
      const statm = readProc(pid, 'statm');
      if (statm === null) continue;
      const rss = Number(statm.split(' ')[1]) * PAGE_BYTES;
      sum += rss;
      count += 1;
      peak.largestBytes = Math.max(peak.largestBytes, rss);
      if (readPss) pss += Number(/^Pss:\s+(\d+) kB$/m.exec(readProc(pid, 'smaps_rollup') ?? '')?.[1] ?? 0) * 1024;
    }
    peak.sumBytes = Math.max(peak.sumBytes, sum);
    peak.pssBytes = Math.max(peak.pssBytes, pss);
    peak.processes = Math.max(peak.processes, count);
    peak.samples += 1;
    peak.samplingMs += performance.now() - started;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}

/**
 * Returns the CPU time (user plus system) used so far by this process's descendants whose command
 * name matches `name`, in milliseconds. Time of processes that already ended is not included.
 */
export function descendantCpuMs(name: RegExp): number {
  let ticks = 0;
  for (const { command, fields } of descendants(process.pid)) {
    // utime and stime are the 12th and 13th fields after the command name.
    if (name.test(command)) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

interface ProcessStat {
  pid: number;
  /** The command name, at most 15 characters. */
  command: string;
  /** The fields of /proc/<pid>/stat after the command name: state, parent id, ... */
  fields: string[];
}

/** Returns every process below `root` in the parent-child tree, with its /proc/<pid>/stat fields. */
function descendants(root: number): ProcessStat[] {
  const children = new Map<number, ProcessStat[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    if (stat === null) continue;
    // The command name in brackets may contain spaces, so the fields are counted after its closing bracket.
    const close = stat.lastIndexOf(')');
    const process = { pid: Number(entry), command: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
    const parent = Number(process.fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), process]);
  }
  const found: ProcessStat[] = [];
  const pending = [root];
  while (pending.length > 0) {
    for (const child of children.get(pending.pop()!) ?? []) {
      found.push(child);
      pending.push(child.pid);
    }
  }
  return found;
}

/** Reads /proc/<pid>/<file>, or returns null when the process has ended in the meantime. */
function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return null;
    throw error;
  }
}
