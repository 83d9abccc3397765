import { runReviewsBenchmark } from './reviews/reviews.bench';
import { runSupervisionDashboardBenchmark } from './supervision/dashboard.bench';

interface Benchmark {
  readonly summary: string;
  readonly run: (args: readonly string[]) => Promise<number>;
}

const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  reviews: {
    summary: 'review ingest end to end, gateway overhead, event lag, statistics dashboard, hotline import (writes bench/results/reviews.json)',
    run: runReviewsBenchmark,
  },
  'supervision-dashboard': {
    summary: 'the leaders’ dashboard (tasks by colour, overdue units, targets off trajectory) over 100,000 tasks and 5,000 targets, in-process and through the gateway (writes bench/results/supervision-dashboard.json)',
    run: runSupervisionDashboardBenchmark,
  },
};

function usage(): string {
  const names = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(22)} ${b.summary}`);
  return `usage: npm run bench -- <name> [options]\n\nbenchmarks:\n${names.join('\n')}\n`;
}

/** `npm run bench -- <name>`: runs one named benchmark; any other name prints the list. */
async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const benchmark = name === undefined ? undefined : BENCHMARKS[name];
  if (!benchmark) {
    if (name !== undefined && name !== '--help' && name !== '-h') process.stderr.write(`unknown benchmark "${name}"\n\n`);
    process.stdout.write(usage());
    return name === undefined || name === '--help' || name === '-h' ? 0 : 2;
  }
  return benchmark.run(args);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
