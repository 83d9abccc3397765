// Entry of a service thread: compiles TypeScript on the fly like tools/run-ts.js.
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.resolve(__dirname, '../../../tsconfig.base.json');
require('@swc-node/register');
require('./service-thread.ts');
