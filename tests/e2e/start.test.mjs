// The guided start, in a real browser at 1366×768 against the real Go
// services, on a fresh workspace with the shared samples: the welcome
// screen's first group, its checklist (导入成员名单 → 导入聊天记录 → 看本周健康
// → 生成周报), each step's button, the member list and the chat imported
// through the wizard with each result offering the next step, the ticks as
// the steps are done, the checklist gone once all are; a group created on
// the Groups screen opens on its checklist, which can be closed for good;
// the export guide opens from the import page, a page per source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, startDevSession, freshWorkspace, openPage } from './lib.mjs';

const samples = '/work/shared/samples';
const membersFile = join(samples, 'member_list_excel_utf8_bom.csv');
const chatFile = join(samples, 'memotrace_group_chat_utf8.csv');
const groupName = '读书打卡交流群';
const viewport = { width: 1366, height: 768 };
let session;

before(async () => {
  session = await startDevSession(freshWorkspace);
});

after(async () => {
  await session?.stop();
});

const ticks = (page) => page.locator('[data-testid="start-step"]').evaluateAll((els) => els.map((e) => `${e.dataset.step}:${e.dataset.done}`));

async function noSideways(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${what} overflows sideways at 1366 px: ${scroll} > ${inner}`);
}

async function importFile(page, file) {
  await page.getByTestId('import-path').locator('input').fill(file);
  await page.getByTestId('import-preview-run').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 30000 });
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-result').waitFor({ timeout: 60000 });
}

test('a fresh workspace walks the guided start with the samples', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'StartService' });

  // The welcome screen's "start empty" makes the first group.
  await page.getByTestId('welcome').waitFor({ timeout: 30000 });
  await page.getByTestId('welcome-group-name').locator('input').fill(groupName);
  await page.getByTestId('welcome-empty').click();
  await page.waitForURL(/#\/import\?group=\d+/);
  const groupId = Number(/group=(\d+)/.exec(page.url())[1]);

  // The group's page: the checklist, nothing done, the first step lit.
  await page.goto(`${session.url}#/groups/${groupId}/health`);
  const list = page.getByTestId('start-checklist');
  await list.waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('start-progress').innerText(), '已完成 0/4');
  assert.deepEqual(await ticks(page), ['members:false', 'chat:false', 'health:false', 'report:false']);
  const titles = await page.locator('[data-testid="start-step"] .step-title').allInnerTexts();
  assert.deepEqual(titles, ['导入成员名单', '导入聊天记录', '看本周健康', '生成周报']);
  assert.match(await page.getByTestId('health-no-chat').innerText(), /这个群还没有聊天记录/);
  // no wall of 0 and 未测量 for a group without chat: no figures, no charts
  assert.equal(await page.getByTestId('health-charts').count(), 0);
  await noSideways(page, 'the checklist');
  await page.waitForFunction(() => !document.querySelector('.n-spin-body'), null, { timeout: 15000 });
  await page.screenshot({ path: join(outDir, 'start-checklist-new.png') });

  // Step 1: the button opens the member-list import of this group.
  await page.getByTestId('start-go-members').click();
  await page.waitForURL(new RegExp(`#/import\\?group=${groupId}&kind=members`));
  await page.getByTestId('import-help').waitFor();
  assert.match(await page.getByTestId('import-group').innerText(), new RegExp(groupName));
  await importFile(page, membersFile);
  // The result offers the next step: the chat, same group.
  await page.getByTestId('import-next-chat').click();
  await page.getByTestId('import-help-chat').waitFor();
  assert.equal(await page.getByTestId('import-kind-chat').locator('input').isChecked(), true);
  await importFile(page, chatFile);
  assert.match(await page.getByTestId('import-span').innerText(), /2024年3月4日–3月6日，第10周/);
  assert.equal(await page.getByTestId('import-open-report').innerText(), '生成周报');
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, 'start-chat-result.png') });

  // 查看这一周: the health of the sample's week ticks the third step.
  await page.getByTestId('import-open-week').click();
  await page.locator('[data-testid="health-view"][data-week="2024-W10"]').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="start-step"][data-step="health"]')?.dataset.done === 'true', null, { timeout: 15000 });
  assert.deepEqual(await ticks(page), ['members:true', 'chat:true', 'health:true', 'report:false']);
  assert.equal(await page.getByTestId('start-progress').innerText(), '已完成 3/4');
  assert.equal(await page.getByTestId('health-no-chat').count(), 0);
  await page.getByTestId('health-charts').waitFor({ timeout: 15000 });
  await noSideways(page, 'the checklist with three steps done');
  await page.screenshot({ path: join(outDir, 'start-checklist-three.png') });

  // Step 4: the report of this group, on the week with data.
  await page.getByTestId('start-go-report').click();
  await page.waitForURL(new RegExp(`#/reports\\?group=${groupId}$`));
  await page.getByTestId('report-preview').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('report-group').innerText(), new RegExp(groupName));

  // Back on the group: all four done, the checklist is gone (remembered by Go).
  await page.waitForTimeout(500);
  await page.goto(`${session.url}#/groups/${groupId}/members`);
  await page.goto(`${session.url}#/groups/${groupId}/health`);
  await page.getByTestId('health-view').waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('start-checklist').count(), 0, 'the checklist goes once every step is done');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a group created on the Groups screen opens on its checklist, which can be closed for good', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'StartService' });
  await page.getByTestId('nav-groups').click();
  await page.getByTestId('group-create').click();
  await page.getByTestId('group-name').locator('input').fill('新建的群');
  await page.getByTestId('group-save').click();
  await page.waitForURL(/#\/groups\/\d+\/health$/);
  await page.getByTestId('start-checklist').waitFor({ timeout: 30000 });
  assert.deepEqual(await ticks(page), ['members:false', 'chat:false', 'health:false', 'report:false']);
  // Its empty health page teaches: import the chat, or learn how to export one.
  await page.getByTestId('health-guide').click();
  await page.waitForURL(/#\/import\/guide\/memotrace\?group=\d+$/);
  await page.getByTestId('guide-page').waitFor();
  await page.goBack();
  await page.getByTestId('start-dismiss').click();
  await page.getByTestId('start-checklist').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('health-view').waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('start-checklist').count(), 0, 'closed stays closed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the export guide opens from the import page, a page per source', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'ImportService' });
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-kind-chat').click();
  await page.getByTestId('import-guide-source').first().waitFor();
  assert.deepEqual(
    await page.getByTestId('import-guide-source').evaluateAll((els) => els.map((e) => e.dataset.source)),
    ['memotrace', 'pywxdump', 'chatlog', 'forward', 'wecom', 'sheet'],
  );
  await page.screenshot({ path: join(outDir, 'start-import-help.png') });
  await page.locator('[data-testid="import-guide-source"][data-source="forward"]').click();
  await page.waitForURL(/#\/import\/guide\/forward/);
  const guide = page.getByTestId('guide-page');
  await guide.waitFor();
  assert.equal(await page.getByTestId('guide-name').innerText(), '手机多选，合并成文字');
  assert.ok((await page.getByTestId('guide-step').count()) >= 3);
  assert.match(await page.getByTestId('guide-loses').innerText(), /只有名字[\s\S]*时间只到分钟/);
  await noSideways(page, 'the guide');
  await page.screenshot({ path: join(outDir, 'start-guide-forward.png'), fullPage: true });

  // Every source has its page with steps and what it loses.
  for (const source of ['memotrace', 'pywxdump', 'chatlog', 'wecom', 'sheet']) {
    await page.locator(`[data-testid="guide-source"][data-source="${source}"]`).click();
    await page.locator(`[data-testid="guide-page"][data-source="${source}"]`).waitFor();
    assert.ok((await page.getByTestId('guide-step').count()) >= 3, source);
    assert.ok((await page.getByTestId('guide-loss').count()) >= 2, source);
    await noSideways(page, `the guide's ${source} page`);
  }
  assert.equal(await page.locator('[data-testid="guide-template"] tbody tr').count(), 3, 'the typed sheet shows its example rows');
  await page.getByTestId('guide-template').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, 'start-guide-sheet.png') });
  // Back to the wizard with the chat and the source's format chosen.
  await page.getByTestId('guide-import').click();
  await page.waitForURL(/#\/import\?kind=chat&format=csv/);
  await page.getByTestId('import-format').waitFor();
  assert.match(await page.getByTestId('import-format').innerText(), /CSV 表格/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in English the checklist and the guide fit 1366 px too', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'StartService' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-en').click();
  await page.getByText('Settings', { exact: true }).first().waitFor();
  try {
    await page.getByTestId('nav-groups').click();
    await page.getByTestId('group-create').click();
    await page.getByTestId('group-name').locator('input').fill('Book club');
    await page.getByTestId('group-save').click();
    await page.waitForURL(/#\/groups\/\d+\/health$/);
    await page.getByTestId('start-checklist').waitFor({ timeout: 30000 });
    const titles = await page.locator('[data-testid="start-step"] .step-title').allInnerTexts();
    assert.deepEqual(titles, ['Import the member list', 'Import the chat', 'See this week\'s health', 'Make the weekly report']);
    await noSideways(page, 'the English checklist');
    await page.waitForFunction(() => !document.querySelector('.n-spin-body'), null, { timeout: 15000 });
    await page.screenshot({ path: join(outDir, 'start-checklist-en.png') });
    await page.getByTestId('start-guide').click();
    await page.getByTestId('guide-page').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'How to export a chat');
    await page.locator('[data-testid="guide-source"][data-source="chatlog"]').click();
    await page.locator('[data-testid="guide-page"][data-source="chatlog"]').waitFor();
    await noSideways(page, 'the English guide');
    await page.screenshot({ path: join(outDir, 'start-guide-chatlog-en.png') });
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('lang-zh').click();
    await page.getByText('设置', { exact: true }).first().waitFor();
  }
  assert.deepEqual(errors, []);
  await page.close();
});
