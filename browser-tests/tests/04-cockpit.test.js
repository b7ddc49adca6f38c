'use strict';
/* An administrator finds an order in Cockpit by its tracking number (the business key) and sees where it stands. */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, cockpit } = require('../lib/camunda');
const api = require('../lib/api');

browserTest('cockpit', 'an administrator finds the order in Cockpit by its tracking number and sees where it stands', async ({ newPage, shot }) => {
  const trackingNumber = await api.submitOrder('AZ-COCKPIT');
  await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');
  await api.completeAnalysisOverRest(trackingNumber);

  const page = await newPage('admin');
  await signIn(page, 'cockpit', 'admin');
  await cockpit.openInstanceByBusinessKey(page, 'Legal order', trackingNumber);

  const info = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  assert.match(info, new RegExp(`Business Key: ${trackingNumber}`));
  assert.match(info, /Definition Key: legal-order/);
  // the diagram shows the one token waiting in the approval (a collapsed sub-process), none in the analysis any more
  assert.equal(await cockpit.tokensOn(page, 'SubProcess_Approval'), 1);
  assert.equal(await page.locator('.djs-overlays[data-container-id="SubProcess_LegalAnalysis"] .badge.instance-count').count(), 0);
  // drilled down, the token waits at the approval task
  assert.equal(await cockpit.tokensOn(page, 'Task_Approval', 'SubProcess_Approval'), 1);
  assert.equal(await page.locator('.djs-overlays[data-container-id="Task_LegalAnalysis"] .badge.instance-count').count(), 0);
  // and the open user task is the approval, for the approvers
  await page.getByRole('link', { name: 'User Tasks' }).click();
  const taskRow = page.locator('table tbody tr', { hasText: 'Approve disclosure' });
  await taskRow.waitFor();
  assert.equal(await page.locator('table tbody tr', { hasText: 'Analyse legal order' }).count(), 0);
  await shot(page, 'instance');
});
