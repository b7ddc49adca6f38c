'use strict';
/*
 * Issue 17 in the browser: a notice about a demo channel's message is decided (removed under the law) by a moderator
 * over the engine REST API; the public transparency page then shows the period's moderation figures (the table of
 * figures with a non-zero count of removals) and the chart of subjects blocked per day next to the legal orders'
 * chart, without sign-in.
 */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const api = require('../lib/api');

/** A demo message without media, not the one 08-content-review reports (each test gets its own case). */
const REFERENCE = 'https://t.me/demo_news_003/2';

async function removeOverRest(caseNumber, moderator = 'moderator') {
  const tasks = (await api.engineRest('GET', `/task?processInstanceBusinessKey=${caseNumber}`, moderator)).json;
  assert.ok(Array.isArray(tasks) && tasks.length === 1, `one review task of ${caseNumber}: ${JSON.stringify(tasks)}`);
  const task = tasks[0].id;
  const claim = await api.engineRest('POST', `/task/${task}/claim`, moderator, { userId: moderator });
  assert.equal(claim.status, 204, `claim: ${claim.text}`);
  const done = await api.engineRest('POST', `/task/${task}/complete`, moderator, {
    variables: {
      moderationDecision: { value: 'REMOVE' },
      decisionGround: { value: 'ILLEGAL_CONTENT' },
      groundReference: { value: '§ 111 StGB (public incitement to crime)' },
      decisionExplanation: { value: 'The post publicly calls for an attack on a named place and date.' },
      threatToLife: { value: false },
    },
  });
  assert.equal(done.status, 204, `complete review: ${done.text}`);
  return api.awaitCase(caseNumber, 'DECIDED');
}

browserTest('transparency-moderation', 'the transparency page shows the moderation figures and the chart of subjects blocked per day', async ({ newPage, shot }) => {
  const notice = await api.submitNotice({ reference: REFERENCE, explanation: 'A call for an attack on a named place and date.' });
  const caseNumber = notice.caseNumber;
  // a case decided in the last 30 days answers a new notice with its decision: then the demo's data is used as it is
  const current = await api.awaitCase(caseNumber, 'IN_REVIEW', () => true, { timeoutMs: 30_000 })
    .catch(() => api.awaitCase(caseNumber, 'DECIDED'));
  if (current.status === 'IN_REVIEW') {
    const decided = await removeOverRest(caseNumber);
    assert.equal(decided.decision.decision, 'REMOVE');
  }

  const quarter = api.currentQuarter();
  const report = (await api.http('GET', `/api/transparency/report?from=${quarter.from}&to=${quarter.to}`)).json;
  assert.ok(report.moderation, 'the report has its moderation part');
  assert.ok(report.moderation.notices.total >= 1, `notices in ${quarter.from}..${quarter.to}: ${JSON.stringify(report.moderation.notices)}`);
  const removed = report.moderation.actions.byType.REMOVE;
  assert.ok(removed >= 1, `removals in ${quarter.from}..${quarter.to}: ${JSON.stringify(report.moderation.actions)}`);
  const blockedDays = report.moderation.blockedPerDay.filter((d) => d.blocked > 0);
  assert.ok(blockedDays.length >= 1, 'at least one day with a subject blocked');

  const page = await newPage('public');
  await page.goto(`${process.env.DD_BASE_URL}/transparency?from=${quarter.from}&to=${quarter.to}`);

  // the table of moderation figures
  const table = page.locator('#moderation-table');
  await table.locator('tbody tr').first().waitFor();
  assert.equal(await table.locator('td[data-figure="decisions-REMOVE"]').innerText(), String(removed));
  assert.equal(await table.locator('td[data-figure="notices-total"]').innerText(),
    new Intl.NumberFormat('en').format(report.moderation.notices.total));
  assert.ok(await table.locator('tbody tr', { hasText: 'Suspensions (Art. 23)' }).count() === 3, 'three classes of suspension');
  assert.equal(await page.locator('#kpi-notices').innerText(), new Intl.NumberFormat('en').format(report.moderation.notices.total));
  assert.notEqual(await page.locator('#kpi-blocked').innerText(), '0');

  // the chart of subjects blocked per day, next to the legal orders' chart
  const chart = page.locator('#blocked-chart svg');
  await chart.waitFor();
  assert.match(await chart.locator('desc').textContent(), /subjects blocked over \d+ days/);
  assert.ok(await chart.locator('rect.bar-fulfilled').count() >= 1 + 1, 'the chart draws a bar besides its legend');
  // each day has a bar of subjects blocked (and one of blocks lifted on complaint, when there were any: test 08)
  const day = blockedDays[0];
  assert.equal(await chart.locator('rect title', { hasText: `${day.day}: ${day.blocked} blocked` }).count(), 1,
    `a bar of ${day.blocked} blocked on ${day.day}`);
  assert.equal(await page.locator('.charts #chart svg').count(), 1, 'the legal orders\' chart is beside it');
  await page.locator('#moderation').scrollIntoViewIfNeeded();
  await shot(page, 'moderation');
});
