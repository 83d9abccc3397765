/** Where progress goes: stderr, or anything shaped like it. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
/** A terminal is redrawn this often at most… */
const REDRAW_MS = 100;
/** …a log file gets a line this often. */
const LINE_MS = 5_000;

const count = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Rows done of the total, rows per second and the time left: a bar redrawn
 * in place on a terminal, a plain line every few seconds otherwise (a log
 * file or CI output would drown in redraws).
 */
export class ImportProgress {
  private readonly started: number;
  private last = -Infinity;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly total: number,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.started = clock();
  }

  update(done: number): void {
    const now = this.clock();
    if (now - this.last < (this.out.isTTY ? REDRAW_MS : LINE_MS)) return;
    this.last = now;
    this.draw(done, now);
  }

  /** The last state, always shown; on a terminal the bar's line is ended. */
  finish(done: number): void {
    this.draw(done, this.clock());
    if (this.out.isTTY && this.drawn) this.out.write('\n');
  }

  private draw(done: number, now: number): void {
    // The total is a line count made before reading; a file with blank lines or multi-line CSV values has fewer rows.
    const total = Math.max(this.total, done);
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const share = total === 0 ? 1 : done / total;
    const eta = done >= total ? 0 : rate > 0 ? (total - done) / rate : Infinity;
    const figures = `${count(done)}/${count(total)} rows  ${count(Math.round(rate))} rows/s  ETA ${duration(eta)}`;
    if (this.out.isTTY) {
      const filled = Math.round(share * BAR_WIDTH);
      this.out.write(`\r\x1b[2K导入 import [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${figures}`);
    } else {
      this.out.write(`导入 import ${Math.floor(share * 100)}%  ${figures}\n`);
    }
    this.drawn = true;
  }
}
