// Team screens in a real browser against the real Go services on the demo
// workspace: 运营与角色 lists and adds an operator (seen by the CLI's
// `operator list`), and 迁移工作区 moves the workspace into a new data file,
// shows every table's checked count, and keeps the choice for the next start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

let session, db, data;

before(async () => {
  // The app keeps the chosen workspace in its data folder: a private one here.
  data = mkdtempSync(join(tmpdir(), 'qunzhu-e2e-data-'));
  process.env.XDG_DATA_HOME = data;
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('运营与角色 and 迁移工作区: add the first owner, then move the workspace into a new file', async () => {
  const { page, errors } = await openPage(session, { service: 'TeamService', viewport: { width: 1400, height: 1000 } });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-operators-link').click();
  await page.waitForURL(/#\/settings\/operators/);
  await page.getByTestId('operators-empty').waitFor({ timeout: 30000 });
  await page.getByTestId('op-name').locator('input').fill('老王');
  await page.getByTestId('op-add').click();
  const row = page.getByTestId('operators-row').filter({ hasText: '老王' });
  await row.waitFor({ timeout: 15000 });
  assert.match(await row.innerText(), /负责人/);
  await page.getByTestId('op-name').locator('input').fill('小李');
  await page.getByTestId('op-role-viewer').click();
  await page.screenshot({ path: join(outDir, 'team-operators.png') });
  const ops = await cliJSON(devBinary, db, 'operator', 'list');
  assert.deepEqual(ops.map((o) => [o.name, o.role]), [['老王', 'owner']]);

  await page.getByTestId('operators-back').click();
  await page.getByTestId('settings-move-link').click();
  await page.waitForURL(/#\/settings\/move/);
  assert.equal(await page.getByTestId('move-from-path').innerText(), db);
  await page.getByTestId('move-to-file').click();
  const target = join(mkdtempSync(join(tmpdir(), 'qunzhu-e2e-move-')), 'moved.db');
  await page.getByTestId('move-file').locator('input').fill(target);
  await page.getByTestId('move-start').click();
  await page.getByTestId('move-result').waitFor({ timeout: 120000 });
  const counts = await page.getByTestId('move-count-row').allInnerTexts();
  assert.ok(counts.some((c) => /^消息\s*[\d,]+$/.test(c.trim())), `a count for 消息: ${counts.join(' | ')}`);
  assert.ok(counts.every((c) => !/_/.test(c)), `tables named in words: ${counts.join(' | ')}`);
  assert.match(await page.getByTestId('move-next').innerText(), /重新打开群主工作台/);

  // The moved workspace holds the same groups and operators.
  const [groups, moved] = await Promise.all([cliJSON(devBinary, db, 'group', 'list'), cliJSON(devBinary, target, 'group', 'list')]);
  assert.deepEqual(moved.map((g) => g.name), groups.map((g) => g.name));
  assert.deepEqual((await cliJSON(devBinary, target, 'operator', 'list')).map((o) => o.name), ['老王']);

  await page.getByTestId('move-use').click();
  await page.getByTestId('move-switched').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('move-switched').innerText(), /重新启动群主工作台后使用/);
  await page.screenshot({ path: join(outDir, 'team-move.png'), fullPage: true });
  const choice = join(data, 'qunzhu', 'database.json');
  assert.ok(existsSync(choice), `the choice is kept in ${choice}`);
  assert.equal(JSON.parse(readFileSync(choice, 'utf8')).db, target);
  assert.deepEqual(errors, []);
});
