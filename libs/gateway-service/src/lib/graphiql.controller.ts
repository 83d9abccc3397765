import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { Public } from '@egov/auth';

export const GRAPHIQL_OPTIONS = Symbol('GRAPHIQL_OPTIONS');

export interface GraphiqlOptions {
  readonly endpoint: string;
  readonly defaultToken?: string;
}

/** Every file GraphiQL needs, from installed packages: government networks are often offline, so no CDN. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

const cache = new Map<string, string>();

function asset(name: string): { body: string; type: string } {
  const entry = ASSETS[name];
  if (!entry) throw new NotFoundException();
  let body = cache.get(name);
  if (body === undefined) {
    // The packages' export maps hide these bundle files, so they are read from the package folder.
    body = readFileSync(path.join(path.dirname(require.resolve(`${entry.pkg}/package.json`)), entry.file), 'utf8');
    cache.set(name, body);
  }
  return { body, type: entry.type };
}

function escapeScript(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

@Controller('graphiql')
@Public()
export class GraphiqlController {
  constructor(@Inject(GRAPHIQL_OPTIONS) private readonly options: GraphiqlOptions) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    const headers = this.options.defaultToken ? JSON.stringify({ Authorization: `Bearer ${this.options.defaultToken}` }, null, 2) : '';
    return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>海南省高效政府平台 GraphQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
const endpoint = ${escapeScript(this.options.endpoint)};
const fetcher = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: Object.assign({ 'content-type': 'application/json' }, (options && options.headers) || {}),
    body: JSON.stringify(params),
  });
  return response.json();
};
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultHeaders: ${escapeScript(headers)}, shouldPersistHeaders: true }),
);
</script>
</body>
</html>`;
  }

  @Get('assets/:name')
  @Header('cache-control', 'public, max-age=86400')
  file(@Param('name') name: string, @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void }): string {
    const found = asset(name);
    response.setHeader('content-type', found.type);
    return found.body;
  }
}
