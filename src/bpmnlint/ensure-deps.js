#!/usr/bin/env node
/*
 * Runs `npm ci --no-audit --no-fund` in a folder (this one, or the folder given
 * as argument: browser-tests/ uses it too) unless node_modules was already
 * installed from the current package-lock.json (a hash of the lock file is
 * kept in node_modules/.lock-hash after a successful install).
 * Pass --force to always reinstall.
 *
 * Usage: node ensure-deps.js [DIR] [--force]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const HERE = dirArg ? path.resolve(dirArg) : __dirname;
const NAME = path.basename(HERE) === 'bpmnlint' ? 'bpmnlint' : path.basename(HERE);
const lockFile = path.join(HERE, 'package-lock.json');
const stampFile = path.join(HERE, 'node_modules', '.lock-hash');

const hash = crypto.createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');
const force = process.argv.includes('--force');

if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf-8').trim() === hash) {
  console.log(NAME + ': node_modules up to date with package-lock.json, skipping npm ci');
  process.exit(0);
}

console.log(NAME + ': npm ci --no-audit --no-fund');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, [ 'ci', '--no-audit', '--no-fund' ], {
  cwd: HERE,
  stdio: 'inherit',
  shell: process.platform === 'win32'
});

if (result.error) {
  console.error(NAME + ': could not run npm:', result.error.message);
  process.exit(1);
}
if (result.status !== 0) {
  process.exit(result.status || 1);
}

fs.writeFileSync(stampFile, hash + '\n');
