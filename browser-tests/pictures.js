#!/usr/bin/env node
/*
 * Regenerates the pictures in docs/images/ (run it through browser-tests/pictures.sh, which packages the
 * application first):
 *
 *   - the BPMN diagrams of processes/*.bpmn, rendered by the bpmn-js viewer (npm) in headless chromium, as SVG;
 *   - the main screens, from the packaged application on a throwaway database: the analysis form and the approval
 *     in Tasklist, the four-eyes refusal, an order in Cockpit, and the transparency page with some orders in it.
 *
 *   node browser-tests/pictures.js [--jar FILE] [--only diagrams|screens]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const HERE = __dirname;
const REPO = path.resolve(HERE, '..');
const IMAGES = path.join(REPO, 'docs', 'images');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function log(message) {
  console.log(`pictures: ${message}`);
}

/** Each processes/*.bpmn as docs/images/<name>.svg, drawn by bpmn-js's viewer as the modeler would show it. */
async function diagrams(browser) {
  const dist = path.join(HERE, 'node_modules', 'bpmn-js', 'dist');
  const page = await browser.newPage({ viewport: { width: 2400, height: 1400 } });
  await page.setContent('<!DOCTYPE html><html><body style="margin:0"><div id="canvas" style="width:2400px;height:1400px"></div></body></html>');
  await page.addStyleTag({ path: path.join(dist, 'assets', 'diagram-js.css') });
  await page.addStyleTag({ path: path.join(dist, 'assets', 'bpmn-js.css') });
  await page.addScriptTag({ path: path.join(dist, 'bpmn-viewer.production.min.js') });
  const files = fs.readdirSync(path.join(REPO, 'processes')).filter((f) => f.endsWith('.bpmn')).sort();
  for (const file of files) {
    const xml = fs.readFileSync(path.join(REPO, 'processes', file), 'utf-8');
    const result = await page.evaluate(async (bpmn) => {
      if (window.viewer) {
        window.viewer.destroy();
      }
      window.viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(bpmn);
      const canvas = window.viewer.get('canvas');
      const main = canvas.getRootElement();
      canvas.zoom('fit-viewport');
      const { svg } = await window.viewer.saveSVG();
      // each collapsed sub-process is a plane of its own (drill-down in the modeler and Cockpit): one picture each
      const planes = [];
      for (const root of canvas.getRootElements().filter((r) => r !== main && r.businessObject)) {
        canvas.setRootElement(root);
        canvas.zoom('fit-viewport');
        planes.push({ id: root.businessObject.id, svg: (await window.viewer.saveSVG()).svg });
      }
      canvas.setRootElement(main);
      return { svg, planes, warnings: warnings.map((w) => w.message) };
    }, xml);
    if (result.warnings.length > 0) {
      throw new Error(`${file}: bpmn-js reported ${result.warnings.join('; ')}`);
    }
    // bpmn-js names its arrow-head markers at random: number them, so that an unchanged model gives the same file
    const pictures = [{ name: file.replace(/\.bpmn$/, '.svg'), svg: result.svg }].concat(
      result.planes.map((plane) => ({ name: file.replace(/\.bpmn$/, `.${plane.id}.svg`), svg: plane.svg })));
    for (const picture of pictures) {
      const markers = new Map();
      const svg = picture.svg.replace(/marker-[a-z0-9]{16,}/g, (id) => {
        if (!markers.has(id)) {
          markers.set(id, `marker-${markers.size + 1}`);
        }
        return markers.get(id);
      });
      const target = path.join(IMAGES, picture.name);
      fs.writeFileSync(target, svg.endsWith('\n') ? svg : svg + '\n');
      log(`${path.relative(REPO, target)} (${file})`);
    }
  }
  await page.close();
}

async function screens(browser) {
  const { startApp } = require('./lib/app');
  const app = await startApp({ jar: arg('--jar'), logFile: path.join(REPO, 'target', 'pictures-app.log') });
  process.env.DD_BASE_URL = app.baseUrl;
  log(`application ready at ${app.baseUrl}`);
  const api = require('./lib/api');
  const { signIn, notification, tasklist, cockpit } = require('./lib/camunda');

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    return context.newPage();
  };
  const save = async (page, name, options = {}) => {
    const file = path.join(IMAGES, name);
    await page.screenshot({ path: file, ...options });
    log(path.relative(REPO, file));
  };

  try {
    // some history first, so that the transparency page and Tasklist have something to show
    for (const [prefix, user, overrides, decision] of [
      ['AZ-2026-4690', 'police-de', {}, 'DISCLOSE'],
      ['AZ-2026-4702', 'police-de', { targets: [{ type: 'USERNAME', value: '@demo0007' }] }, 'REJECT'],
      ['NDCA-26-0311', 'court-us', {
        authority: { name: 'U.S. District Court for the Northern District of California', country: 'US', contactEmail: 'clerk@cand.uscourts.example' },
        issuer: { type: 'JUDGE', name: 'Magistrate Judge' }, orderType: 'SEARCH_WARRANT', offence: 'FRAUD',
        targets: [{ type: 'USERNAME', value: '@demo0100' }, { type: 'USERNAME', value: '@demo0101' }],
      }, 'DISCLOSE'],
    ]) {
      const tn = await api.submitOrder(prefix, overrides, user, { exact: true });
      await api.awaitStatus(tn, 'IN_LEGAL_ANALYSIS');
      await api.completeAnalysisOverRest(tn, 'analyst2', decision);
      if (decision === 'DISCLOSE') {
        await api.approveOverRest(tn);
      }
    }

    // the analysis in Tasklist, filled in
    const trackingNumber = await api.submitOrder('AZ-2026-4711', {}, 'police-de', { exact: true });
    await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');
    const analyst = await newPage();
    await signIn(analyst, 'tasklist', 'analyst');
    await tasklist.openFilter(analyst, 'Legal analysis');
    await tasklist.openTask(analyst, 'Analyse legal order');
    await analyst.locator('.fjs-form').getByText(trackingNumber).first().waitFor();
    await save(analyst, 'tasklist-analysis-order.png');
    await tasklist.claim(analyst);
    await tasklist.waitUntilClaimedBy(analyst, 'analyst');
    await analyst.getByRole('radio', { name: 'Disclose' }).check();
    await analyst.getByRole('checkbox', { name: 'IP addresses' }).check();
    await analyst.getByRole('checkbox', { name: 'Phone number' }).check();
    await analyst.getByLabel('Legal reasoning').fill('Valid court order of the Amtsgericht Tiergarten naming the suspect; '
      + 'drug trafficking violates the Terms of Service; IP addresses and the phone number are proportionate.');
    await analyst.getByRole('button', { name: 'Complete', exact: true }).scrollIntoViewIfNeeded();
    await save(analyst, 'tasklist-analysis.png');
    await tasklist.complete(analyst);
    await tasklist.waitUntilCompleted(analyst, 'Analyse legal order');
    await api.awaitStatus(trackingNumber, 'AWAITING_APPROVAL');

    // the approval: the analysis and the decision
    const approver = await newPage();
    await signIn(approver, 'tasklist', 'approver');
    await tasklist.openFilter(approver, 'Approvals');
    await tasklist.openTask(approver, 'Approve disclosure');
    await tasklist.claim(approver);
    await tasklist.waitUntilClaimedBy(approver, 'approver');
    await approver.getByRole('radio', { name: 'Approve' }).check();
    await approver.getByRole('button', { name: 'Complete', exact: true }).scrollIntoViewIfNeeded();
    await save(approver, 'tasklist-approval.png');

    // Cockpit: that order, waiting for its approval
    const admin = await newPage();
    await signIn(admin, 'cockpit', 'admin');
    await cockpit.openInstanceByBusinessKey(admin, 'Legal order', trackingNumber);
    await cockpit.tokensOn(admin, 'SubProcess_Approval');
    await save(admin, 'cockpit-instance.png');

    await tasklist.complete(approver);
    await tasklist.waitUntilCompleted(approver, 'Approve disclosure');
    await api.awaitStatus(trackingNumber, 'DISCLOSED', { closed: true });

    // four eyes: a user in both groups may not approve what they analysed
    const both = await api.ensureUserInBothGroups('both');
    const fourEyes = await api.submitOrder('AZ-2026-4720', {}, 'police-de', { exact: true });
    await api.awaitStatus(fourEyes, 'IN_LEGAL_ANALYSIS');
    await api.completeAnalysisOverRest(fourEyes, both.id);
    const counsel = await newPage();
    await signIn(counsel, 'tasklist', both.id, both.password);
    await tasklist.openFilter(counsel, 'Approvals');
    await tasklist.searchByBusinessKey(counsel, fourEyes);
    await tasklist.openTask(counsel, 'Approve disclosure');
    await tasklist.claim(counsel);
    await notification(counsel, /Four-eyes/);
    await save(counsel, 'tasklist-four-eyes.png');

    // part two: a moderator's review, the media blurred, then shown
    const notice = await api.submitNotice({ reference: api.DEMO_MESSAGE_WITH_MEDIA,
      explanation: 'The post calls for an attack on a named place and date.' });
    await api.awaitCase(notice.caseNumber, 'IN_REVIEW');
    const moderator = await newPage();
    await signIn(moderator, 'tasklist', 'moderator');
    await tasklist.openFilter(moderator, 'Content to review');
    await tasklist.searchByBusinessKey(moderator, notice.caseNumber);
    await tasklist.openTask(moderator, 'Review reported content');
    await tasklist.claim(moderator);
    await tasklist.waitUntilClaimedBy(moderator, 'moderator');
    const blurred = moderator.locator('.fjs-form img.dd-media-blurred').first();
    await blurred.waitFor();
    await moderator.waitForFunction((img) => img.complete && img.naturalWidth > 0, await blurred.elementHandle());
    await blurred.scrollIntoViewIfNeeded();
    await save(moderator, 'tasklist-review-content.png');
    await moderator.locator('.fjs-form details.dd-reveal summary').first().click();
    const clear = moderator.locator('.fjs-form details.dd-reveal img.dd-media').first();
    await moderator.waitForFunction((img) => img.complete && img.naturalWidth > 0, await clear.elementHandle());
    await clear.scrollIntoViewIfNeeded();
    await save(moderator, 'tasklist-review-content-shown.png');

    // the public transparency page, current quarter
    const quarter = api.currentQuarter();
    const visitor = await newPage();
    await visitor.goto(`${app.baseUrl}/transparency?from=${quarter.from}&to=${quarter.to}`);
    await visitor.locator('#countries tbody tr', { hasText: 'Germany' }).waitFor();
    await visitor.locator('#chart svg').waitFor();
    await save(visitor, 'transparency.png', { fullPage: true });
  } finally {
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const deps = spawnSync(process.execPath, [path.join(HERE, '..', 'src', 'bpmnlint', 'ensure-deps.js'), HERE], { stdio: 'inherit', cwd: HERE });
  if (deps.status !== 0) {
    process.exit(deps.status || 1);
  }
  const { launch } = require('./lib/browser');
  fs.mkdirSync(IMAGES, { recursive: true });
  const browser = await launch();
  try {
    const only = arg('--only');
    if (only !== 'screens') {
      await diagrams(browser);
    }
    if (only !== 'diagrams') {
      await screens(browser);
    }
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error('pictures:', error && error.stack || error);
  process.exit(1);
});
