'use strict';
/* The analysis form's required fields stop completion with visible messages; nothing reaches the engine. */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, notification, tasklist } = require('../lib/camunda');
const api = require('../lib/api');

browserTest('required-fields', 'required fields of the analysis form stop completion with a visible message', async ({ newPage, shot }) => {
  const trackingNumber = await api.submitOrder('AZ-REQUIRED');
  await api.awaitStatus(trackingNumber, 'IN_LEGAL_ANALYSIS');

  const page = await newPage('analyst2');
  await signIn(page, 'tasklist', 'analyst2');
  await tasklist.openFilter(page, 'Legal analysis');
  await tasklist.searchByBusinessKey(page, trackingNumber);
  await tasklist.openTask(page, 'Analyse legal order');
  await tasklist.claim(page);
  await tasklist.waitUntilClaimedBy(page, 'analyst2');

  const submits = [];
  page.on('request', (r) => { if (/\/task\/[^/]+\/(submit-form|complete)/.test(r.url())) submits.push(r.url()); });
  const complete = page.getByRole('button', { name: 'Complete', exact: true });
  const decision = page.locator('.fjs-form-field-radio', { hasText: 'Decision' });
  const categories = page.locator('.fjs-form-field-checklist', { hasText: 'Data to disclose' });
  const reasoning = page.locator('.fjs-form-field-textarea', { hasText: 'Legal reasoning' });

  // nothing filled in: the decision and the reasoning are required, and Tasklist says the form was not submitted
  await tasklist.complete(page);
  await decision.locator('.fjs-form-field-error', { hasText: 'Field is required.' }).waitFor();
  await reasoning.locator('.fjs-form-field-error', { hasText: 'Field is required.' }).waitFor();
  assert.match(await notification(page, /submitting the task form/), /An error happened while submitting the task form/);
  assert.equal(await complete.isEnabled(), false, 'Complete stays disabled while the form is invalid');

  // Disclose: the categories to disclose appear, marked required; a too short reasoning is named as such
  await page.getByRole('radio', { name: 'Disclose' }).check();
  await categories.locator('label', { hasText: 'Data to disclose' }).waitFor();
  assert.match(await categories.locator('.fjs-form-field-label').first().innerText(), /Data to disclose\s*\*/);
  await page.getByLabel('Legal reasoning').fill('Too short.');
  await page.getByLabel('Legal reasoning').blur();
  await reasoning.locator('.fjs-form-field-error', { hasText: 'Field must have minimum length of 20.' }).waitFor();
  assert.equal(await decision.locator('.fjs-form-field-error').count(), 0, 'the decision is given now');
  // ticking a category and taking it back: "Field is required." under the categories
  await page.getByRole('checkbox', { name: 'IP addresses' }).check();
  await page.getByRole('checkbox', { name: 'IP addresses' }).uncheck();
  await categories.locator('.fjs-form-field-error', { hasText: 'Field is required.' }).waitFor();
  assert.equal(await complete.isEnabled(), false);
  await reasoning.scrollIntoViewIfNeeded();
  await shot(page, 'refused');

  // once every required field is valid, Complete is offered again
  await page.getByRole('checkbox', { name: 'IP addresses' }).check();
  await page.getByLabel('Legal reasoning').fill('Valid court order naming the suspect; the offence violates the Terms of Service.');
  await page.waitForFunction(() => !document.querySelector('.fjs-form-field-error'));
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('.task-details button')].find((b) => b.textContent.trim() === 'Complete');
    return button && !button.disabled;
  });

  assert.deepEqual(submits, [], 'an invalid form must not be submitted');
  assert.equal((await api.getOrder(trackingNumber)).status, 'IN_LEGAL_ANALYSIS');
});
