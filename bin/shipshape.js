#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const cli = resolve(__dirname, '../dist/cli.js');
// A checkout where `npm ci` ran with --ignore-scripts, or a build that was cleaned: say what makes it.
if (!existsSync(cli)) {
  const root = resolve(__dirname, '..');
  const fix = existsSync(join(root, 'src')) ? `run \`npm run prepare\` in ${root}` : 'reinstall the shipshape package';
  process.stderr.write(`shipshape: ${cli} is missing; ${fix} to build it.\n`);
  process.exitCode = 2;
} else {
  // main returns the exit code, or a promise of it for long-running commands (the language server).
  Promise.resolve(require(cli).main(process.argv.slice(2))).then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  });
}
