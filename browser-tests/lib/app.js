'use strict';
/*
 * Starts Disclosure Desk for the browser tests and the pictures, and stops it again.
 *
 * - a free port from 8084 upward (other builds on the machine may hold 8080-8083 or some above);
 * - a throwaway data directory (the embedded H2 database lives in ./data of the working directory);
 * - ready when the application logs "Disclosure Desk is ready" (after its start-up runners: demo data, intake
 *   accounts), not merely when the port answers;
 * - the whole process group is stopped at the end (mvn spring-boot:run forks a JVM of its own).
 */
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const READY_LINE = 'Disclosure Desk is ready';
const REPO = path.resolve(__dirname, '..', '..');

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function freePort(from = 8084, to = 8199) {
  for (let port = from; port <= to; port++) {
    if (await portIsFree(port)) {
      return port;
    }
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

function findJar() {
  const target = path.join(REPO, 'target');
  const jars = fs.existsSync(target)
    ? fs.readdirSync(target).filter((f) => /^disclosure-desk-.*\.jar$/.test(f) && !f.endsWith('-plain.jar'))
    : [];
  if (jars.length === 0) {
    throw new Error('no packaged application in target/: run mvn -B package -DskipTests first');
  }
  return path.join(target, jars.sort().pop());
}

/**
 * Starts a command (default: the packaged jar) and resolves with {baseUrl, port, dataDir, stop(), log()} once the
 * ready line appears. Rejects with the log's tail when the process ends first or the timeout passes.
 */
async function startApp(options = {}) {
  const port = options.port || await freePort();
  const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-desk-browser-'));
  const logFile = options.logFile || path.join(REPO, 'target', 'app-' + port + '.log');
  const timeoutMs = options.timeoutMs || 300_000;
  let command = options.command;
  let args = options.args;
  let cwd = options.cwd || dataDir;
  if (!command) {
    command = 'java';
    args = ['-Xmx512m', '-jar', options.jar || findJar(), `--server.port=${port}`];
  }
  const env = { ...process.env, PORT: String(port), ...(options.env || {}) };
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ready = false;
  let exited = null;

  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `the application did not log "${READY_LINE}" within ${timeoutMs / 1000} s; log tail:\n${tail(output)}`)), timeoutMs);
    const onData = (chunk) => {
      log.write(chunk);
      if (!ready) {
        output += chunk.toString();
        if (output.length > 200_000) {
          output = output.slice(-100_000);
        }
        if (output.includes(READY_LINE)) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`the application ended (${signal || code}) before it was ready; log tail:\n${tail(output)}`));
      }
    });
  });

  const stop = async () => {
    if (exited) {
      return;
    }
    const ended = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 20_000);
    await ended;
    clearTimeout(timer);
    // a forked JVM (mvn spring-boot:run) may outlive its parent for a moment
    killGroup(child.pid, 'SIGKILL');
    await new Promise((resolve) => log.end(resolve));
  };

  try {
    await started;
  } catch (e) {
    await stop();
    if (!options.dataDir) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    throw e;
  }
  return { baseUrl: `http://localhost:${port}`, port, dataDir, logFile, pid: child.pid, stop };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') {
      throw e;
    }
  }
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

module.exports = { startApp, freePort, findJar, READY_LINE, REPO };
