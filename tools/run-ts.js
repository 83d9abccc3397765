#!/usr/bin/env node
// Runs a TypeScript entry point from source: SWC compiles on the fly with the
// workspace's decorator settings and path aliases, so no build step stands
// between a checkout and a running platform.
'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.base.json');
require('@swc-node/register');

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node tools/run-ts.js <file.ts> [args…]\n');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
