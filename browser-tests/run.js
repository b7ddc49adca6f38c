#!/usr/bin/env node
/*
 * The browser tests, as `mvn -B verify` runs them (integration-test phase, after the jar is packaged):
 *
 *   1. Debian's chromium at /usr/bin/chromium, installed with apt-get when missing (as root; never a downloaded
 *      browser). Without it and without a way to install it: skipped with a warning, or a failure when CI or
 *      BROWSER_TESTS_REQUIRED is set (.ci/run sets it).
 *   2. npm ci of playwright-core and bpmn-js unless node_modules matches package-lock.json.
 *   3. tests/*.test.js against the packaged application (java -Xmx512m -jar target/disclosure-desk-*.jar) on a free
 *      port from 8084 and a throwaway data directory.
 *   4. newcomer/*.test.js: README's quick start word by word (it starts the application itself, as README says).
 *
 * Screenshots, failure console logs and the application logs go to target/browser-tests/.
 *
 *   node browser-tests/run.js [--jar FILE] [--only tests|newcomer] [file.test.js ...]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const HERE = __dirname;
const REPO = path.resolve(HERE, '..');
const OUT = path.join(REPO, 'target', 'browser-tests');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) {
    return true;
  }
  const canApt = process.getuid && process.getuid() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (canApt) {
    console.log('browser-tests: installing Debian\'s chromium (apt-get install chromium)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install && install.status === 0 && fs.existsSync(CHROMIUM)) {
      return true;
    }
  }
  const message = `browser-tests: no chromium at ${CHROMIUM} and no way to install it here (needs root and apt-get: `
    + 'apt-get install chromium)';
  if (process.env.CI || process.env.BROWSER_TESTS_REQUIRED) {
    console.error(`${message}; CI or BROWSER_TESTS_REQUIRED is set, so this fails the build`);
    process.exit(1);
  }
  console.warn(`${message}; the browser tests are SKIPPED`);
  return false;
}

function ensureDeps() {
  const result = spawnSync(process.execPath, [path.join(HERE, '..', 'src', 'bpmnlint', 'ensure-deps.js'), HERE], { stdio: 'inherit', cwd: HERE });
  if (result.status !== 0) {
    process.exit(result.status || 1);
  }
}

/** Loads the web apps' pages once, so that the first test does not pay for the application's first requests. */
async function warmUp(baseUrl) {
  const { launch } = require('./lib/browser');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const app of ['tasklist', 'cockpit']) {
      await page.goto(`${baseUrl}/camunda/app/${app}/default/`, { timeout: 120_000 });
      await page.getByPlaceholder('Username').waitFor({ timeout: 120_000 });
    }
    await page.goto(`${baseUrl}/transparency`, { timeout: 120_000 });
  } finally {
    await browser.close();
  }
}

/** Runs node --test on one file; resolves with {pass, fail} counted from a TAP copy of its report. */
function nodeTestFile(file, env) {
  return new Promise((resolve) => {
    const tap = path.join(OUT, `.report-${process.pid}-${Date.now()}.tap`);
    const child = spawn(process.execPath, ['--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`, file],
    { cwd: HERE, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => {
      const report = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf-8') : '';
      fs.rmSync(tap, { force: true });
      const count = (name) => Number((report.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) || [0, 0])[1]);
      const pass = count('pass');
      let fail = count('fail') + count('cancelled');
      if (code !== 0 && fail === 0) {
        fail = 1; // the runner itself failed (a file that did not load, a hook that threw)
      }
      resolve({ pass, fail });
    });
  });
}

/** The files one after the other (they share one application; Node 18 has no --test-concurrency). */
async function nodeTest(files, env) {
  const total = { pass: 0, fail: 0 };
  for (const file of files) {
    const result = await nodeTestFile(file, env);
    total.pass += result.pass;
    total.fail += result.fail;
  }
  return total;
}

function listTests(folder) {
  return fs.readdirSync(path.join(HERE, folder)).filter((f) => f.endsWith('.test.js')).sort()
    .map((f) => path.join(folder, f));
}

async function main() {
  const started = Date.now();
  if (!ensureChromium()) {
    return 0;
  }
  ensureDeps();
  fs.mkdirSync(OUT, { recursive: true });
  for (const old of fs.readdirSync(OUT)) {
    fs.rmSync(path.join(OUT, old), { recursive: true, force: true });
  }
  const { startApp } = require('./lib/app');

  const only = arg('--only');
  const named = process.argv.slice(2).filter((a) => a.endsWith('.test.js'));
  const suites = named.length > 0
    ? { tests: named.filter((f) => !f.includes('newcomer')), newcomer: named.filter((f) => f.includes('newcomer')) }
    : { tests: listTests('tests'), newcomer: listTests('newcomer') };
  const totals = { pass: 0, fail: 0 };

  if (suites.tests.length > 0 && only !== 'newcomer') {
    console.log(`browser-tests: starting the packaged application (${arg('--jar') || 'target/disclosure-desk-*.jar'})`);
    const app = await startApp({ jar: arg('--jar'), logFile: path.join(OUT, 'app.log') });
    console.log(`browser-tests: application ready at ${app.baseUrl} after ${Math.round((Date.now() - started) / 1000)} s; data in ${app.dataDir}`);
    try {
      await warmUp(app.baseUrl);
      const result = await nodeTest(suites.tests, { DD_BASE_URL: app.baseUrl });
      totals.pass += result.pass;
      totals.fail += result.fail;
    } finally {
      await app.stop();
      fs.rmSync(app.dataDir, { recursive: true, force: true });
    }
  }
  if (suites.newcomer.length > 0 && only !== 'tests') {
    console.log('browser-tests: README\'s quick start, word by word (starts the application with README\'s command)');
    const result = await nodeTest(suites.newcomer, {});
    totals.pass += result.pass;
    totals.fail += result.fail;
  }

  console.log(`browser-tests: screenshots and logs in ${path.relative(process.cwd(), OUT) || OUT}; `
    + `${Math.round((Date.now() - started) / 1000)} s in all`);
  console.log(`browser-tests: ${totals.pass} passed, ${totals.fail} failed`);
  return totals.fail > 0 || totals.pass === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error('browser-tests:', error && error.stack || error);
  process.exit(1);
});
