// Clean-up, in a real browser at 1366×768 against the real Go services, on
// the demo workspace with one own group: the groups list tags the demo's
// groups and offers 移除示例数据; a group's settings end with a danger zone
// whose delete works only once the group's name is typed, after which the
// group is gone (the CLI agrees) and a backup was made first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, demoWorkspace } from './lib.mjs';

const ownName = '考研英语 1 群';
const spareName = '要删掉的群';
let session, db;

before(async () => {
  session = await startDevSession(async (d) => {
    await demoWorkspace(d);
    await cliJSON(devBinary, d, 'group', 'add', '--name', ownName);
    await cliJSON(devBinary, d, 'group', 'add', '--name', spareName);
  });
  db = session.db;
});

after(async () => {
  await session?.stop();
});

const viewport = { width: 1366, height: 768 };
const names = async () => (await cliJSON(devBinary, db, 'group', 'list')).map((g) => g.name).sort();

test('a group is deleted from its settings once its name is typed', async () => {
  const { page, errors } = await openPage(session, { viewport });
  await page.getByTestId('nav-groups').click();
  const row = page.locator('[data-testid="group-row"]', { hasText: spareName });
  await row.waitFor({ timeout: 30000 });
  await row.click();
  const danger = page.getByTestId('group-danger');
  await danger.scrollIntoViewIfNeeded();
  assert.match(await danger.innerText(), /删除这个群[\s\S]*删除前会先自动备份整个工作区/);
  await page.screenshot({ path: join(outDir, 'cleanup-danger-zone.png') });

  await page.getByTestId('group-delete').click();
  const dialog = page.getByTestId('group-delete-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(`删除社群“${spareName}”？`));
  const confirm = page.getByTestId('group-delete-confirm');
  assert.equal(await confirm.isDisabled(), true);
  await page.getByTestId('group-delete-name').locator('input').fill('要删掉');
  assert.equal(await page.getByTestId('group-delete-mismatch').innerText(), '与群名称不一致');
  assert.equal(await confirm.isDisabled(), true);
  await page.getByTestId('group-delete-name').locator('input').fill(spareName);
  assert.equal(await confirm.isDisabled(), false);
  await page.waitForTimeout(400); // the button's colour transition
  await page.screenshot({ path: join(outDir, 'cleanup-delete-confirm.png') });
  await confirm.click();

  await page.getByText(`已删除社群“${spareName}”`).waitFor({ timeout: 30000 });
  await page.getByText('删除前已自动备份').first().waitFor();
  await page.locator('[data-testid="group-row"]', { hasText: spareName }).waitFor({ state: 'detached' });
  assert.ok(!(await names()).includes(spareName));
  const backups = readdirSync(join(dirname(db), 'backups')).filter((f) => f.endsWith('.db'));
  assert.ok(backups.length >= 1, 'a backup was made before the delete');
  const log = await cliJSON(devBinary, db, 'audit', '--action', 'group.delete');
  assert.equal(log.length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the demo is tagged and removed in one click, the own group stays', async () => {
  const { page, errors } = await openPage(session, { viewport });
  await page.getByTestId('nav-groups').click();
  const notice = page.getByTestId('demo-notice');
  await notice.waitFor({ timeout: 30000 });
  assert.match(await notice.innerText(), /标着“示例”的 3 个群是演示用的/);
  await page.getByTestId('group-demo-tag').nth(2).waitFor({ timeout: 30000 }); // the table's rows come after the notice
  assert.equal(await page.getByTestId('group-demo-tag').count(), 3);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // the table's loading veil
  await page.screenshot({ path: join(outDir, 'cleanup-demo-notice.png') });

  await page.getByTestId('demo-remove').click();
  await page.getByText('已移除示例数据（3 个示例群）').waitFor({ timeout: 60000 });
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('group-row').count(), 1);
  assert.deepEqual(await names(), [ownName]);
  await page.screenshot({ path: join(outDir, 'cleanup-demo-removed.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a deleted keyword reply comes back from 撤销, and a cadence out of range is refused with its range', async () => {
  const own = (await cliJSON(devBinary, db, 'group', 'list')).find((g) => g.name === ownName);
  const { page, errors } = await openPage(session, { viewport, service: 'AutomationService' });
  await page.goto(`${session.url}#/groups/${own.id}/content/assistant`);
  const replies = page.getByTestId('keyword-reply');
  await replies.first().waitFor({ timeout: 30000 });
  const before = await replies.count();
  const first = await replies.first().locator('.reply').innerText();
  await replies.first().getByTestId('reply-delete').click();
  await page.locator('.n-popconfirm__action .n-button--primary-type').click();
  await page.getByTestId('toast-undo').waitFor();
  assert.equal(await replies.count(), before - 1);
  await page.waitForTimeout(400); // the toast's entrance
  await page.screenshot({ path: join(outDir, 'cleanup-undo-toast.png') });
  await page.getByTestId('toast-undo').click();
  await page.getByText('已恢复这条关键词回复').waitFor();
  assert.equal(await replies.count(), before);
  assert.equal(await replies.last().locator('.reply').innerText(), first);
  const templates = await cliJSON(devBinary, db, 'templates', '--group', ownName);
  assert.equal(templates.keyword_replies.length, before);

  await page.goto(`${session.url}#/groups/${own.id}/content`);
  const card = page.getByTestId('cadence-card');
  await card.waitFor({ timeout: 30000 });
  const shares = page.getByTestId('cadence-shares').locator('input');
  await shares.fill('99');
  await shares.press('Tab');
  assert.equal(await page.getByTestId('cadence-range-shares').innerText(), '每周主题分享（次）：请填 0 到 14 之间的整数');
  assert.equal(await shares.inputValue(), '99');
  await page.getByTestId('cadence-save').click();
  await page.getByText('有设置不在允许的范围内').waitFor();
  await card.screenshot({ path: join(outDir, 'cleanup-cadence-range.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a workspace with nothing left offers the demo in one click, no command to type, and removes it again', async () => {
  const own = await startDevSession(demoWorkspace); // the demo alone
  try {
    const { page, errors } = await openPage(own, { viewport });
    await page.getByTestId('nav-groups').click();
    await page.getByTestId('demo-remove').click();
    const empty = page.getByTestId('empty-groups');
    await empty.waitFor({ timeout: 60000 });
    const words = await empty.innerText();
    assert.match(words, /可以载入三个示例社群和十二周的聊天记录/);
    assert.doesNotMatch(words, /qunzhu|命令行/);
    await page.waitForTimeout(400); // the toast's entrance
    await page.screenshot({ path: join(outDir, 'cleanup-empty-demo.png') });

    await page.getByTestId('empty-groups-demo').click();
    await page.getByTestId('demo-notice').waitFor({ timeout: 60000 });
    assert.equal(await page.getByTestId('group-demo-tag').count(), 3);
    assert.equal((await cliJSON(devBinary, own.db, 'group', 'list')).length, 3);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await own.stop();
  }
});
