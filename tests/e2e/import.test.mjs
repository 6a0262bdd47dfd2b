// The import wizard in a real browser against the real Go services: a member
// list in GBK and a MemoTrace chat export go into a group created on the
// command line, both show up in the import history, and the latest is undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { mkdtempSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { root, outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

const groupName = '读书打卡交流群';
const memberFile = join(root, 'backend/importer/testdata/member_list_excel_gbk.csv');
const chatFile = join(root, 'backend/importer/testdata/memotrace_group_chat_utf8.csv');
const bigGroupName = '万人大群';
const otherGroupName = '考研英语 1 群'; // the samples' title names 读书打卡交流群
const textFile = join(root, 'backend/importer/testdata/wechat_merged_forward_group.txt');
let session, db;
const scratch = []; // big generated files, removed at the end

before(async () => {
  session = await startDevSession(async (d) => {
    await cliJSON(devBinary, d, 'group', 'add', '--name', groupName);
    await cliJSON(devBinary, d, 'group', 'add', '--name', bigGroupName);
    await cliJSON(devBinary, d, 'group', 'add', '--name', otherGroupName);
  });
  db = session.db;
});

after(async () => {
  await session?.stop();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function openImport() {
  const { page, errors } = await openPage(session, { viewport: { width: 1280, height: 1500 }, service: 'ImportService' });
  await page.getByTestId('nav-import').click();
  await page.getByText('导入记录', { exact: true }).waitFor();
  return { page, errors };
}

async function chooseGroup(page, name = groupName) {
  await page.getByTestId('import-group').click();
  await page.locator('.n-base-select-option', { hasText: name }).first().click();
  await page.getByTestId('import-group').getByText(name, { exact: true }).waitFor();
}

/** bigChat writes a MemoTrace export of n messages (≈125 bytes each) and returns its path. */
function bigChat(n) {
  const file = join(mkdtempSync(join(tmpdir(), 'qunzhu-e2e-big-')), 'big_memotrace.csv');
  const fd = openSync(file, 'w');
  writeSync(fd, '\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n');
  let lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(`${i + 1},27,1,0,0,${1709506692 + i * 7},3,第${i}条消息 今天读了几页书,2024-03-04 06:58:12,晓雨-杭州,陈晓雨,wxid_u${i % 500}`);
    if (lines.length === 10000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  return file;
}

async function importFile(page, kind, file) {
  await page.getByTestId(`import-kind-${kind}`).click();
  await page.getByTestId('import-path').locator('input').fill(file);
  await page.getByTestId('import-preview-run').click();
  const preview = page.getByTestId('import-preview');
  await preview.waitFor({ timeout: 30000 });
  return preview;
}

async function runImport(page) {
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await result.or(page.getByTestId('import-error')).first().waitFor({ timeout: 60000 });
  if (!(await result.isVisible())) assert.fail(`the import failed: ${await page.getByTestId('import-error').first().innerText()}`);
  return result;
}

const count = async (page, key) => Number((await page.getByTestId(`import-count-${key}`).locator('dd').innerText()).replace(/[^\d]/g, ''));

test('import a member list and a chat export, then undo the latest import', async () => {
  const { page, errors } = await openImport();
  await chooseGroup(page);

  // A member list saved by Excel on Chinese Windows: GBK, detected and decoded.
  let preview = await importFile(page, 'members', memberFile);
  assert.match(await page.getByTestId('import-detected-encoding').innerText(), /GB18030/);
  await preview.getByTestId('import-preview-table').getByText('林知秋', { exact: true }).first().waitFor();
  await preview.getByTestId('import-mapping').waitFor();
  assert.ok((await preview.getByTestId('import-field').count()) >= 10, 'every column has a field select');
  await page.screenshot({ path: join(outDir, 'import-preview.png'), fullPage: true });

  // Correct the mapping: the 备注 column is not imported; the preview follows Go's reading.
  const table = preview.getByTestId('import-preview-table');
  await table.getByText('大力-程序员', { exact: true }).waitFor();
  await preview.locator('[data-testid="import-field"][data-header="备注"]').click();
  await page.locator('.n-base-select-option', { hasText: '不导入' }).first().click();
  assert.ok(await page.getByTestId('import-start').isDisabled(), 'import is allowed before the new mapping was previewed');
  await page.getByTestId('import-repreview').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-preview-table"]')?.textContent?.includes('大力-程序员'), null, { timeout: 10000 });
  await table.getByText('林知秋', { exact: true }).first().waitFor();

  await runImport(page);
  const imported = await count(page, 'imported');
  assert.ok(imported > 0, `nothing imported: ${imported}`);
  await page.screenshot({ path: join(outDir, 'import-result.png'), fullPage: true });
  await page.getByTestId('import-history-row').first().waitFor();

  // A MemoTrace chat export: the format is detected without being chosen.
  preview = await importFile(page, 'chat', chatFile);
  assert.match(await page.getByTestId('import-detected-format').innerText(), /MemoTrace/);
  await runImport(page);
  assert.ok((await count(page, 'imported')) > 0, 'no messages imported');

  const rows = page.getByTestId('import-history').getByTestId('import-history-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-history-row"]').length === 2, null, { timeout: 10000 });
  assert.equal(await rows.count(), 2);
  assert.equal(await page.getByTestId('import-undo').count(), 1, 'only the latest import can be undone');
  await page.screenshot({ path: join(outDir, 'import-history.png'), fullPage: true });

  // Undo asks first, then the history shows the member list only.
  await page.getByTestId('import-undo').click();
  await page.locator('.n-popconfirm__action').getByRole('button', { name: '撤销' }).click();
  await page.getByTestId('import-undone').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-history-row"]').length === 1, null, { timeout: 10000 });
  assert.match(await rows.first().innerText(), /成员名单/);
  assert.equal(await page.getByTestId('import-result').count(), 0, 'the undone import’s result is still shown');
  assert.equal(await page.getByTestId('import-undo').count(), 1, 'the member list is now the latest import');
  await page.screenshot({ path: join(outDir, 'import-undone.png'), fullPage: true });

  assert.deepEqual(errors, []);
  await page.close();
});

test('a long import shows progress, keeps the window responsive and can be cancelled', async () => {
  // Big enough that the import is still running after the trip to Groups
  // and back, even on an idle machine.
  const file = bigChat(600000);
  scratch.push(dirname(file));
  const { page, errors } = await openImport();
  await chooseGroup(page, bigGroupName);
  await importFile(page, 'chat', file);
  assert.match(await page.getByTestId('import-detected-format').innerText(), /MemoTrace/);

  await page.getByTestId('import-start').click();
  const progress = page.getByTestId('import-progress');
  await progress.waitFor({ timeout: 10000 });
  await page.waitForFunction(() => /已读取 [1-9]/.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''), null, { timeout: 20000 });
  // The window answers while Go works.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 1000, 'the page froze during the import');
  await page.screenshot({ path: join(outDir, 'import-progress.png'), fullPage: true });

  // Leaving the screen does not lose the job: back on Import, its progress and Cancel are there.
  await page.getByTestId('nav-groups').click();
  await page.getByTestId('group-table').waitFor();
  await page.getByTestId('nav-import').click();
  await progress.waitFor({ timeout: 5000 });
  await page.getByTestId('import-group').getByText(bigGroupName, { exact: true }).waitFor();

  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-cancelled').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('import-result').count(), 0);
  await page.getByTestId('import-history-empty').waitFor();
  assert.equal(await page.getByTestId('import-history-row').count(), 0, 'a cancelled import left a batch behind');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file of the other kind is named and imported as the right kind; a chat titled with another group is asked about first', async () => {
  const { page, errors } = await openImport();
  await chooseGroup(page, otherGroupName);
  const historyRows = () => page.getByTestId('import-history-row').count();

  // A member list picked as a chat export: said in plain words, one button switches the kind.
  let preview = await importFile(page, 'chat', memberFile);
  const looksLike = preview.getByTestId('import-looks-like');
  await looksLike.waitFor();
  assert.match(await looksLike.innerText(), /这看起来是成员名单，不是聊天记录/);
  assert.equal(await page.getByTestId('import-start').count(), 0, 'a file of the other kind can be imported as it is');
  await page.screenshot({ path: join(outDir, 'import-looks-like-members.png'), fullPage: true });
  await preview.getByTestId('import-switch-kind').click();
  await preview.getByTestId('import-preview-table').getByText('林知秋', { exact: true }).first().waitFor({ timeout: 30000 });
  assert.ok(await page.getByTestId('import-kind-members').locator('input').isChecked(), 'the wizard did not switch to member lists');
  await runImport(page);
  assert.ok((await count(page, 'imported')) > 0, 'no members imported');

  // A chat export picked as a member list, and back.
  preview = await importFile(page, 'members', chatFile);
  await preview.getByTestId('import-looks-like').getByText('这看起来是聊天记录，不是成员名单。').waitFor();
  await page.screenshot({ path: join(outDir, 'import-looks-like-chat.png'), fullPage: true });
  await preview.getByTestId('import-switch-kind').click();
  await page.getByTestId('import-detected-format').getByText(/MemoTrace/).waitFor({ timeout: 30000 });
  assert.ok(await page.getByTestId('import-kind-chat').locator('input').isChecked(), 'the wizard did not switch to chat histories');
  assert.equal(await page.getByTestId('import-tz').count(), 0, 'MemoTrace writes instants: no time zone to choose');
  await runImport(page);
  assert.ok((await count(page, 'imported')) > 0, 'no messages imported');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-history-row"]').length === 2, null, { timeout: 10000 });

  // A forward-as-text export titled 读书打卡交流群, imported into 考研英语 1 群.
  await page.getByTestId('import-again').click();
  preview = await importFile(page, 'chat', textFile);
  assert.match(await preview.getByTestId('import-other-group').innerText(), /文件里的群名是“读书打卡交流群”，不是“考研英语 1 群”/);
  // Its times are local ones: whose, the operator may say (the group's by default).
  assert.match(await preview.getByTestId('import-tz').innerText(), /社群所在地的时间（北京时间 UTC\+8）/);
  await page.getByTestId('import-start').click();
  const confirm = page.getByTestId('import-group-confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /文件里的群名是“读书打卡交流群”，要导入到“考研英语 1 群”吗？/);
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished))); // the dialog has faded in
  await page.screenshot({ path: join(outDir, 'import-other-group.png'), fullPage: true });
  await confirm.getByTestId('import-group-no').click();
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await historyRows(), 2, 'declining imported the file');
  assert.equal(await page.getByTestId('import-result').count(), 0);

  await page.getByTestId('import-start').click();
  await confirm.getByTestId('import-group-yes').click();
  const result = page.getByTestId('import-result');
  await result.or(page.getByTestId('import-error')).first().waitFor({ timeout: 60000 });
  if (!(await result.isVisible())) assert.fail(`the confirmed import failed: ${await page.getByTestId('import-error').first().innerText()}`);
  assert.equal(await count(page, 'rows'), 36, 'the forward-as-text sample has 36 messages');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-history-row"]').length === 3, null, { timeout: 10000 });

  // What the window did, the command line sees: the group has its members and messages.
  const group = (await cliJSON(devBinary, db, 'group', 'list')).find((g) => g.name === otherGroupName);
  assert.ok(group.members > 0 && group.messages > 0, `group after the imports: ${JSON.stringify(group)}`);
  assert.deepEqual(errors, []);
  await page.close();
});
