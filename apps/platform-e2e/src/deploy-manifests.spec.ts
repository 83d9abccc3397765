import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { load, loadAll } from 'js-yaml';
import { GATEWAY_CONFIG_FRAGMENTS } from '@egov/gateway-service';
import { DEFAULT_PORTS, SERVICE_CONFIG_FRAGMENTS } from '@egov/runtime';

/**
 * Keeps docker-compose.yml, deploy/docker/Dockerfile and deploy/k8s in step
 * with the code: every app, its port, its probes, and only environment
 * variables its config classes read.
 */

type AppName = keyof typeof DEFAULT_PORTS;
type Yaml = Record<string, unknown>;
type ConfigClass = new () => object;

const root = path.resolve(__dirname, '../../..');
const k8sDir = path.join(root, 'deploy/k8s');
const baseDir = path.join(k8sDir, 'base');
const APPS = Object.keys(DEFAULT_PORTS) as AppName[];
/** Read outside the config classes: the logger, the demo seeding switch, the image's app selector. */
const EXTRA_VARIABLES = ['LOG_LEVEL', 'NODE_ENV', 'DEMO_DATA', 'APP'];

const isRecord = (value: unknown): value is Yaml => typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown): Yaml => (isRecord(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const relative = (file: string): string => path.relative(root, file);
const isApp = (name: string): name is AppName => (APPS as string[]).includes(name);

function variablesOf(fragments: Record<string, ConfigClass>): Set<string> {
  const names = new Set(EXTRA_VARIABLES);
  for (const fragment of Object.values(fragments)) {
    for (const key of Object.keys(new fragment())) names.add(key);
    // An optional field without a default is not an own key of an instance; its decorators still name it.
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(fragment, '', true, false)) names.add(metadata.propertyName);
  }
  return names;
}

const READ_BY: Record<AppName, Set<string>> = Object.fromEntries(
  APPS.map((app) => [app, variablesOf(app === 'gateway' ? GATEWAY_CONFIG_FRAGMENTS : SERVICE_CONFIG_FRAGMENTS)]),
) as Record<AppName, Set<string>>;

/** SUPERVISION_URL for supervision, …: the gateway's variable naming each subgraph. */
const subgraphVariable = (service: AppName): string => `${service.toUpperCase().replace(/-/g, '_')}_URL`;
const subgraphUrl = (service: AppName): string => `http://${service}:${DEFAULT_PORTS[service]}/graphql`;

// ---------------------------------------------------------------- compose

const composeFile = path.join(root, 'docker-compose.yml');
const compose = record(load(readFileSync(composeFile, 'utf8')));
const composeServices = record(compose['services']);

/** A compose service's environment, in either of compose's two forms. */
function composeEnvironment(service: Yaml): Map<string, string | undefined> {
  const environment = service['environment'];
  if (Array.isArray(environment)) {
    return new Map(
      environment.map((entry): [string, string | undefined] => {
        const line = text(entry) ?? '';
        const at = line.indexOf('=');
        return at < 0 ? [line, undefined] : [line.slice(0, at), line.slice(at + 1)];
      }),
    );
  }
  return new Map(Object.entries(record(environment)).map(([name, value]) => [name, text(value) ?? (typeof value === 'boolean' ? String(value) : undefined)]));
}

const composeApp = (service: Yaml): string | undefined => text(record(record(service['build'])['args'])['APP']) ?? composeEnvironment(service).get('APP');

// ---------------------------------------------------------------- kubernetes

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return yamlFiles(file);
      return /\.ya?ml$/.test(name) ? [file] : [];
    });
}

interface Manifest {
  readonly file: string;
  readonly doc: Yaml;
}

const manifests: Manifest[] = yamlFiles(k8sDir).flatMap((file) =>
  loadAll(readFileSync(file, 'utf8'))
    .filter(isRecord)
    .map((doc) => ({ file, doc })),
);

const kindOf = (doc: Yaml): string | undefined => text(doc['kind']);
const nameOf = (doc: Yaml): string | undefined => text(record(doc['metadata'])['name']);
const inBase = (m: Manifest): boolean => path.dirname(m.file) === baseDir;

const baseDeployments = manifests.filter((m) => inBase(m) && kindOf(m.doc) === 'Deployment');
const baseServices = manifests.filter((m) => inBase(m) && kindOf(m.doc) === 'Service');

/** Keys of every ConfigMap, base and overlay patches together. */
const configMapKeys = new Map<string, Set<string>>();
for (const { doc } of manifests.filter((m) => kindOf(m.doc) === 'ConfigMap')) {
  const name = nameOf(doc) ?? '';
  const keys = configMapKeys.get(name) ?? new Set<string>();
  for (const key of Object.keys(record(doc['data']))) keys.add(key);
  configMapKeys.set(name, keys);
}

/** Documented Secret keys (secret.example.yaml). */
const secretKeys = new Map<string, Set<string>>();
for (const { doc } of manifests.filter((m) => kindOf(m.doc) === 'Secret')) {
  secretKeys.set(nameOf(doc) ?? '', new Set([...Object.keys(record(doc['stringData'])), ...Object.keys(record(doc['data']))]));
}

const containersOf = (deployment: Yaml): Yaml[] => list(record(record(record(deployment['spec'])['template'])['spec'])['containers']).map(record);

/** One place a Deployment's container gets its environment from. */
interface EnvSource {
  readonly app: string;
  readonly where: string;
  readonly env: readonly Yaml[];
  readonly envFrom: readonly Yaml[];
}

const kustomizations = manifests.filter((m) => kindOf(m.doc) === 'Kustomization');

/** Environment entries added by JSON 6902 or strategic-merge patches in a kustomization. */
function patchSources(kustomization: Manifest): EnvSource[] {
  const dir = path.dirname(kustomization.file);
  return list(kustomization.doc['patches']).flatMap((entry): EnvSource[] => {
    const patch = record(entry);
    const target = record(patch['target']);
    const file = text(patch['path']);
    const inline = text(patch['patch']);
    const where = `${relative(kustomization.file)} patch ${file ?? '(inline)'}`;
    const bodies: unknown[] = inline !== undefined ? [load(inline)] : file !== undefined ? loadAll(readFileSync(path.join(dir, file), 'utf8')) : [];
    return bodies.flatMap((body): EnvSource[] => {
      if (Array.isArray(body)) {
        // JSON 6902: a list of operations on every Deployment the target selects.
        if ((text(target['kind']) ?? 'Deployment') !== 'Deployment') return [];
        const named = text(target['name']);
        // The manifests label domain services `component=service` and the gateway `component=gateway`.
        const selector = text(target['labelSelector']);
        const component = selector?.match(/app\.kubernetes\.io\/component=(\w+)/)?.[1];
        const apps: readonly string[] =
          named !== undefined ? [named] : component === 'service' ? APPS.filter((a) => a !== 'gateway') : component === 'gateway' ? ['gateway'] : APPS;
        const env: Yaml[] = [];
        const envFrom: Yaml[] = [];
        for (const op of body.map(record)) {
          const opPath = text(op['path']) ?? '';
          const values = Array.isArray(op['value']) ? (op['value'] as unknown[]).map(record) : [record(op['value'])];
          if (/\/envFrom(\/|$)/.test(opPath)) envFrom.push(...values);
          else if (/\/env(\/|$)/.test(opPath)) env.push(...values);
        }
        return apps.map((app) => ({ app, where, env, envFrom }));
      }
      // Strategic-merge patch files are read with every other manifest; only an inline one is read here.
      if (inline !== undefined && isRecord(body) && kindOf(body) === 'Deployment') {
        const app = text(target['name']) ?? nameOf(body) ?? '';
        return containersOf(body).map((c) => ({ app, where, env: list(c['env']).map(record), envFrom: list(c['envFrom']).map(record) }));
      }
      return [];
    });
  });
}

const envSources: EnvSource[] = [
  ...manifests
    .filter((m) => kindOf(m.doc) === 'Deployment')
    .flatMap((m) => containersOf(m.doc).map((c) => ({ app: nameOf(m.doc) ?? '', where: relative(m.file), env: list(c['env']).map(record), envFrom: list(c['envFrom']).map(record) }))),
  ...kustomizations.flatMap(patchSources),
];

function resolvedPort(container: Yaml, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  const named = list(container['ports'])
    .map(record)
    .find((p) => text(p['name']) === port);
  return typeof named?.['containerPort'] === 'number' ? named['containerPort'] : undefined;
}

// ---------------------------------------------------------------- checks

describe('deployment manifests', () => {
  it('every app in DEFAULT_PORTS has a compose service on its port', () => {
    const problems: string[] = [];
    for (const app of APPS) {
      const service = composeServices[app];
      if (!isRecord(service)) {
        problems.push(`${app}: no service "${app}" in docker-compose.yml`);
        continue;
      }
      if (composeApp(service) !== app) problems.push(`${app}: compose builds APP=${composeApp(service) ?? '(unset)'}`);
      const port = composeEnvironment(service).get('PORT');
      if (port !== String(DEFAULT_PORTS[app])) problems.push(`${app}: compose PORT is ${port ?? '(unset)'}, DEFAULT_PORTS says ${DEFAULT_PORTS[app]}`);
    }
    for (const [name, service] of Object.entries(composeServices)) {
      const app = composeApp(record(service));
      if (app !== undefined && !isApp(app)) problems.push(`${name}: compose runs APP=${app}, which is not in DEFAULT_PORTS`);
    }
    const published = list(record(composeServices['gateway'])['ports']).map((p) => text(p) ?? '');
    const gatewayPort = String(DEFAULT_PORTS.gateway);
    if (!published.some((p) => p.endsWith(`:${gatewayPort}`) && p.split(':').at(-2) === gatewayPort)) {
      problems.push(`gateway: compose does not publish ${gatewayPort}:${gatewayPort} (ports: ${published.join(', ') || 'none'})`);
    }
    expect(problems).toEqual([]);
  });

  it('every app in DEFAULT_PORTS has a Kubernetes Deployment and Service on its port', () => {
    const problems: string[] = [];
    for (const app of APPS) {
      const port = DEFAULT_PORTS[app];
      const deployment = baseDeployments.find((m) => nameOf(m.doc) === app);
      const container = deployment ? containersOf(deployment.doc)[0] : undefined;
      if (!deployment || !container) {
        problems.push(`${app}: no Deployment "${app}" with a container in deploy/k8s/base`);
      } else {
        const env = new Map(list(container['env']).map(record).map((e) => [text(e['name']), text(e['value'])]));
        if (env.get('APP') !== app) problems.push(`${app}: Deployment sets APP=${env.get('APP') ?? '(unset)'}`);
        if (env.has('PORT') && env.get('PORT') !== String(port)) problems.push(`${app}: Deployment sets PORT=${env.get('PORT') ?? ''}, DEFAULT_PORTS says ${port}`);
        if (!list(container['ports']).some((p) => record(p)['containerPort'] === port)) problems.push(`${app}: Deployment has no containerPort ${port}`);
      }
      const service = baseServices.find((m) => nameOf(m.doc) === app);
      const servicePort = service ? list(record(service.doc['spec'])['ports']).map(record).find((p) => p['port'] === port) : undefined;
      if (!servicePort) problems.push(`${app}: no Service "${app}" with port ${port} in deploy/k8s/base`);
      else if (container && resolvedPort(container, servicePort['targetPort'] ?? port) !== port) {
        problems.push(`${app}: Service port ${port} targets ${text(servicePort['targetPort']) ?? '?'}, which is not containerPort ${port}`);
      }
    }
    for (const m of baseDeployments) {
      if (!isApp(nameOf(m.doc) ?? '')) problems.push(`${relative(m.file)}: Deployment ${nameOf(m.doc) ?? '?'} is not an app in DEFAULT_PORTS`);
    }
    expect(problems).toEqual([]);
  });

  it("compose sets only variables the app's config reads", () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(composeServices)) {
      const app = composeApp(record(service));
      if (app === undefined || !isApp(app)) continue;
      for (const variable of composeEnvironment(record(service)).keys()) {
        if (!READ_BY[app].has(variable)) problems.push(`${name}: compose sets ${variable}, which ${app} does not read`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the Kubernetes manifests set only variables the app's config reads", () => {
    const problems: string[] = [];
    for (const source of envSources) {
      if (!isApp(source.app)) {
        problems.push(`${source.where}: environment for ${source.app || '(unnamed)'}, which is not an app in DEFAULT_PORTS`);
        continue;
      }
      const app = source.app;
      const set = (variable: string, from: string) => {
        if (!READ_BY[app].has(variable)) problems.push(`${app}: ${from} sets ${variable}, which ${app} does not read`);
      };
      for (const entry of source.env) set(text(entry['name']) ?? '(unnamed)', source.where);
      for (const entry of source.envFrom) {
        const configMap = text(record(entry['configMapRef'])['name']);
        const secret = text(record(entry['secretRef'])['name']);
        const keys = configMap !== undefined ? configMapKeys.get(configMap) : secret !== undefined ? secretKeys.get(secret) : undefined;
        if (!keys) {
          problems.push(`${app}: ${source.where} reads ${configMap ?? secret ?? '?'}, which no manifest defines`);
          continue;
        }
        for (const key of keys) set(key, `${configMap !== undefined ? 'ConfigMap' : 'Secret'} ${configMap ?? secret ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every Deployment has readiness /health/ready and liveness /health/live probes on its container port', () => {
    const problems: string[] = [];
    for (const m of baseDeployments) {
      const app = nameOf(m.doc) ?? '?';
      const port = isApp(app) ? DEFAULT_PORTS[app] : undefined;
      for (const container of containersOf(m.doc)) {
        for (const [probe, expected] of [
          ['readinessProbe', '/health/ready'],
          ['livenessProbe', '/health/live'],
        ] as const) {
          const httpGet = record(record(container[probe])['httpGet']);
          if (text(httpGet['path']) !== expected) problems.push(`${app}: ${probe} path is ${text(httpGet['path']) ?? '(none)'}, expected ${expected}`);
          const probePort = resolvedPort(container, httpGet['port']);
          if (probePort === undefined || probePort !== port) problems.push(`${app}: ${probe} port ${text(httpGet['port']) ?? '(none)'} is not the container port ${port ?? '?'}`);
        }
      }
    }
    expect(baseDeployments.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('every kustomization lists each resource and patch file next to it, and only files that exist', () => {
    const problems: string[] = [];
    for (const k of kustomizations) {
      const dir = path.dirname(k.file);
      const resources = list(k.doc['resources']).map((r) => text(r) ?? '');
      const patches = list(k.doc['patches'])
        .map((p) => text(record(p)['path']))
        .filter((p): p is string => p !== undefined);
      for (const listed of [...resources, ...patches]) {
        if (!existsSync(path.join(dir, listed))) problems.push(`${relative(k.file)}: lists ${listed}, which does not exist`);
      }
      const here = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml' && name !== 'secret.example.yaml');
      for (const file of here) {
        if (!resources.includes(file) && !patches.includes(file)) problems.push(`${relative(k.file)}: does not list ${file}`);
      }
      if (resources.includes('secret.example.yaml')) problems.push(`${relative(k.file)}: lists secret.example.yaml, which holds no real secret`);
    }
    expect(kustomizations.map((k) => relative(k.file))).toContain('deploy/k8s/base/kustomization.yaml');
    expect(problems).toEqual([]);
  });

  it("the gateway finds each subgraph at its service's host and port", () => {
    const gatewayVariables = READ_BY.gateway;
    const gatewayKeys = new Map<string, string | undefined>();
    for (const m of baseDeployments.filter((d) => nameOf(d.doc) === 'gateway')) {
      for (const container of containersOf(m.doc)) {
        for (const entry of list(container['env']).map(record)) gatewayKeys.set(text(entry['name']) ?? '', text(entry['value']));
        for (const from of list(container['envFrom']).map(record)) {
          const name = text(record(from['configMapRef'])['name']);
          const configMap = manifests.find((c) => inBase(c) && kindOf(c.doc) === 'ConfigMap' && nameOf(c.doc) === name);
          for (const [key, value] of Object.entries(record(configMap?.doc['data']))) gatewayKeys.set(key, text(value));
        }
      }
    }
    const composeGateway = composeEnvironment(record(composeServices['gateway']));
    const problems: string[] = [];
    for (const service of APPS.filter((a) => a !== 'gateway')) {
      const variable = subgraphVariable(service);
      if (!gatewayVariables.has(variable)) {
        problems.push(`${service}: the gateway reads no ${variable}`);
        continue;
      }
      if (composeGateway.get(variable) !== subgraphUrl(service)) problems.push(`${service}: compose gateway ${variable}=${composeGateway.get(variable) ?? '(unset)'}, expected ${subgraphUrl(service)}`);
      if (gatewayKeys.get(variable) !== subgraphUrl(service)) problems.push(`${service}: Kubernetes gateway ${variable}=${gatewayKeys.get(variable) ?? '(unset)'}, expected ${subgraphUrl(service)}`);
    }
    expect(problems).toEqual([]);
  });

  it('the Dockerfile knows every app and its port', () => {
    const dockerfile = readFileSync(path.join(root, 'deploy/docker/Dockerfile'), 'utf8');
    const portMap = /const d=\{([^}]*)\}/.exec(dockerfile)?.[1] ?? '';
    const ports = Object.fromEntries(
      portMap.split(',').map((pair) => {
        const [name = '', port = ''] = pair.split(':');
        return [name.replace(/'/g, ''), Number(port)];
      }),
    );
    expect(ports).toEqual({ ...DEFAULT_PORTS });
    const accepted = /case \\"\$APP\\" in ([^)]*)\)/.exec(dockerfile)?.[1]?.split('|') ?? [];
    expect([...accepted].sort()).toEqual([...APPS].sort());
    for (const app of APPS) expect(dockerfile).toContain(`${app}=${DEFAULT_PORTS[app]}`);
  });

  it('every Secret a Deployment reads is documented in secret.example.yaml', () => {
    const problems: string[] = [];
    for (const source of envSources) {
      for (const entry of source.env) {
        const ref = record(record(entry['valueFrom'])['secretKeyRef']);
        const name = text(ref['name']);
        if (name === undefined) continue;
        if (!secretKeys.get(name)?.has(text(ref['key']) ?? '')) problems.push(`${source.app}: ${text(entry['name']) ?? '?'} reads Secret ${name} key ${text(ref['key']) ?? '?'}, not in secret.example.yaml`);
      }
    }
    expect(problems).toEqual([]);
  });
});
