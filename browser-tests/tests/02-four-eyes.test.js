'use strict';
/*
 * Four eyes, seen in the browser: a user in both legal-analysts and legal-approvers who analysed an order is told
 * plainly that they cannot approve it, and the order stays where it was.
 */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, notification, tasklist } = require('../lib/camunda');
const api = require('../lib/api');

browserTest('four-eyes', 'a user in both groups who did the analysis gets a clear message when trying to approve', async ({ newPage, shot }) => {
  const both = await api.ensureUserInBothGroups('both');
  const trackingNumber = await api.submitOrder('AZ-4EYES');
  await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');

  const page = await newPage('both');
  await signIn(page, 'tasklist', both.id, both.password);
  await tasklist.openFilter(page, 'Legal analysis');
  await tasklist.searchByBusinessKey(page, trackingNumber);
  await tasklist.openTask(page, 'Analyse legal order');
  await tasklist.claim(page);
  await tasklist.waitUntilClaimedBy(page, 'Both Groups');
  await page.getByRole('radio', { name: 'Disclose' }).check();
  await page.getByRole('checkbox', { name: 'IP addresses' }).check();
  await page.getByLabel('Legal reasoning').fill('Valid court order naming the suspect; the offence violates the Terms of Service.');
  await tasklist.complete(page);
  await tasklist.waitUntilCompleted(page, 'Analyse legal order');
  await api.awaitStatus(trackingNumber, 'AWAITING_APPROVAL');

  await tasklist.openFilter(page, 'Approvals');
  await tasklist.searchByBusinessKey(page, trackingNumber);
  await tasklist.openTask(page, 'Approve disclosure');
  await tasklist.claim(page);
  const message = await notification(page, /Four-eyes/);
  await shot(page, 'refused');
  assert.match(message, /Four-eyes rule: both completed the legal analysis of this order and cannot approve it\. Another approver must decide\./);
  assert.doesNotMatch(message, /ENGINE-\d+|TaskListener/, 'the rule speaks for itself, without the engine\'s wrapping');
  // the task stays unclaimed and the order waits for another approver
  assert.equal(await page.locator('.task-details button.claim').count(), 1, 'the approval task should still be unclaimed');
  assert.equal((await api.getOrder(trackingNumber)).status, 'AWAITING_APPROVAL');
});
