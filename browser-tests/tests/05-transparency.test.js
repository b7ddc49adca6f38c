'use strict';
/* The public transparency page renders its table and chart for a period with data, without sign-in. */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const api = require('../lib/api');

browserTest('transparency', 'the transparency page renders its table and chart for a period with data', async ({ newPage }) => {
  // one more disclosed order from Germany in the current quarter
  const trackingNumber = await api.submitOrder('AZ-TRANSPARENCY');
  await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');
  await api.completeAnalysisOverRest(trackingNumber);
  await api.approveOverRest(trackingNumber);
  const quarter = api.currentQuarter();
  const report = (await api.http('GET', `/api/transparency/report?from=${quarter.from}&to=${quarter.to}`)).json;
  const germany = report.countries.find((c) => c.country === 'DE');
  assert.ok(germany && germany.requestsFulfilled >= 1, `the report of ${quarter.from}..${quarter.to} should count a fulfilled German request`);

  const page = await newPage('public');
  await page.goto(`${process.env.DD_BASE_URL}/transparency`);
  // the visitor picks the current quarter (in progress) in the period picker
  await page.locator('#mode-quarter').check();
  await page.locator('#quarter').selectOption(`${quarter.from}_${quarter.to}`);
  await page.getByRole('button', { name: 'Show report' }).click();
  await page.waitForURL(new RegExp(`from=${quarter.from}&to=${quarter.to}`)).catch(() => {});

  const row = page.locator('#countries tbody tr', { hasText: 'Germany' });
  await row.waitFor();
  const cells = (await row.locator('td, th').allInnerTexts()).map((c) => c.trim());
  assert.match(cells[0], /^Germany\s*DE$/);
  assert.equal(cells[1], String(germany.requests), `requests in ${cells}`);
  assert.equal(cells[3], String(germany.requestsFulfilled), `requests fulfilled in ${cells}`);
  assert.equal(cells[4], String(germany.usersAffected), `users affected in ${cells}`);
  assert.equal(await page.locator('#kpi-fulfilled').innerText(), String(report.totals.requestsFulfilled));

  // the chart: an SVG with a labelled bar for Germany
  const chart = page.locator('#chart svg');
  await chart.waitFor();
  assert.match(await chart.locator('desc').textContent(), /Germany/);
  assert.ok(await chart.locator('text', { hasText: 'Germany' }).count() >= 1, 'the chart labels Germany');
  assert.ok(await chart.locator('rect').count() >= 3, 'the chart draws bars');
  await page.locator('#bot-lines li', { hasText: 'Fulfilled requests from Germany for IP address and/or phone number' }).waitFor();
  await page.locator('#countries').scrollIntoViewIfNeeded();
});
