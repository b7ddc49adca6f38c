'use strict';
/*
 * Debian's chromium driven by playwright-core (never a downloaded browser), and a wrapper for node:test that
 * saves what a person would want to see: every test ends with a screenshot under target/browser-tests/; a failing
 * test also keeps a screenshot of each of its pages and the browser console log (console messages, page errors,
 * failed requests) next to it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '..', '..', 'target', 'browser-tests');

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-dev-shm-usage', '--headless'];

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * Registers a node:test test that gets a fresh browser; its files in target/browser-tests/ start with id.
 * fn receives {newPage(label), shot(page, name)}: newPage(label) opens a page in its own browser context (its own
 * sign-in), 1400x1000 pixels; shot saves a screenshot named <id>-<name>.png.
 */
function browserTest(id, name, fn, options = {}) {
  return test(name, { timeout: options.timeout || 180_000 }, async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const base = slug(id);
    for (const stale of fs.readdirSync(OUT).filter((f) => f.startsWith(`${base}-FAILED`))) {
      fs.rmSync(path.join(OUT, stale));
    }
    const browser = await launch();
    const pages = [];
    const consoleLog = [];
    const stamp = () => new Date().toISOString().slice(11, 23);

    const newPage = async (label = `page${pages.length + 1}`) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
      context.setDefaultTimeout(options.stepTimeout || 30_000);
      context.setDefaultNavigationTimeout(60_000);
      const page = await context.newPage();
      page.on('console', (m) => consoleLog.push(`${stamp()} [${label}] console.${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleLog.push(`${stamp()} [${label}] page error: ${e.message}`));
      page.on('requestfailed', (r) => consoleLog.push(`${stamp()} [${label}] request failed: ${r.method()} ${r.url()} ${r.failure() && r.failure().errorText}`));
      page.on('response', (r) => {
        if (r.status() >= 400) {
          consoleLog.push(`${stamp()} [${label}] HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
        }
      });
      pages.push({ label, page });
      return page;
    };
    const shot = async (page, suffix) => {
      const file = path.join(OUT, `${base}-${slug(suffix)}.png`);
      await page.screenshot({ path: file });
      return file;
    };

    try {
      await fn({ newPage, shot });
      const last = pages[pages.length - 1];
      if (last) {
        await last.page.screenshot({ path: path.join(OUT, `${base}.png`) });
      }
    } catch (error) {
      for (const { label, page } of pages) {
        await page.screenshot({ path: path.join(OUT, `${base}-FAILED-${slug(label)}.png`) }).catch(() => {});
      }
      fs.writeFileSync(path.join(OUT, `${base}-FAILED.console.log`),
        `${name}\n${error && error.stack}\n\nBrowser console:\n${consoleLog.join('\n')}\n`);
      console.error(`browser-tests: kept screenshots and the console log of "${name}" in ${path.relative(process.cwd(), OUT)}/${base}-FAILED*`);
      throw error;
    } finally {
      await browser.close();
    }
  });
}

module.exports = { launch, browserTest, OUT, CHROMIUM, LAUNCH_ARGS };
