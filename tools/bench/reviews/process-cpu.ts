import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { round } from './load';
import { commandLineOf, processesMatching } from './process-memory';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system CPU seconds a process has used so far (0 once it is gone). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
function machineCpuSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

export interface CpuUse {
  readonly seconds: number;
  /** Busy share of all the machine's CPUs over the window (1 = every core busy all the time). */
  readonly machineBusyShare: number;
  /** Share of all the machine's CPUs used by work that is not the benchmark's: the noise in this window's numbers. */
  readonly otherWorkShare: number;
  /** CPU seconds per process over the window; `postgres` sums the server's own processes and its sessions on the benchmark's databases. */
  readonly processSeconds: Record<string, number>;
}

/** A PostgreSQL client session's process title names its database and client address; the server's own processes name neither. */
function isOursOrServers(commandLine: string, databasePrefix: string): boolean {
  const session = /\(\d+\)/.test(commandLine) || /\[local\]/.test(commandLine);
  return !session || commandLine.includes(databasePrefix);
}

/**
 * CPU used by each named process over a window. On a machine whose cores
 * are all busy, where the time goes per request says more than any one
 * process's profile. PostgreSQL's sessions come and go within a window (a
 * pool closing idle connections, the import's writers), so every process is
 * read on a timer and counted up to its last reading: one that ended
 * mid-window is not lost, one that started counts from zero.
 */
export class CpuMeter {
  private window:
    | { at: number; machine: { busy: number; total: number }; first: Map<number, number>; last: Map<number, { name: string; seconds: number }>; timer: NodeJS.Timeout; driver: number }
    | undefined;

  constructor(
    private readonly pids: () => Record<string, number | undefined>,
    private readonly databasePrefix: string,
  ) {}

  /** Every process to count, by pid, with the name it is reported under. */
  private processes(): Map<number, string> {
    const result = new Map<number, string>();
    for (const [name, pid] of Object.entries(this.pids())) if (pid !== undefined) result.set(pid, name);
    for (const pid of processesMatching(/^postgres: /)) if (isOursOrServers(commandLineOf(pid), this.databasePrefix)) result.set(pid, 'postgres');
    return result;
  }

  private read(): void {
    if (!this.window) return;
    for (const [pid, name] of this.processes()) {
      const seconds = cpuSecondsOf(pid);
      if (seconds > 0) this.window.last.set(pid, { name, seconds });
    }
  }

  begin(intervalMs = 250): void {
    const first = new Map<number, number>();
    for (const pid of this.processes().keys()) first.set(pid, cpuSecondsOf(pid));
    const own = process.cpuUsage();
    this.window = {
      at: performance.now(),
      machine: machineCpuSeconds(),
      first,
      last: new Map(),
      timer: setInterval(() => this.read(), intervalMs),
      driver: (own.user + own.system) / 1e6,
    };
    this.read();
  }

  end(): CpuUse {
    const window = this.window;
    if (!window) throw new Error('CpuMeter.end() without begin()');
    this.read();
    clearInterval(window.timer);
    this.window = undefined;
    const machine = machineCpuSeconds();
    const seconds = (performance.now() - window.at) / 1000;
    const used = new Map<string, number>();
    for (const [pid, { name, seconds: last }] of window.last) used.set(name, (used.get(name) ?? 0) + last - (window.first.get(pid) ?? 0));
    const own = process.cpuUsage();
    used.set('bench-driver', (own.user + own.system) / 1e6 - window.driver);
    const processSeconds = Object.fromEntries([...used].map(([name, n]) => [name, round(n, 2)]));
    const busy = machine.busy - window.machine.busy;
    const total = machine.total - window.machine.total;
    const ours = [...used.values()].reduce((sum, n) => sum + n, 0);
    return {
      seconds: round(seconds, 2),
      machineBusyShare: round(total > 0 ? busy / total : Number.NaN, 3),
      otherWorkShare: round(total > 0 ? Math.max(0, busy - ours) / total : Number.NaN, 3),
      processSeconds,
    };
  }
}

/** The window's CPU use with each process's CPU milliseconds per operation, the cost to compare across processes. */
export function perOperation(use: CpuUse, operations: number): CpuUse & { readonly msPerOperation: Record<string, number> } {
  const msPerOperation = Object.fromEntries(Object.entries(use.processSeconds).map(([name, seconds]) => [name, round((seconds * 1000) / Math.max(1, operations), 2)]));
  return { ...use, msPerOperation };
}
