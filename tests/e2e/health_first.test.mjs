// A group's Health tab answers first (issue 20): at 1366×768 the first
// screen shows the score with its basis and the week's things to do, each
// with its action, without scrolling; the rest sits in collapsible groups and
// the removal list is a table with copy and export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, talkNow } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('at 1366×768 the Health tab shows the score and the three things to do on its first screen', async () => {
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[0];
  await talkNow(db, group); // a week with chat, even early on a Monday
  const viewport = { width: 1366, height: 768 };
  const { page, errors } = await openPage(session, { service: 'HealthService', viewport });
  await page.evaluate(() => localStorage.removeItem('qunzhu.health.open')); // the groups as a first visit has them
  await page.goto(`${session.url}#/groups/${group.id}/health`);
  const answer = page.getByTestId('health-answer');
  await answer.waitFor({ timeout: 30000 });

  // The score with what it rests on, or 群已沉寂.
  const basis = await answer.getByTestId('health-basis').innerText();
  assert.match(basis, /^基于 \d\/5 项$|沉寂/, `the score's basis reads “${basis}”`);
  const score = await answer.locator('[data-testid="health-figure"][data-key="health_score"] .value').innerText();
  assert.match(score, /^\d+$|群已沉寂/);

  // At most three things to do, each with its button; a calm line when none.
  const todos = answer.getByTestId('health-todos');
  const n = Number(await todos.getAttribute('data-count'));
  assert.ok(n >= 0 && n <= 3, `${n} things to do`);
  const items = todos.getByTestId('health-todo');
  assert.equal(await items.count(), n);
  if (n === 0) assert.ok((await todos.getByTestId('health-calm').innerText()).length > 0);
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    assert.match(await item.getAttribute('data-kind'), /^(incident|check|removal)$/);
    const button = item.getByTestId('health-todo-action');
    assert.ok((await button.innerText()).trim().length > 0);
    // a plain Chinese line: no key, flag or English word
    assert.doesNotMatch(await item.innerText(), /[A-Za-z_]{3,}/);
  }
  // The incidents come first, the overdue ones before the rest.
  const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  const order = { incident: 0, check: 1, removal: 2 };
  assert.ok(kinds.every((k, i) => i === 0 || order[k] >= order[kinds[i - 1]]), `order ${kinds}`);

  // The answer is on the first screen: nothing of it below the window's bottom.
  const box = await answer.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `the answer spans ${box?.y}–${(box?.y ?? 0) + (box?.height ?? 0)} px of ${viewport.height}`);
  for (let i = 0; i < n; i++) {
    const b = await items.nth(i).getByTestId('health-todo-action').boundingBox();
    assert.ok(b && b.y + b.height <= viewport.height, `the action of thing ${i + 1} is below the first screen`);
  }
  await page.screenshot({ path: join(outDir, 'health-first.png') });

  // Below: the groups, the checks and the activity open, the members closed until asked for.
  const groupsEl = page.getByTestId('health-groups');
  await groupsEl.waitFor();
  assert.equal(await page.getByTestId('health-check').count(), 5);
  assert.equal(await page.locator('[data-testid="health-group"][data-group="members"]').count(), 0);

  // The removal list opens as a table with copy and export, and stays open.
  await page.locator('.n-collapse-item').filter({ hasText: '移出名单' }).locator('.n-collapse-item__header').first().click();
  const table = page.getByTestId('removal-table');
  await table.waitFor();
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="removal-table"]');
    return t && (t.querySelector('.n-data-table') || t.querySelector('[data-testid="removal-none"]'));
  }, null, { timeout: 30000 });
  if (Number(await table.getAttribute('data-count')) > 0) {
    const head = await table.locator('.n-data-table-th').allInnerTexts();
    assert.deepEqual(head.map((s) => s.trim()), ['名字', '最近发言', '潜水天数 / 记过', '原因']);
    await table.getByTestId('removal-table-copy').waitFor();
    await table.getByTestId('removal-table-csv').waitFor();
    await table.getByTestId('removal-table-xlsx').waitFor();
    await table.screenshot({ path: join(outDir, 'health-first-removal.png') });
  }
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('qunzhu.health.open') ?? '[]')), ['checks', 'activity', 'content', 'input', 'removal']);

  // A chart group: every chart drawn, each axis titled in words (built in Go).
  await page.locator('.n-collapse-item').filter({ hasText: /^成员/ }).locator('.n-collapse-item__header').first().click();
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="health-group"][data-group="members"] [data-testid="health-chart"]')].filter((el) => el.querySelector('canvas')).length === 2,
    null,
    { timeout: 30000 },
  );
  await page.locator('[data-testid="health-group"][data-group="members"]').screenshot({ path: join(outDir, 'health-first-members.png') });
  // The activity group is open from the start: the trend with its titled axes.
  await page.waitForFunction(() => document.querySelector('[data-testid="health-chart"][data-chart="trend"] canvas'), null, { timeout: 30000 });
  await page.locator('[data-testid="health-chart"][data-chart="trend"]').screenshot({ path: join(outDir, 'health-first-trend.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
