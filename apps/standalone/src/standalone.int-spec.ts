import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_HANDLINGS } from '@egov/demo-data';
import { expectEventually, freePort, graphqlData, graphqlRequest } from '@egov/testing';

const root = path.resolve(__dirname, '../../..');

interface Started {
  child: ChildProcess;
  graphqlUrl: string;
  graphiqlUrl: string;
  supervisor: string;
  citizen: string;
  output: () => string;
}

/** Runs `npm start`'s entry point as a newcomer would, on its own data folder and ports. */
async function startStandalone(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, 'tools/run-ts.js'), 'apps/standalone/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await expectEventually(
    () => {
      if (child.exitCode !== null) throw new Error(`standalone exited with ${child.exitCode}:\n${output}`);
      expect(output).toContain('ready in');
    },
    { timeoutMs: 120_000, intervalMs: 200 },
  );
  const line = (label: string) => {
    const match = new RegExp(`${label}\\s+(\\S+)`).exec(output);
    if (!match?.[1]) throw new Error(`no ${label} in output:\n${output}`);
    return match[1];
  };
  const token = (heading: string) => {
    const lines = output.split('\n');
    const at = lines.findIndex((l) => l.includes(heading));
    return lines[at + 1]?.trim() ?? '';
  };
  return { child, graphqlUrl: line('GraphQL'), graphiqlUrl: line('GraphiQL'), supervisor: token('Supervisor token'), citizen: token('Citizen token'), output: () => output };
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

const ORGANIZATION = `query($id: ID!) { organization(id: $id) { name satisfaction { total bad } integrityScore { reviewsCounted badReviews } } }`;
const SUBMIT = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`;

describe('standalone mode (npm start)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'egov-standalone-'));
  let env: Record<string, string>;
  let running: Started | undefined;
  const handling = DEMO_HANDLINGS.find((h) => h.applicantSubject === 'demo-citizen-001');

  beforeAll(async () => {
    env = {
      STANDALONE_DATA_DIR: path.join(dataDir, 'postgres'),
      STANDALONE_PG_PORT: String(await freePort()),
      STANDALONE_PORT_OFFSET: String(10_000 + Math.floor(Math.random() * 5_000)),
    };
    delete process.env['DATABASE_URL'];
  });

  afterAll(async () => {
    if (running) await stop(running);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves demo data across three subgraphs with the token it prints, and delivers events in process', async () => {
    running = await startStandalone(env);
    const started = running;
    expect(started.supervisor.split('.')).toHaveLength(3);
    const list = await graphqlData<{ organizations: { totalCount: number; edges: { node: { name: string; satisfaction: { total: number }; integrityScore: { reviewsCounted: number } } }[] } }>(
      started.graphqlUrl,
      `{ organizations(first: 100) { totalCount edges { node { name satisfaction { total } integrityScore { reviewsCounted } } } } }`,
      {},
      started.supervisor,
    );
    expect(list.organizations.totalCount).toBe(105);
    expect(list.organizations.edges.map((e) => e.node.name)).toContain('陵水黎族自治县人民政府');

    if (!handling) throw new Error('demo data has no handling for demo-citizen-001');
    await graphqlData(started.graphqlUrl, SUBMIT, { input: { handlingId: handling.id, rating: 2, channel: 'MOBILE' } }, started.citizen);
    await expectEventually(async () => {
      const data = await graphqlData<{ organization: { integrityScore: { badReviews: number } } }>(started.graphqlUrl, ORGANIZATION, { id: handling.organizationId });
      expect(data.organization.integrityScore.badReviews).toBe(1);
    });
  }, 180_000);

  it('serves GraphiQL and its assets from the installed packages, with no CDN', async () => {
    if (!running) throw new Error('standalone is not running');
    const page = await (await fetch(running.graphiqlUrl)).text();
    expect(page).toContain('/graphiql/assets/graphiql.js');
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const response = await fetch(new URL(`/graphiql/assets/${asset}`, running.graphiqlUrl));
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
  });

  it('keeps its data across a restart', async () => {
    if (!running || !handling) throw new Error('standalone is not running');
    await stop(running);
    running = await startStandalone(env);
    const data = await graphqlData<{ organization: { satisfaction: { total: number; bad: number }; integrityScore: { reviewsCounted: number } } }>(running.graphqlUrl, ORGANIZATION, { id: handling.organizationId });
    expect(data.organization.satisfaction).toEqual({ total: 1, bad: 1 });
    expect(data.organization.integrityScore.reviewsCounted).toBe(1);
    const again = await graphqlRequest(running.graphqlUrl, SUBMIT, { input: { handlingId: handling.id, rating: 5, channel: 'MOBILE' } }, running.citizen);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  }, 180_000);
});
