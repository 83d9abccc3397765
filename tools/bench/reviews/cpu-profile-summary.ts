import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

export interface ProfileSummary {
  readonly seconds: number;
  /** Share of samples the process was running JavaScript or native code rather than idle. */
  readonly busyShare: number;
  /** Where time was spent by package or workspace library, as a share of busy samples. */
  readonly byModule: readonly { readonly module: string; readonly share: number }[];
  /** Functions with the most samples of their own. */
  readonly topFunctions: readonly { readonly fn: string; readonly share: number }[];
}

/** `node_modules/@apollo/gateway/dist/x.js` → `@apollo/gateway`; `libs/audit/src/…` → `libs/audit`. */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch?.[1]) return packageMatch[1];
  const workspaceMatch = /\/(libs\/[^/]+|apps\/[^/]+|tools\/[^/]+)\//.exec(url);
  if (workspaceMatch?.[1]) return workspaceMatch[1];
  if (url.startsWith('node:')) return 'node (core)';
  return url;
}

function topShares(counts: Map<string, number>, total: number, limit: number): { key: string; share: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, n]) => ({ key, share: Math.round((n / Math.max(1, total)) * 1000) / 1000 }));
}

/** Self time of a V8 .cpuprofile, grouped by module and by function. */
export function summarizeCpuProfile(file: string, limit = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let total = 0;
  for (const node of profile.nodes) {
    const n = hits.get(node.id) ?? node.hitCount ?? 0;
    total += n;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') {
      if (functionName !== '(idle)') busy += n;
      const key = functionName;
      byModule.set(key, (byModule.get(key) ?? 0) + (functionName === '(idle)' ? 0 : n));
      continue;
    }
    busy += n;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + n);
    const where = url.replace(/^.*node_modules\//, '').replace(/^(file:\/\/)?.*?\/(?=(libs|apps|tools)\/)/, '');
    const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + n);
  }
  return {
    seconds: Math.round((profile.endTime - profile.startTime) / 1e4) / 100,
    busyShare: Math.round((busy / Math.max(1, total)) * 1000) / 1000,
    byModule: topShares(byModule, busy, limit).map(({ key, share }) => ({ module: key, share })),
    topFunctions: topShares(byFunction, busy, limit).map(({ key, share }) => ({ fn: key, share })),
  };
}
