'use strict';
/* What the tests do over HTTP: submit orders as an authority, follow them, and drive tasks over the engine REST API. */

const BASE_URL = () => {
  const url = process.env.DD_BASE_URL;
  if (!url) {
    throw new Error('DD_BASE_URL is not set: run the tests with node browser-tests/run.js');
  }
  return url;
};

/** Demo users sign in with user = password; users the tests create have their own. */
const PASSWORDS = { both: 'Both-groups-4eyes' };

function auth(user) {
  const password = PASSWORDS[user] || user;
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

async function http(method, path, { user, body, headers = {} } = {}) {
  const response = await fetch(BASE_URL() + path, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(user ? { Authorization: auth(user) } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** A valid court order from the German demo intake system, with dates around today so that it never expires. */
function exampleOrder(reference, overrides = {}) {
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  return {
    reference,
    orderType: 'COURT_ORDER',
    authority: { name: 'Staatsanwaltschaft Berlin', country: 'DE', contactEmail: 'cybercrime@sta.berlin.example' },
    issuer: { type: 'COURT', name: 'Amtsgericht Tiergarten' },
    issuedOn: isoDate(new Date(now - 2 * day)),
    validUntil: isoDate(new Date(now + 90 * day)),
    offence: 'DRUG_TRAFFICKING',
    suspectConfirmed: true,
    emergency: false,
    targets: [{ type: 'USERNAME', value: '@demo0042' }, { type: 'PHONE', value: '+4915112345678' }],
    dataCategories: ['IP_ADDRESS', 'PHONE_NUMBER'],
    period: { from: isoDate(new Date(now - 60 * day)) + 'T00:00:00Z', to: isoDate(new Date(now - 1 * day)) + 'T00:00:00Z' },
    nonDisclosureUntil: isoDate(new Date(now + 180 * day)),
    documentSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ...overrides,
  };
}

/**
 * Submits an order (as police-de unless another intake user is named) and returns its tracking number. The
 * reference gets a unique suffix unless exact is true (submitting the same reference again gives the same order).
 */
async function submitOrder(referencePrefix, overrides, user = 'police-de', { exact = false } = {}) {
  const reference = exact ? referencePrefix : `${referencePrefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const created = await http('POST', '/api/orders', { user, body: exampleOrder(reference, overrides) });
  if (created.status !== 201) {
    throw new Error(`order not created: ${created.status} ${created.text}`);
  }
  return created.json.trackingNumber;
}

async function getOrder(trackingNumber, user = 'admin') {
  const response = await http('GET', `/api/orders/${trackingNumber}`, { user });
  if (response.status !== 200) {
    throw new Error(`GET /api/orders/${trackingNumber}: ${response.status} ${response.text}`);
  }
  return response.json;
}

/**
 * Polls GET /api/orders/{tn} until the status is reached (the job executor moves orders on asynchronously); with
 * closed, also until the timeline has CLOSED, i.e. the order's transparency ledger entry is written.
 */
async function awaitStatus(trackingNumber, status, { timeoutMs = 30_000, closed = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await getOrder(trackingNumber);
    if (last.status === status && (!closed || last.timeline.some((e) => e.step === 'CLOSED'))) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`order ${trackingNumber} did not reach ${status}${closed ? ' (closed)' : ''}; last seen: ${JSON.stringify(last)}`);
}

async function engineRest(method, path, user, body) {
  return http(method, '/engine-rest' + path, { user, body });
}

/** The open task of the order, as the user sees it over the engine REST API. */
async function singleTask(trackingNumber, user) {
  const tasks = (await engineRest('GET', `/task?processInstanceBusinessKey=${trackingNumber}`, user)).json;
  if (!Array.isArray(tasks) || tasks.length !== 1) {
    throw new Error(`expected one open task of ${trackingNumber} for ${user}, got ${JSON.stringify(tasks)}`);
  }
  return tasks[0].id;
}

/** The legal analysis as an analyst completes it over the engine REST API (DISCLOSE both categories, or REJECT). */
async function completeAnalysisOverRest(trackingNumber, analyst = 'analyst', decision = 'DISCLOSE') {
  const task = await singleTask(trackingNumber, analyst);
  await expectStatus(engineRest('POST', `/task/${task}/claim`, analyst, { userId: analyst }), 204, 'claim analysis');
  await expectStatus(engineRest('POST', `/task/${task}/complete`, analyst, {
    variables: {
      analysisDecision: { value: decision },
      approvedCategories: { value: decision === 'DISCLOSE' ? '["IP_ADDRESS","PHONE_NUMBER"]' : '[]', type: 'Json' },
      legalReasoning: { value: decision === 'DISCLOSE'
        ? 'Valid court order naming the suspect; drug trafficking violates the Terms of Service.'
        : 'The order does not name the target as a suspect of an offence that violates the Terms of Service.' },
    },
  }), 204, 'complete analysis');
  return decision === 'DISCLOSE' ? awaitStatus(trackingNumber, 'AWAITING_APPROVAL')
    : awaitStatus(trackingNumber, 'REJECTED', { closed: true });
}

async function approveOverRest(trackingNumber, approver = 'approver') {
  const task = await singleTask(trackingNumber, approver);
  await expectStatus(engineRest('POST', `/task/${task}/claim`, approver, { userId: approver }), 204, 'claim approval');
  await expectStatus(engineRest('POST', `/task/${task}/complete`, approver, {
    variables: { approvalDecision: { value: 'APPROVE' } },
  }), 204, 'complete approval');
  return awaitStatus(trackingNumber, 'DISCLOSED', { closed: true });
}

async function expectStatus(promise, status, what) {
  const response = await promise;
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status} ${response.text}`);
  }
  return response;
}

/** Creates (once) a staff user in both legal-analysts and legal-approvers, as an administrator would. */
async function ensureUserInBothGroups(id = 'both') {
  const existing = await engineRest('GET', `/user?id=${id}`, 'admin');
  if (!existing.json || existing.json.length === 0) {
    await expectStatus(engineRest('POST', '/user/create', 'admin', {
      profile: { id, firstName: 'Both', lastName: 'Groups', email: `${id}@test.disclosuredesk.example` },
      credentials: { password: PASSWORDS[id] },
    }), 204, `create user ${id}`);
  } else {
    await expectStatus(engineRest('PUT', `/user/${id}/credentials`, 'admin', {
      password: PASSWORDS[id], authenticatedUserPassword: 'admin',
    }), 204, `reset the password of ${id}`);
  }
  for (const group of ['legal-analysts', 'legal-approvers']) {
    const members = (await engineRest('GET', `/user?memberOfGroup=${group}&id=${id}`, 'admin')).json;
    if (members.length === 0) {
      await expectStatus(engineRest('PUT', `/group/${group}/members/${id}`, 'admin'), 204, `add ${id} to ${group}`);
    }
  }
  return { id, password: PASSWORDS[id] };
}

/** The calendar quarter of today in UTC, as the transparency page lists it ({from, to} as yyyy-MM-dd). */
function currentQuarter(now = new Date()) {
  const year = now.getUTCFullYear();
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  const from = new Date(Date.UTC(year, first, 1));
  const to = new Date(Date.UTC(year, first + 3, 0));
  return { from: isoDate(from), to: isoDate(to) };
}

// --- part two: content reports ---------------------------------------------------------------------------------

/** A demo message that has media (platform.DemoContent: the first demo channel's first message). */
const DEMO_MESSAGE_WITH_MEDIA = 'https://t.me/demo_news_001/1';

/** Submits a notice as the reporting bot; answers the receipt (201 or 200). */
async function submitNotice({ reference, explanation, category = 'RISK_FOR_PUBLIC_SECURITY', specification = 'TERRORIST_CONTENT',
  user = 'report-bot' } = {}) {
  const externalId = `browser-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const answer = await http('POST', '/api/content-reports', { user, body: {
    externalId, subject: { type: 'MESSAGE', reference }, category, specification, explanation, country: 'DE',
    notifier: { id: `u-${externalId}`, name: 'A. Reporter', email: 'reporter@mail.example' }, goodFaith: true,
    evidence: { text: 'the reported post as the user saw it', mediaSha256: null },
  } });
  if (answer.status !== 201 && answer.status !== 200) {
    throw new Error(`notice refused: ${answer.status} ${answer.text}`);
  }
  return answer.json;
}

/** Waits until the case has the status (and `also(case)` holds); answers the case as the bot sees it. */
async function awaitCase(caseNumber, status, also = () => true, { timeoutMs = 30_000, user = 'report-bot' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  do {
    last = await http('GET', `/api/content-reports/${caseNumber}`, { user });
    if (last.status === 200 && last.json.status === status && also(last.json)) {
      return last.json;
    }
    await new Promise((r) => setTimeout(r, 250));
  } while (Date.now() < deadline);
  throw new Error(`case ${caseNumber} did not become ${status}: ${last && last.text}`);
}

async function complain(caseNumber, noticeId, text, user = 'report-bot') {
  return http('POST', `/api/content-reports/${caseNumber}/complaints`, { user, body: { by: 'NOTIFIER', noticeId, text } });
}

/** Every message of the gateway's feed. */
async function contentMessages(user = 'report-bot') {
  const all = [];
  let after = 0;
  for (;;) {
    const page = await http('GET', `/api/content-reports/messages?after=${after}&limit=1000`, { user });
    if (page.status !== 200) {
      throw new Error(`messages: ${page.status} ${page.text}`);
    }
    const items = Array.isArray(page.json) ? page.json : (page.json.messages || []);
    if (items.length === 0) {
      return all;
    }
    all.push(...items);
    after = items[items.length - 1].id;
  }
}

module.exports = {
  DEMO_MESSAGE_WITH_MEDIA, submitNotice, awaitCase, complain, contentMessages,
  http, exampleOrder, submitOrder, getOrder, awaitStatus, engineRest, singleTask, completeAnalysisOverRest,
  approveOverRest, ensureUserInBothGroups, currentQuarter, PASSWORDS,
};
