// Weeks with data, in a real browser at 1366×768 against the real Go
// services, on a workspace with no demo: the sample chat (March 2024) goes in
// through the import wizard, whose result says which dates the file covered
// and opens that week; a fresh start opens the Overview and the group on it
// with a note that this week has no data yet, a group without chat on the
// current week; the picker groups its weeks by year and reaches every week
// that holds data, however old, across a year's end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { root, outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

const groupName = '读书打卡交流群';
const quietName = '新建的群';
const oldName = '往年的群';
const chatFile = join(root, 'backend/importer/testdata/memotrace_group_chat_utf8.csv');
let session, db, groups;

before(async () => {
  session = await startDevSession(async (d) => {
    await cliJSON(devBinary, d, 'group', 'add', '--name', groupName);
    await cliJSON(devBinary, d, 'group', 'add', '--name', quietName);
    await cliJSON(devBinary, d, 'group', 'add', '--name', oldName);
  });
  db = session.db;
  groups = Object.fromEntries((await cliJSON(devBinary, db, 'group', 'list')).map((g) => [g.name, g]));
});

after(async () => {
  await session?.stop();
});

const viewport = { width: 1366, height: 768 };

test('the import result says the dates and opens their week on the Health tab', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'ImportService' });
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-group').click();
  await page.locator('.n-base-select-option', { hasText: groupName }).first().click();
  await page.getByTestId('import-kind-chat').click();
  await page.getByTestId('import-path').locator('input').fill(chatFile);
  await page.getByTestId('import-preview-run').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 30000 });
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60000 });
  assert.match(await page.getByTestId('import-span').innerText(), /^聊天记录的时间\s*2024年3月4日–3月6日，第10周$/);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, 'weeks-import-result.png') });

  await page.getByTestId('import-open-week').click();
  await page.waitForURL(new RegExp(`#/groups/${groups[groupName].id}/health$`));
  const view = page.getByTestId('health-view');
  await view.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="health-view"]')?.getAttribute('data-week') === '2024-W10');
  assert.match(await page.getByTestId('week-picker').innerText(), /^2024年第10周 \(3\/4–3\/10\)/);
  assert.equal(await page.getByTestId('week-note').count(), 0, 'a week picked by 查看这一周 needs no note');
  await page.screenshot({ path: join(outDir, 'weeks-opened-week.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new start opens on the latest week with data, says so, and every week with data is reachable', async () => {
  // An older group's chat, one message in each of four weeks across two year ends.
  const file = join(outDir, `weeks-old-${Date.now()}.csv`);
  writeFileSync(
    file,
    '时间,发送人,内容\n2022/12/28 20:00:00,阿明,年底聚会几点？\n2023/01/03 09:00:00,阿明,新年好\n2023/06/15 21:00:00,小红,今晚分享\n2023/12/31 23:30:00,小红,跨年快乐\n',
  );
  const summary = await cliJSON(devBinary, db, 'import', 'chat', '--group', oldName, file);
  assert.deepEqual(summary.weeks, ['2022-W52', '2023-W01', '2023-W24', '2023-W52']);

  const { page, errors } = await openPage(session, { viewport, service: 'HealthService' });
  // The Overview: the latest week of any group, 2024-W10, with the note.
  await page.locator('.cards[data-week="2024-W10"]').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('week-note').innerText(), '本周还没有数据，显示的是有数据的最近一周：2024年第10周 (3/4–3/10)\n看本周');

  // The picker's menu: years as groups, the weeks with data marked.
  await page.getByTestId('week-picker').click();
  const menu = page.locator('.n-base-select-menu');
  await menu.waitFor();
  const years = await page.locator('.n-base-select-group-header').allInnerTexts();
  assert.ok(years.length >= 1 && years.every((y) => /^\d{4}年$/.test(y.trim())), `year headers: ${years}`);
  await page.screenshot({ path: join(outDir, 'weeks-picker.png') });
  await page.keyboard.press('Escape');

  // Every week with data, however old, is offered and marked.
  for (const w of ['2024-W10', ...summary.weeks]) {
    const label = `${w.slice(0, 4)}年第${Number(w.slice(6))}周`;
    await page.getByTestId('week-picker').click();
    await page.keyboard.type(label);
    const option = page.locator('.n-base-select-option').filter({ hasText: label }).first();
    await option.waitFor({ timeout: 10000 });
    assert.match(await option.innerText(), /· 有消息$/, `${w}: ${await option.innerText()}`);
    await page.keyboard.press('Escape');
  }
  await page.getByTestId('week-picker').click();
  await page.keyboard.type('2023年第52周');
  await page.locator('.n-base-select-option').filter({ hasText: '2023年第52周' }).first().click();
  await page.locator('.cards[data-week="2023-W52"]').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('week-note').count(), 0, 'a picked week needs no note');
  assert.deepEqual(errors, []);
  await page.close();

  // A group opens on its own latest week with messages; one without chat on this week.
  const fresh = await openPage(session, { viewport, service: 'HealthService' });
  await fresh.page.goto(`${session.url}#/groups/${groups[oldName].id}/health`);
  await fresh.page.locator('[data-testid="health-view"][data-week="2023-W52"]').waitFor({ timeout: 30000 });
  assert.match(await fresh.page.getByTestId('week-note').innerText(), /^本群本周还没有消息，显示的是有消息的最近一周：2023年第52周/);
  await fresh.page.screenshot({ path: join(outDir, 'weeks-group-note.png') });
  await fresh.page.getByTestId('nav-groups').click();
  await fresh.page.goto(`${session.url}#/groups/${groups[quietName].id}/health`);
  const quiet = fresh.page.getByTestId('health-view');
  await quiet.waitFor({ timeout: 30000 });
  const current = await cliJSON(devBinary, db, 'metrics', '--group', quietName);
  assert.equal(await quiet.getAttribute('data-week'), current.week, 'a group without chat opens on the current week');
  assert.equal(await fresh.page.getByTestId('week-note').count(), 0);
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();
});
