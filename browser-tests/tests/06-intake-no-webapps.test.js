'use strict';
/* An intake system's account (police-de) signs in to the API only: Tasklist and Cockpit refuse it. */
const assert = require('node:assert/strict');
const { browserTest } = require('../lib/browser');
const { signIn, notification } = require('../lib/camunda');

browserTest('intake-no-webapps', 'an intake user cannot open Tasklist or Cockpit', async ({ newPage, shot }) => {
  for (const app of ['tasklist', 'cockpit']) {
    const page = await newPage(`police-de in ${app}`);
    await signIn(page, app, 'police-de', 'police-de', { expectSuccess: false });
    const message = await notification(page, /Login Failed/);
    assert.match(message, /Login Failed.*missing access rights to application/);
    // still on the sign-in form, and the app's API answers 401 to this browser
    await page.getByPlaceholder('Username').waitFor();
    const api = await page.request.get(`${process.env.DD_BASE_URL}/camunda/api/engine/engine/default/task`);
    assert.equal(api.status(), 401);
    const user = await page.request.get(`${process.env.DD_BASE_URL}/camunda/api/admin/auth/user/default`);
    assert.notEqual(user.status(), 200, 'no web app session for police-de');
    await shot(page, app);
  }
});
