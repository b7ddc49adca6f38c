'use strict';
/*
 * Part two in the browser: a notice submitted by the reporting bot about a demo message with media becomes a case in
 * the moderator's "Content to review" filter; the Camunda Form shows the notice's evidence with its media blurred and
 * greyscale until the moderator chooses to see it; the moderator removes the content. The notifier complains; the
 * complaint goes to another moderator, who reverses the decision; the uploader gets a new statement of reasons.
 */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, notification, tasklist } = require('../lib/camunda');
const api = require('../lib/api');

const EXPLANATION = 'The post calls for an attack on a named place and date.';

browserTest('content-review', 'a moderator reviews blurred evidence and decides; another moderator reverses it on complaint', async ({ newPage, shot }) => {
  const notice = await api.submitNotice({ reference: api.DEMO_MESSAGE_WITH_MEDIA, explanation: EXPLANATION });
  const caseNumber = notice.caseNumber;
  await api.awaitCase(caseNumber, 'IN_REVIEW');

  // the moderator: the case is in "Content to review"
  const moderator = await newPage('moderator');
  await signIn(moderator, 'tasklist', 'moderator');
  await tasklist.openFilter(moderator, 'Content to review');
  await tasklist.searchByBusinessKey(moderator, caseNumber);
  await tasklist.openTask(moderator, 'Review reported content');
  const form = moderator.locator('.fjs-form');
  await form.getByText(caseNumber).first().waitFor();

  // Tasklist enables a form once the task is claimed
  await tasklist.claim(moderator);
  await tasklist.waitUntilClaimedBy(moderator, 'moderator');

  // the evidence: the notice's text is drawn by the application; the media is a blurred, greyscale copy, and the
  // picture as captured is not even loaded until the moderator chooses to see it
  const card = form.locator('img.dd-evidence-text').first();
  await moderator.waitForFunction((img) => img.complete && img.naturalWidth > 0, await card.elementHandle());
  const blurred = form.locator('img.dd-media-blurred').first();
  await moderator.waitForFunction((img) => img.complete && img.naturalWidth > 0, await blurred.elementHandle());
  assert.match(await blurred.getAttribute('src'), /\/media\?view=blurred$/);
  const style = await blurred.evaluate((img) => getComputedStyle(img).filter);
  assert.match(style, /blur\(/, `the media should be blurred: ${style}`);
  assert.match(style, /grayscale\(/, `the media should be greyscale: ${style}`);
  const clear = form.locator('details.dd-reveal img.dd-media').first();
  assert.equal(await clear.evaluate((img) => img.naturalWidth), 0, 'the picture as captured is loaded before it is asked for');
  await shot(moderator, 'blurred');
  await form.locator('details.dd-reveal summary').first().click();
  await moderator.waitForFunction((img) => img.complete && img.naturalWidth > 0, await clear.elementHandle());
  assert.equal(await blurred.isVisible(), false, 'the blurred copy gives way to the picture');
  await shot(moderator, 'shown');

  await moderator.getByRole('radio', { name: /Remove/ }).check();
  await moderator.getByRole('radio', { name: /Illegal content/ }).check();
  await moderator.getByLabel(/Law or Terms of Service clause/).fill('§ 111 StGB (public incitement to crime)');
  await moderator.getByLabel(/^Explanation/).fill('The post publicly calls for an attack on a named place and date.');
  await shot(moderator, 'decision');
  await tasklist.complete(moderator);
  await tasklist.waitUntilCompleted(moderator, 'Review reported content');
  const decided = await api.awaitCase(caseNumber, 'DECIDED');
  assert.equal(decided.decision.decision, 'REMOVE');

  // the notifier complains through the bot
  const complaint = await api.complain(caseNumber, notice.noticeId, 'The post was a quote in a news report, not a call.');
  assert.ok(complaint.status === 201 || complaint.status === 202, JSON.stringify(complaint.json));
  await api.awaitCase(caseNumber, 'IN_COMPLAINT');

  // the moderator who decided cannot take the complaint
  await tasklist.openFilter(moderator, 'Complaints');
  await tasklist.searchByBusinessKey(moderator, caseNumber);
  await tasklist.openTask(moderator, 'Review complaint');
  await tasklist.claim(moderator);
  const refused = await notification(moderator, /Four-eyes/);
  await shot(moderator, 'own-decision-refused');
  assert.doesNotMatch(refused, /ENGINE-\d+|TaskListener/);

  // the second moderator reverses it
  const second = await newPage('moderator2');
  await signIn(second, 'tasklist', 'moderator2');
  await tasklist.openFilter(second, 'Complaints');
  await tasklist.searchByBusinessKey(second, caseNumber);
  await tasklist.openTask(second, 'Review complaint');
  await second.locator('.fjs-form').getByText(caseNumber).first().waitFor();
  await tasklist.claim(second);
  await tasklist.waitUntilClaimedBy(second, 'moderator2');
  await second.getByRole('radio', { name: /Reverse/ }).check();
  await second.getByLabel(/Reasoning/).fill('The post quotes a threat in order to report on it; it is news, not a call.');
  await shot(second, 'complaint');
  await tasklist.complete(second);
  await tasklist.waitUntilCompleted(second, 'Review complaint');

  const reversed = await api.awaitCase(caseNumber, 'DECIDED', (c) => c.decision && c.decision.decision === 'NO_ACTION');
  assert.equal(reversed.decision.decision, 'NO_ACTION');
  const messages = await api.contentMessages('report-bot');
  const kinds = messages.filter((m) => m.caseNumber === caseNumber).map((m) => m.kind);
  for (const kind of ['RECEIPT', 'DECISION', 'COMPLAINT_RECEIPT', 'COMPLAINT_OUTCOME']) {
    assert.ok(kinds.includes(kind), `the bot's feed lacks ${kind}: ${kinds}`);
  }
});
