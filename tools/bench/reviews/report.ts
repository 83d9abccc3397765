import type { DashboardResult } from './dashboard.phase';
import type { GatewayResult } from './gateway.phase';
import type { ImportResult } from './import.phase';
import type { IngestResult } from './ingest.phase';
import type { LagResult } from './lag.phase';

export interface Goal {
  readonly comparison: '>=' | '<=';
  readonly target: number;
}

export const GOALS = {
  ingestRatio: { comparison: '>=', target: 0.15 },
  gatewayRatio: { comparison: '>=', target: 0.7 },
  lagP99Ms: { comparison: '<=', target: 500 },
  dashboardRatio: { comparison: '<=', target: 2 },
  importRatio: { comparison: '>=', target: 0.3 },
} as const satisfies Record<string, Goal>;

export type Headline = keyof typeof GOALS;

export interface PhaseResults {
  ingest?: IngestResult;
  gateway?: GatewayResult;
  lag?: LagResult;
  import?: ImportResult;
  dashboard?: DashboardResult;
}

export function headlineValues(results: PhaseResults): Record<Headline, number | null> {
  return {
    ingestRatio: results.ingest?.ratio ?? null,
    gatewayRatio: results.gateway?.ratio ?? null,
    lagP99Ms: results.lag?.lag.total.p99Ms ?? null,
    dashboardRatio: results.dashboard?.ratio ?? null,
    importRatio: results.import?.ratio ?? null,
  };
}

export function goalMet(name: Headline, value: number | null): boolean | null {
  if (value === null || Number.isNaN(value)) return null;
  const goal: Goal = GOALS[name];
  return goal.comparison === '>=' ? value >= goal.target : value <= goal.target;
}

function detailOf(name: Headline, results: PhaseResults): string {
  switch (name) {
    case 'ingestRatio': {
      const r = results.ingest;
      if (!r) return 'not run';
      const l = r.endToEnd.mutationLatency;
      return `end to end ${r.endToEnd.rate}/s vs raw INSERT ${r.raw.rate}/s; submitReview p50/p95/p99 ${l.p50Ms}/${l.p95Ms}/${l.p99Ms} ms; ${r.concurrency} in flight`;
    }
    case 'gatewayRatio': {
      const r = results.gateway;
      return r ? `gateway ${r.gateway.rate}/s vs reviews subgraph ${r.direct.rate}/s; p50 ${r.gateway.latency.p50Ms} vs ${r.direct.latency.p50Ms} ms` : 'not run';
    }
    case 'lagP99Ms': {
      const r = results.lag;
      return r ? `p50 ${r.lag.total.p50Ms} ms at ${r.achievedRate}/s paced (half of the maximum), ${r.lag.total.count} reviews` : 'not run';
    }
    case 'dashboardRatio': {
      const r = results.dashboard;
      return r
        ? `statistics p50 ${r.statistics.p50Ms} ms vs reviewReasons p50 ${r.tinyLookup.p50Ms} ms; vs { __typename } ${r.typename.p50Ms} ms: ${r.ratioToTypename}; ${r.reviewsInDatabase} reviews`
        : 'not run';
    }
    case 'importRatio': {
      const r = results.import;
      return r ? `import ${r.import.rate} rows/s (${r.import.imported} in ${r.import.wallSeconds} s) vs COPY ${r.rawCopy.rate} rows/s` : 'not run';
    }
  }
}

function formatValue(value: number | null): string {
  return value === null ? '—' : String(value);
}

/** The run as an aligned text table: one line per headline number, then peak memory per process. */
export function renderTable(results: PhaseResults, peakRssMb: Record<string, number>, heading: string): string {
  const values = headlineValues(results);
  const rows = (Object.keys(GOALS) as Headline[]).map((name) => {
    const met = goalMet(name, values[name]);
    return [name, formatValue(values[name]), `${GOALS[name].comparison === '>=' ? '≥' : '≤'} ${GOALS[name].target}`, met === null ? '—' : met ? 'yes' : 'NO', detailOf(name, results)];
  });
  const header = ['metric', 'value', 'goal', 'met', 'detail'];
  const widths = header.map((h, column) => Math.max(h.length, ...rows.map((r) => (r[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const noise = [
    ['ingest', results.ingest?.cpu.otherWorkShare],
    ['gateway', results.gateway ? Math.max(results.gateway.direct.cpu.otherWorkShare, results.gateway.gateway.cpu.otherWorkShare) : undefined],
    ['lag', results.lag?.cpu.otherWorkShare],
    ['import', results.import?.import.cpu.otherWorkShare],
    ['dashboard', results.dashboard?.cpu.otherWorkShare],
  ].flatMap(([phase, share]) => (typeof share === 'number' ? [`${String(phase)} ${Math.round(share * 100)}%`] : []));
  const memory = Object.entries(peakRssMb).sort((a, b) => b[1] - a[1]);
  const nameWidth = Math.max(...memory.map(([name]) => name.length));
  return [
    heading,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(noise.length > 0 ? ['', `CPU taken by other work on the machine meanwhile: ${noise.join(', ')}`] : []),
    '',
    'peakRssMb',
    ...memory.map(([name, mb]) => `  ${name.padEnd(nameWidth)}  ${String(mb).padStart(5)}`),
  ].join('\n');
}
