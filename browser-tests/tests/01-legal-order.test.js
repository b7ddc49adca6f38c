'use strict';
/*
 * The whole path of an order in the browser: submitted over REST by the German intake system, found by the analyst
 * in Tasklist's "Legal analysis" filter, analysed in the Camunda Form, approved by the approver, then DISCLOSED.
 */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, tasklist } = require('../lib/camunda');
const api = require('../lib/api');

const REASONING = 'Valid court order of the Amtsgericht Tiergarten naming the suspect; drug trafficking violates the '
  + 'Terms of Service; IP addresses and the phone number are proportionate.';

browserTest('legal-order', 'an order submitted over REST is analysed and approved in Tasklist and becomes DISCLOSED', async ({ newPage, shot }) => {
  const trackingNumber = await api.submitOrder('AZ-BROWSER');
  await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');

  // the analyst: the order is in the "Legal analysis" filter
  const analyst = await newPage('analyst');
  await signIn(analyst, 'tasklist', 'analyst');
  await tasklist.openFilter(analyst, 'Legal analysis');
  const listed = await tasklist.listedTasks(analyst, (tasks) => tasks.some((t) => t.name === 'Analyse legal order'));
  assert.ok(listed.some((t) => t.name === 'Analyse legal order'), `Legal analysis lists: ${JSON.stringify(listed)}`);
  // the analyst looks the order up by its tracking number: exactly this order's analysis is left
  await tasklist.searchByBusinessKey(analyst, trackingNumber);
  const found = await tasklist.listedTasks(analyst, (tasks) => tasks.length === 1);
  assert.deepEqual(found.map((t) => t.name), ['Analyse legal order']);
  await tasklist.openTask(analyst, 'Analyse legal order');

  // the Camunda Form shows the order as submitted
  const form = analyst.locator('.fjs-form');
  for (const shown of [trackingNumber, 'Court order', 'Staatsanwaltschaft Berlin', 'Amtsgericht Tiergarten',
    'Drug trafficking', '@demo0042', 'IP addresses, Phone number', 'Valid']) {
    await form.getByText(shown, { exact: false }).first().waitFor();
  }
  // the phone number of a target is masked in the form (no disclosed data in process variables)
  assert.ok(!(await form.innerText()).includes('+4915112345678'), 'the form shows a target phone number in full');

  await tasklist.claim(analyst);
  await tasklist.waitUntilClaimedBy(analyst, 'analyst');
  await analyst.getByRole('radio', { name: 'Disclose' }).check();
  await analyst.getByRole('checkbox', { name: 'IP addresses' }).check();
  await analyst.getByRole('checkbox', { name: 'Phone number' }).check();
  await analyst.getByLabel('Legal reasoning').fill(REASONING);
  await analyst.getByLabel('Legal reasoning').scrollIntoViewIfNeeded();
  await shot(analyst, 'analysis filled');
  await tasklist.complete(analyst);
  await tasklist.waitUntilCompleted(analyst, 'Analyse legal order');
  await api.awaitStatus(trackingNumber, 'AWAITING_APPROVAL');

  // the approver: sees the analysis and approves
  const approver = await newPage('approver');
  await signIn(approver, 'tasklist', 'approver');
  await tasklist.openFilter(approver, 'Approvals');
  await tasklist.searchByBusinessKey(approver, trackingNumber);
  await tasklist.openTask(approver, 'Approve disclosure');
  const analysis = approver.locator('.fjs-form');
  await analysis.getByText(trackingNumber).first().waitFor();
  const analysisText = (await analysis.innerText()).replace(/\s+/g, ' ');
  for (const shown of ['Decision Disclose', 'Data to disclose IP addresses, Phone number', 'Analysed by analyst',
    'Legal reasoning ' + REASONING]) {
    assert.ok(analysisText.includes(shown), `the approval form should show "${shown}"`);
  }
  await tasklist.claim(approver);
  await tasklist.waitUntilClaimedBy(approver, 'approver');
  await approver.getByRole('radio', { name: 'Approve' }).check();
  // approving needs no comment: the comment field is only there for RETURN and REJECT
  assert.equal(await approver.getByLabel('Comment').count(), 0);
  await shot(approver, 'approval');
  await tasklist.complete(approver);
  await tasklist.waitUntilCompleted(approver, 'Approve disclosure');

  const disclosed = await api.awaitStatus(trackingNumber, 'DISCLOSED', { closed: true });
  const steps = disclosed.timeline.map((e) => e.step);
  for (const step of ['ANALYSED', 'APPROVAL_APPROVE', 'DISCLOSED']) {
    assert.ok(steps.includes(step), `timeline ${steps} lacks ${step}`);
  }
  const analysed = disclosed.timeline.find((e) => e.step === 'ANALYSED');
  const approved = disclosed.timeline.find((e) => e.step === 'APPROVAL_APPROVE');
  assert.equal(analysed.actor, 'analyst');
  assert.equal(approved.actor, 'approver');
});
