#!/usr/bin/env node
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS launcher, run without compiling */
'use strict';

// The CLI is TypeScript compiled by `npm run build`; this launcher only finds the compiled entry point, so
// `npx podreach` works after `npm ci && npm run build` and says what to do before that.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

if (existsSync(entry)) {
  require(entry);
} else {
  process.stderr.write(`podreach: the CLI is not built yet: run \`npm run build\` in ${root}\n`);
  process.exitCode = 2;
}
