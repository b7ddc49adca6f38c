'use strict';
/* The Camunda 7.24 web apps (Tasklist, Cockpit) as a person uses them: sign in, pick a filter, search, open, claim. */

function baseUrl() {
  return process.env.DD_BASE_URL;
}

/**
 * Opens the app's sign-in page (or url) and signs in; waits for the app when expectSuccess is true, and says so
 * when the sign-in fails.
 */
async function signIn(page, app, user, password = user, { expectSuccess = true, url } = {}) {
  await page.goto(url || `${baseUrl()}/camunda/app/${app}/default/`);
  const userField = page.getByPlaceholder('Username');
  const passwordField = page.getByPlaceholder('Password');
  // the sign-in form is usable once AngularJS has compiled it (ng-* classes on its fields); typing earlier may
  // land in the wrong field while the view is rendered again, so check what the fields hold before signing in
  await page.locator('input[placeholder="Username"].ng-pristine, input[placeholder="Username"].ng-dirty').waitFor();
  for (let attempt = 1; ; attempt++) {
    await userField.fill(user);
    await passwordField.fill(password);
    if (await userField.inputValue() === user && await passwordField.inputValue() === password) {
      break;
    }
    if (attempt >= 3) {
      throw new Error(`the sign-in form of ${app} did not keep what was typed into it`);
    }
    await page.waitForTimeout(500);
  }
  await page.getByRole('button', { name: 'Log in' }).click();
  if (expectSuccess) {
    const failed = page.locator('.notifications .alert', { hasText: 'Login Failed' });
    const signedIn = app === 'tasklist' ? page.locator('[cam-tasklist-filters] .task-filter').first()
      : page.getByRole('link', { name: 'Processes' }).first();
    await signedIn.or(failed).first().waitFor();
    if (await failed.count() > 0) {
      throw new Error(`${user} could not sign in to ${app}: ${(await failed.innerText()).replace(/\s+/g, ' ')}`);
    }
  }
}

/** The text of the newest visible notification (Tasklist and Cockpit show errors and successes this way). */
async function notification(page, pattern) {
  const alert = page.locator('.notifications .alert', pattern ? { hasText: pattern } : {}).last();
  await alert.waitFor();
  return (await alert.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Opens the search's criteria list and picks one. The web apps bind the search field a moment after it is shown;
 * a click before that opens nothing, so click again until the list is there.
 */
async function pickCriterion(page, placeholder, criterion) {
  const field = page.getByPlaceholder(placeholder);
  const option = page.locator('ul.dropdown-menu li:visible', { hasText: new RegExp(`^\\s*${criterion}\\s*$`) }).first();
  for (let attempt = 1; ; attempt++) {
    await field.click();
    try {
      await option.waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      if (attempt >= 5) {
        throw new Error(`the search "${placeholder}" offers no criterion "${criterion}"`);
      }
      await page.keyboard.press('Escape');
    }
  }
  await option.click();
}

/**
 * Types the value of the search pill just added and commits it with Enter; returns once the pill shows the value.
 * A new pill opens its value field for editing, but the web apps may take the focus away a moment later (the view
 * settling after the criterion was added), which closes the field again, empty ("??"), or leaves it closed from the
 * start. A person then clicks the value to edit it: so does this, until the pill holds the value.
 */
async function typeIntoNewPill(page, value) {
  const pill = page.locator('[cam-widget-search-pill]').last();
  const valueField = pill.locator('.value-field');
  const input = valueField.locator('.edit input.form-control');
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await input.isVisible())) {
        await valueField.locator('.view-value').click({ timeout: 5_000 });
      }
      await input.fill(value, { timeout: 5_000 });
      await input.press('Enter', { timeout: 5_000 });
      await valueField.locator('.view-value', { hasText: value }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 5) {
        throw new Error(`the search pill did not take the value ${value} in ${attempt} attempts: ${error.message}`);
      }
    }
  }
}

const tasklist = {
  /** Picks a filter in the left column by its name. */
  async openFilter(page, name) {
    const filter = page.locator('[cam-tasklist-filters] .task-filter', { has: page.locator('h4.name a', { hasText: name }) });
    await filter.locator('h4.name a').click();
    await page.waitForFunction((n) => {
      const active = document.querySelector('[cam-tasklist-filters] .task-filter.active h4.name a');
      return active && active.textContent.trim().startsWith(n);
    }, name);
  },

  /** The tasks the list shows once `until(tasks)` holds (Tasklist loads the list after the filter or search changed). */
  async listedTasks(page, until = (tasks) => tasks.length > 0, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let tasks;
    do {
      tasks = await page.locator('.tasks-list li.task').evaluateAll((items) => items.map((li) => ({
        name: (li.querySelector('h4') || li).textContent.trim(),
        text: li.innerText.replace(/\s+/g, ' ').trim(),
      })));
      if (until(tasks)) {
        return tasks;
      }
      await page.waitForTimeout(250);
    } while (Date.now() < deadline);
    return tasks;
  },

  /** Adds the search criterion "Process Instance Business Key" = the order's tracking number. */
  async searchByBusinessKey(page, trackingNumber) {
    const reloaded = page.waitForResponse((r) => /\/filter\/[^/]+\/list/.test(r.url())
      && (r.request().postData() || '').includes(trackingNumber));
    await pickCriterion(page, 'Filter Tasks', 'Process Instance Business Key');
    await typeIntoNewPill(page, trackingNumber);
    await reloaded;
  },

  /** Opens the task of that name from the list and waits for its form. */
  async openTask(page, taskName) {
    const item = page.locator('.tasks-list li.task', { hasText: taskName }).first();
    await item.waitFor();
    await item.locator('h4 a, h4').first().click();
    await page.locator('.task-details h2.task').filter({ hasText: taskName }).first().waitFor();
    await page.locator('.fjs-form').first().waitFor();
  },

  async claim(page) {
    await page.locator('.task-details button.claim').first().click();
  },

  async waitUntilClaimedBy(page, displayName) {
    await page.locator('.task-details li.assignee').filter({ hasText: displayName }).first()
      .waitFor();
  },

  async complete(page) {
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
  },

  /** Waits until the task view reports no task anymore (Tasklist clears it after a successful completion). */
  async waitUntilCompleted(page, taskName) {
    await page.locator('.task-details h2.task').filter({ hasText: taskName }).first()
      .waitFor({ state: 'detached' });
  },
};

const cockpit = {
  /** Processes → the definition by name → instance search by business key → the instance's page. */
  async openInstanceByBusinessKey(page, definitionName, businessKey) {
    await page.getByRole('link', { name: 'Processes' }).first().click();
    await page.getByRole('link', { name: definitionName, exact: true }).first().click();
    await pickCriterion(page, 'Add criteria', 'Business Key');
    await typeIntoNewPill(page, businessKey);
    // the instance list reloads with the criterion: wait until it lists this instance alone
    await page.waitForFunction((key) => {
      const rows = [...document.querySelectorAll('table tbody tr')].filter((tr) => /LO-\d{4}-\d{6}/.test(tr.textContent));
      return rows.length === 1 && rows[0].textContent.includes(key);
    }, businessKey);
    const row = page.locator('table tbody tr', { hasText: businessKey });
    await row.getByRole('link').first().click();
    // the instance's page shows its labels at once and fills in the values as its requests return
    await page.waitForFunction(({ key, name }) => {
      const text = document.body.innerText.replace(/\s+/g, ' ');
      return text.includes(`Business Key: ${key}`) && text.includes(`Definition Name: ${name}`)
        && !text.includes('Definition Key: Definition Name:');
    }, { key: businessKey, name: definitionName });
  },

  /**
   * The number that the diagram shows on an activity: how many tokens wait there. An activity inside a collapsed
   * sub-process is on the sub-process's own plane: name the sub-process as `within` to drill down into it first.
   */
  async tokensOn(page, activityId, within) {
    if (within) {
      await page.locator(`.djs-overlays[data-container-id="${within}"] .bjs-drilldown`).click();
    }
    const badge = page.locator(`.djs-overlays[data-container-id="${activityId}"] .badge.instance-count`);
    await badge.waitFor();
    return Number((await badge.innerText()).trim());
  },
};

module.exports = { signIn, notification, tasklist, cockpit };
