'use strict';
/*
 * README's newcomer's path, word by word: the blocks marked <!-- newcomer:... --> in README.md are run as they are
 * written, in the repository, with two differences a newcomer doesn't have: the port (PORT, and localhost:8080 in the
 * commands becomes that port, since other builds may hold 8080) and a throwaway database (SPRING_DATASOURCE_URL), so
 * that the database is fresh like a clean clone's and a developer's ./data is left alone. The Tasklist steps follow
 * README's sentence: the names it gives (filters, tasks, choices) are the ones clicked.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { after, before } = require('node:test');
const { startApp, freePort, REPO } = require('../lib/app');
const { browserTest, OUT } = require('../lib/browser');
const { signIn, tasklist } = require('../lib/camunda');
const { readme, section, onPort } = require('../lib/readme');

let app;
let port;

function run(command) {
  return execFileSync('bash', ['-euo', 'pipefail', '-c', onPort(command, port)], { cwd: REPO, encoding: 'utf-8', timeout: 30_000 });
}

function json(output, what) {
  try {
    return JSON.parse(output);
  } catch (e) {
    throw new Error(`${what} did not answer JSON: ${output}`);
  }
}

before(async () => {
  port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-desk-newcomer-'));
  fs.mkdirSync(OUT, { recursive: true });
  try {
    app = await startApp({
      command: 'bash',
      args: ['-euo', 'pipefail', '-c', section('start')],
      cwd: REPO,
      port,
      dataDir,
      logFile: path.join(OUT, 'newcomer-app.log'),
      env: { SPRING_DATASOURCE_URL: `jdbc:h2:file:${dataDir}/data/disclosure-desk;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000` },
      timeoutMs: 360_000,
    });
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  process.env.DD_BASE_URL = app.baseUrl;
});

after(async () => {
  if (app) {
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
});

browserTest('newcomer', "README's quick start and Try it, followed word by word on a fresh database", async ({ newPage, shot }) => {
  const text = readme();

  // submit the example order with README's curl command: the tracking number README announces
  const announced = text.match(/holds the tracking number, `(LO-\d{4}-\d{6})` on a fresh database/);
  assert.ok(announced, 'README should name the tracking number of the example order on a fresh database');
  const trackingNumber = announced[1];
  const submitted = json(run(section('submit')), 'the submit command');
  assert.equal(submitted.trackingNumber, trackingNumber, `submit answered ${JSON.stringify(submitted)}`);
  assert.equal(submitted.status, 'RECEIVED');
  assert.equal(json(run(section('submit')), 'the submit command, again').trackingNumber, trackingNumber);

  // follow it until README's status
  const follow = section('follow');
  assert.ok(follow.includes(trackingNumber), 'the follow command should ask for the announced tracking number');
  let followed;
  for (let i = 0; i < 60; i++) {
    followed = json(run(follow), 'the follow command');
    if (followed.status !== 'RECEIVED') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(followed.status, 'IN_LEGAL_ANALYSIS',
    `README says the order waits for the legal analysis; it is ${followed.status}: ${JSON.stringify(followed.timeline)}`);

  // the Tasklist steps, with the names README gives
  const steps = section('tasklist');
  const analysis = steps.match(/sign in to Tasklist \((http:\/\/localhost:8080\/\S+)\) as `([^`]+)`, open \*\*([^*]+)\*\*, claim \*([^*]+)\*, choose \*([^*]+)\*, tick the data to disclose, write the reasoning and complete/);
  const approval = steps.match(/Sign in as `([^`]+)`, open \*\*([^*]+)\*\*, claim \*([^*]+)\* and approve/);
  assert.ok(analysis && approval, `README's Tasklist steps changed; the newcomer test reads them as written: ${steps}`);
  const [, tasklistUrl, analyst, analysisFilter, analysisTask, decision] = analysis;
  const [, approver, approvalFilter, approvalTask] = approval;

  const analystPage = await newPage(analyst);
  await signIn(analystPage, 'tasklist', analyst, analyst, { url: onPort(tasklistUrl, port) });
  await tasklist.openFilter(analystPage, analysisFilter);
  await tasklist.openTask(analystPage, analysisTask);
  await analystPage.locator('.fjs-form').getByText(trackingNumber).first().waitFor();
  await tasklist.claim(analystPage);
  await tasklist.waitUntilClaimedBy(analystPage, analyst);
  await analystPage.getByRole('radio', { name: decision }).check();
  for (const category of ['IP addresses', 'Phone number']) {
    await analystPage.getByRole('checkbox', { name: category }).check();
  }
  await analystPage.getByLabel('Legal reasoning').fill('Valid court order naming the suspect; drug trafficking violates the Terms of Service.');
  await tasklist.complete(analystPage);
  await tasklist.waitUntilCompleted(analystPage, analysisTask);

  const approverPage = await newPage(approver);
  await signIn(approverPage, 'tasklist', approver, approver, { url: onPort(tasklistUrl, port) });
  await tasklist.openFilter(approverPage, approvalFilter);
  await tasklist.openTask(approverPage, approvalTask);
  await approverPage.locator('.fjs-form').getByText(trackingNumber).first().waitFor();
  await tasklist.claim(approverPage);
  await tasklist.waitUntilClaimedBy(approverPage, approver);
  await approverPage.getByRole('radio', { name: 'Approve' }).check();
  await tasklist.complete(approverPage);
  await tasklist.waitUntilCompleted(approverPage, approvalTask);

  // "The status becomes DISCLOSED"
  assert.match(steps, /The status becomes `DISCLOSED`/);
  for (let i = 0; i < 120; i++) {
    followed = json(run(follow), 'the follow command');
    if (followed.status === 'DISCLOSED' && followed.timeline.some((e) => e.step === 'CLOSED')) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(followed.status, 'DISCLOSED', JSON.stringify(followed.timeline));

  // the transparency report: Germany, one request fulfilled, one user affected
  assert.match(text, /Germany: one request fulfilled, one user\s+affected/);
  const report = json(run(section('report')), 'the report command');
  const germany = report.countries.find((c) => c.country === 'DE');
  assert.ok(germany, `the report should list Germany: ${JSON.stringify(report)}`);
  assert.equal(germany.requests, 1);
  assert.equal(germany.requestsFulfilled, 1);
  assert.equal(germany.usersAffected, 1);

  const pageLink = text.match(/public page (http:\/\/localhost:8080\/transparency\?\S+)/);
  assert.ok(pageLink, 'README should link the transparency page of the period');
  const publicPage = await newPage('public');
  await publicPage.goto(onPort(pageLink[1], port));
  const row = publicPage.locator('#countries tbody tr', { hasText: 'Germany' });
  await row.waitFor();
  const cells = (await row.locator('td, th').allInnerTexts()).map((c) => c.trim());
  assert.deepEqual([cells[1], cells[3], cells[4]], ['1', '1', '1'], `Germany's row: ${cells}`);
  await shot(publicPage, 'transparency');
  // part two: a notice from the reporting bot, reviewed by a moderator in Tasklist, as README says
  const announcedCase = text.match(/names the notice and its case, `(CR-\d{4}-\d{6})` on a fresh database/);
  assert.ok(announcedCase, 'README should name the case number of the example notice on a fresh database');
  const caseNumber = announcedCase[1];
  const receipt = json(run(section('notice')), 'the notice command');
  assert.equal(receipt.caseNumber, caseNumber, `the notice was answered ${JSON.stringify(receipt)}`);
  assert.equal(json(run(section('notice')), 'the notice command, again').noticeId, receipt.noticeId);

  const moderation = section('moderation');
  const review = moderation.match(/Sign in to Tasklist as `([^`]+)`, open \*\*([^*]+)\*\*, open \*([^*]+)\* and claim it: .* Choose \*([^*]+)\*, ground \*([^*]+)\*, name the law, explain and complete\. The case becomes `([A-Z_]+)`/);
  assert.ok(review, `README's moderation steps changed; the newcomer test reads them as written: ${moderation}`);
  const [, moderatorUser, reviewFilter, reviewTask, moderationDecision, ground, decidedStatus] = review;
  const moderatorPage = await newPage(moderatorUser);
  await signIn(moderatorPage, 'tasklist', moderatorUser, moderatorUser, { url: onPort(tasklistUrl, port) });
  await tasklist.openFilter(moderatorPage, reviewFilter);
  await tasklist.openTask(moderatorPage, reviewTask);
  const reviewForm = moderatorPage.locator('.fjs-form');
  await reviewForm.getByText(caseNumber).first().waitFor();
  await tasklist.claim(moderatorPage);
  await tasklist.waitUntilClaimedBy(moderatorPage, moderatorUser);
  assert.match(moderation, /blurred and grey until you choose \*Show media\*/);
  await reviewForm.locator('img.dd-media-blurred').first().waitFor();
  await reviewForm.locator('details.dd-reveal summary', { hasText: 'Show media' }).first().click();
  await reviewForm.locator('details.dd-reveal img.dd-media').first().waitFor();
  await moderatorPage.getByRole('radio', { name: moderationDecision, exact: true }).check();
  await moderatorPage.getByRole('radio', { name: ground, exact: true }).check();
  await moderatorPage.getByLabel(/Law or Terms of Service clause/).fill('§ 111 StGB');
  await moderatorPage.getByLabel(/^Explanation/).fill('The post publicly calls for an attack on a named place and date.');
  await tasklist.complete(moderatorPage);
  await tasklist.waitUntilCompleted(moderatorPage, reviewTask);

  const followCase = section('case');
  assert.ok(followCase.includes(caseNumber), 'the case command should ask for the announced case number');
  let decidedCase;
  for (let i = 0; i < 120; i++) {
    decidedCase = json(run(followCase), 'the case command');
    if (decidedCase.status === decidedStatus) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(decidedCase.status, decidedStatus, JSON.stringify(decidedCase));
  const feed = json(run(section('messages')), 'the messages command');
  const items = Array.isArray(feed) ? feed : (feed.messages || []);
  const kinds = items.filter((m) => m.caseNumber === caseNumber).map((m) => m.kind);
  for (const kind of ['RECEIPT', 'DECISION', 'STATEMENT_OF_REASONS']) {
    assert.ok(kinds.includes(kind), `README says the bot's feed holds ${kind}: ${kinds}`);
  }

  // issue 17: the statement of reasons for the DSA Transparency Database, without the notifier's details
  const statementsText = run(section('statements'));
  const statements = json(statementsText, 'the statements command').statements || [];
  const statement = statements.find((s) => s.caseNumber === caseNumber || String(s.puid).startsWith(caseNumber));
  assert.ok(statement, `README says the exporter's feed holds the statement of ${caseNumber}: ${statementsText.slice(0, 500)}`);
  assert.deepEqual(statement.statement.decision_visibility, ['DECISION_VISIBILITY_CONTENT_REMOVED']);
  for (const personal of ['A. Reporter', 'reporter@mail.example', 'u-88412']) {
    assert.ok(!statementsText.includes(personal), `the statements feed shows ${personal}`);
  }
});
