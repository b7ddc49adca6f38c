#!/usr/bin/env node
/*
 * Runs `npm ci --no-audit --no-fund` in this folder unless node_modules was
 * already installed from the current package-lock.json (a hash of the lock
 * file is kept in node_modules/.lock-hash after a successful install).
 * Pass --force to always reinstall.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const HERE = __dirname;
const lockFile = path.join(HERE, 'package-lock.json');
const stampFile = path.join(HERE, 'node_modules', '.lock-hash');

const hash = crypto.createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');
const force = process.argv.includes('--force');

if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf-8').trim() === hash) {
  console.log('browser-tests: node_modules up to date with package-lock.json, skipping npm ci');
  process.exit(0);
}

console.log('browser-tests: npm ci --no-audit --no-fund');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, [ 'ci', '--no-audit', '--no-fund' ], {
  cwd: HERE,
  stdio: 'inherit',
  shell: process.platform === 'win32'
});

if (result.error) {
  console.error('browser-tests: could not run npm:', result.error.message);
  process.exit(1);
}
if (result.status !== 0) {
  process.exit(result.status || 1);
}

fs.writeFileSync(stampFile, hash + '\n');
