// The real UI in a real browser against the real Go services: the app in
// Wails dev mode serves the frontend and its bound methods on loopback, and
// Debian's chromium drives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

const openApp = () => openPage(session);

test('the demo workspace opens on the Overview and lists the demo groups, in Chinese', async () => {
  const { page, errors } = await openApp();
  // The start page is the Overview, with a card per demo group.
  await page.getByTestId('overview-card').first().waitFor({ timeout: 30000 });
  await page.getByTestId('nav-groups').click();
  const table = page.getByTestId('group-table');
  await table.waitFor({ timeout: 30000 });
  for (const name of (await cliJSON(devBinary, db, 'group', 'list')).map((g) => g.name)) {
    await page.getByText(name, { exact: true }).first().waitFor();
  }
  await page.getByText('社群', { exact: true }).first().waitFor();
  await page.screenshot({ path: join(outDir, 'browser-groups.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('create a group through the form and find it in the list and the database', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('nav-groups').click();
  await page.getByTestId('group-create').click();
  const form = page.getByTestId('group-form');
  await form.waitFor();

  // An empty name is refused before anything is saved.
  await page.getByTestId('group-save').click();
  await page.getByText('请输入群名称').or(page.getByText('群名称不能为空')).first().waitFor();

  const name = '周末读书会 <b>第2期</b>';
  await page.getByTestId('group-name').locator('input').fill(name);
  await page.getByTestId('group-type-service').click();
  await page.getByTestId('group-value').locator('textarea').fill('每周共读一本书，交流读后感');
  await page.getByTestId('group-save').click();
  await form.waitFor({ state: 'hidden' });

  // A new group opens on its page, with its first steps.
  await page.waitForURL(/#\/groups\/\d+\/health$/);
  await page.getByTestId('start-checklist').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('health-group-name').innerText(), name);
  await page.getByTestId('nav-groups').click();

  // The hostile-looking name is shown as text, never as markup.
  const row = page.getByTestId('group-table').getByText(name, { exact: true });
  await row.waitFor();
  assert.equal(await page.locator('b', { hasText: '第2期' }).count(), 0, 'a group name was rendered as HTML');
  await page.screenshot({ path: join(outDir, 'browser-group-created.png'), fullPage: true });

  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const saved = groups.find((g) => g.name === name);
  assert.ok(saved, `the new group is not in the database: ${groups.map((g) => g.name)}`);
  assert.equal(saved.type, 'service');
  assert.equal(saved.value_proposition, '每周共读一本书，交流读后感');
  assert.equal(saved.time_zone, 'Asia/Shanghai');

  // A second group with the same name is refused with the server's message.
  await page.getByTestId('group-create').click();
  await page.getByTestId('group-name').locator('input').fill(name);
  await page.getByTestId('group-save').click();
  const err = page.getByTestId('group-form-error');
  await err.waitFor();
  assert.match(await err.innerText(), /已有名为/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('switching to English changes the interface and persists', async () => {
  const { page } = await openApp();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-en').click();
  await page.getByText('Settings', { exact: true }).first().waitFor();
  await page.getByTestId('nav-groups').click();
  await page.getByText('Groups', { exact: true }).first().waitFor();
  await page.screenshot({ path: join(outDir, 'browser-english.png'), fullPage: true });
  await page.reload();
  await page.getByText('Groups', { exact: true }).first().waitFor({ timeout: 30000 });
  // Put it back for the other tests' expectations.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-zh').click();
  await page.getByText('设置', { exact: true }).first().waitFor();
  await page.close();
});
