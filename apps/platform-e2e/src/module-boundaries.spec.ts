import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/** Source files that break (or keep) the boundaries, placed where a developer would put them. */
const PROBES = {
  serviceImportsService: ['libs/reviews-service/src/lib/boundary-probe.ts', "import { CreditServiceModule } from '@egov/credit-service';\nexport const probe = CreditServiceModule;\n"],
  contractsImportInternal: ['libs/contracts/src/lib/boundary-probe.ts', "import { DomainException } from '@egov/errors';\nexport const probe = DomainException;\n"],
  libraryImportsApp: ['libs/messaging/src/lib/boundary-probe.ts', "export { SupervisionDemoSeeder } from '../../../../apps/supervision/src/main';\n"],
  serviceUsesPlatform: ['libs/reviews-service/src/lib/boundary-probe-ok.ts', "import { EventPublisher } from '@egov/messaging';\nexport const probe = EventPublisher;\n"],
} as const;

describe('module boundaries are enforced, not decorative', () => {
  const complaints = new Map<string, string[]>();

  beforeAll(() => {
    const files = Object.values(PROBES).map(([file, code]) => {
      writeFileSync(path.join(root, file), code);
      return file;
    });
    try {
      // The project's own lint command: it builds Nx's project graph, which the rule reads.
      spawnSync(process.execPath, [path.join(root, 'node_modules/nx/bin/nx.js'), 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
      const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      for (const result of JSON.parse(run.stdout) as LintResult[]) {
        complaints.set(
          path.relative(root, result.filePath),
          result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message),
        );
      }
    } finally {
      for (const file of files) rmSync(path.join(root, file), { force: true });
    }
  }, 180_000);

  const of = (probe: keyof typeof PROBES) => complaints.get(PROBES[probe][0]) ?? ['(file not linted)'];

  it('refuses one service importing another', () => {
    expect(of('serviceImportsService').join('\n')).toContain('type:service');
  });

  it('refuses contracts importing anything internal', () => {
    expect(of('contractsImportInternal').length).toBeGreaterThan(0);
  });

  it('refuses a library importing an app through a relative path', () => {
    expect(of('libraryImportsApp').length).toBeGreaterThan(0);
  });

  it('allows a service to use platform libraries', () => {
    expect(of('serviceUsesPlatform')).toEqual([]);
  });
});
