import { readdirSync, readFileSync } from 'node:fs';

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    // The process has ended.
    return undefined;
  }
}

export function commandLineOf(pid: number): string {
  return (readProc(pid, 'cmdline') ?? '').split('\0').join(' ').trim();
}

function parentOf(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  // The command name in parentheses may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : undefined;
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** Every process below `root` (children, grandchildren, …). */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Processes whose command line matches, anywhere on the machine. */
export function processesMatching(pattern: RegExp): number[] {
  return allPids().filter((pid) => pattern.test(commandLineOf(pid)));
}

/** Resident set now and its high-water mark, in MiB, from /proc/<pid>/status. */
function memoryOf(pid: number): { rssMb: number; hwmMb: number } | undefined {
  const status = readProc(pid, 'status');
  if (!status) return undefined;
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/**
 * Peak resident memory per named process. Each name resolves to a pid when
 * sampled (a process may start after tracking begins, as the import command
 * does); the kernel's high-water mark covers the moments between samples.
 */
export class PeakMemorySampler {
  private readonly targets = new Map<string, () => number | undefined>();
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  track(name: string, pid: number | (() => number | undefined)): void {
    this.targets.set(name, typeof pid === 'number' ? () => pid : pid);
  }

  start(intervalMs = 250): void {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    for (const [name, resolve] of this.targets) {
      const pid = resolve();
      const memory = pid === undefined ? undefined : memoryOf(pid);
      if (memory) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, memory.rssMb, memory.hwmMb));
    }
    // The driver's own peak, which the kernel keeps for us.
    this.peaks.set('bench-driver', Math.max(this.peaks.get('bench-driver') ?? 0, process.resourceUsage().maxRSS / 1024));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  peaksMb(): Record<string, number> {
    return Object.fromEntries([...this.peaks].map(([name, mb]) => [name, Math.round(mb)]));
  }
}
