// The first hour of a new operator, in a real browser at 1366×768 (a small
// laptop) against the real Go services, on a fresh empty workspace with the
// samples (the member list and the MemoTrace chat of March 2024, kept in the
// repository's testdata): create a group → import the member list → import
// the chat → the app shows the week of the data with its figures, without
// hunting for it → make the report. Each step's text is asserted and each
// screen is screenshotted; no screen overflows sideways, the toasts cover
// neither the group tab bar nor a page header, the tables keep their numbers
// on one line, and the content calendar's empty week has its button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, outDir, startDevSession, freshWorkspace, openPage } from './lib.mjs';

const testdata = join(root, 'backend/importer/testdata');
const membersFile = join(testdata, 'member_list_excel_utf8_bom.csv'); // = /work/shared/samples' copy
const chatFile = join(testdata, 'memotrace_group_chat_utf8.csv');
const groupName = '读书打卡交流群';
const viewport = { width: 1366, height: 768 };
let session;

before(async () => {
  session = await startDevSession(freshWorkspace);
});

after(async () => {
  await session?.stop();
});

const shot = (page, name) => page.screenshot({ path: join(outDir, `firsthour-${name}.png`) });

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.n-spin-body, .n-data-table .n-base-loading'), null, { timeout: 15000 });
}

// Nothing sticks out of the window sideways, and nothing sticks out of the
// content column: a wide table scrolls inside itself.
async function fits(page, what) {
  const r = await page.evaluate(() => {
    const main = document.querySelector('main.content');
    const box = main?.getBoundingClientRect();
    const wide = [];
    if (main && box) {
      for (const el of main.querySelectorAll('*')) {
        const b = el.getBoundingClientRect();
        if (b.width === 0 || b.height === 0) continue;
        // inside a scrolling table or a menu is fine: it scrolls there
        if (el.closest('.n-scrollbar-container, .n-data-table-base-table-body, .n-base-select-menu')) continue;
        if (b.right > box.right + 1) wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(b.right)}`);
      }
    }
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, mainScroll: main?.scrollWidth ?? 0, mainWidth: main?.clientWidth ?? 0, wide: wide.slice(0, 5) };
  });
  assert.ok(r.scroll <= r.inner, `${what} overflows the window at 1366 px: ${r.scroll} > ${r.inner}`);
  assert.ok(r.mainScroll <= r.mainWidth + 1, `${what} overflows the content column: ${r.mainScroll} > ${r.mainWidth}: ${r.wide.join(', ')}`);
  assert.deepEqual(r.wide, [], `${what}: elements past the right edge`);
}

// A toast stays clear of the group's tab bar and of the page's header.
async function toastClear(page, what) {
  const toast = page.locator('.n-message').last();
  await toast.waitFor({ timeout: 10000 });
  const t = await toast.boundingBox();
  for (const sel of ['nav.tabs', '.page header', '.page h1']) {
    const el = page.locator(sel).first();
    if ((await el.count()) === 0 || !(await el.isVisible())) continue;
    const b = await el.boundingBox();
    const overlap = t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
    assert.ok(!overlap, `${what}: the toast ${JSON.stringify(t)} covers ${sel} ${JSON.stringify(b)}`);
  }
}

async function importFile(page, file) {
  await page.getByTestId('import-path').locator('input').fill(file);
  await page.getByTestId('import-preview-run').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 30000 });
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-result').waitFor({ timeout: 60000 });
}

// Every cell of a number column holds its number on one line.
async function numbersOnOneLine(page, table, what) {
  const tall = await page.locator(table).evaluate((el) => {
    const out = [];
    for (const td of el.querySelectorAll('td.num')) {
      const lh = parseFloat(getComputedStyle(td).lineHeight) || 20;
      const text = td.innerText.trim();
      const range = document.createRange();
      range.selectNodeContents(td);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (text && lines.size > 1) out.push(`${text} (${lines.size} lines, lh ${lh})`);
    }
    return out;
  });
  assert.deepEqual(tall, [], `${what}: numbers wrap`);
}

test('the first hour: a group, its member list, its chat, the week of the data, the report', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'StartService' });

  // 1. A fresh workspace opens on the welcome screen; "start empty" makes the first group.
  await page.getByTestId('welcome').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('welcome').innerText(), /群主/);
  await page.getByTestId('welcome-group-name').locator('input').fill(groupName);
  await shot(page, '1-welcome');
  await page.getByTestId('welcome-empty').click();
  await page.waitForURL(/#\/import\?group=\d+/);
  const groupId = Number(/group=(\d+)/.exec(page.url())[1]);

  // 2. The member list, through the import wizard, for this group.
  await page.getByTestId('import-help').waitFor();
  assert.match(await page.getByTestId('import-group').innerText(), new RegExp(groupName));
  await settle(page);
  await fits(page, 'the import page');
  await shot(page, '2-import-members');
  await importFile(page, membersFile);
  const result = page.getByTestId('import-result');
  assert.match(await result.innerText(), /member_list_excel_utf8_bom\.csv/);
  assert.match(await page.getByTestId('import-next-chat').innerText(), /导入聊天记录/);
  await result.scrollIntoViewIfNeeded();
  await fits(page, 'the member-list result');
  await shot(page, '3-members-result');

  // 3. The chat: the result says which dates the file covered, and offers that week.
  await page.getByTestId('import-next-chat').click();
  await page.getByTestId('import-help-chat').waitFor();
  assert.equal(await page.getByTestId('import-kind-chat').locator('input').isChecked(), true);
  await importFile(page, chatFile);
  assert.match(await page.getByTestId('import-span').innerText(), /2024年3月4日–3月6日，第10周/);
  assert.match(await page.getByTestId('import-open-week').innerText(), /查看这一周/);
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await fits(page, 'the chat result');
  await shot(page, '4-chat-result');
  // The history below: two imports, their counts on one line each.
  const history = page.getByTestId('import-history');
  await page.locator('[data-testid="import-history-row"]').nth(1).waitFor({ timeout: 15000 });
  await history.scrollIntoViewIfNeeded();
  await numbersOnOneLine(page, '[data-testid="import-history"] .n-data-table', 'the import history');
  await fits(page, 'the import history');
  await shot(page, '5-import-history');

  // 4. The Overview opens on the sample's week with its figures, and says why.
  await page.getByTestId('nav-overview').click();
  const card = page.locator('.cards[data-week="2024-W10"] [data-testid="overview-card"]');
  await card.first().waitFor({ timeout: 30000 });
  assert.equal(await card.count(), 1);
  assert.match(await page.getByTestId('week-note').innerText(), /显示的是有数据的最近一周：2024年第10周/);
  const figure = (key) => card.locator(`[data-testid="health-figure"][data-key="${key}"] .value`).innerText();
  assert.equal((await figure('messages')).trim(), '37');
  assert.equal((await figure('active_members')).trim(), '8');
  assert.match(await figure('response_median_minutes'), /1 小时 33 分|92\.9|93 分/);
  assert.match(await card.innerText(), /50/, 'the health score of the sample week');
  assert.equal(await page.getByTestId('demo-notice').count(), 0, 'no demo in a fresh workspace, no demo notice');
  await settle(page);
  await fits(page, 'the Overview');
  await shot(page, '6-overview');

  // 5. The group's page opens on the same week: the checklist has three steps to tick.
  await card.click();
  await page.waitForURL(new RegExp(`#/groups/${groupId}/health$`));
  await page.locator('[data-testid="health-view"][data-week="2024-W10"]').waitFor({ timeout: 30000 });
  await page.getByTestId('health-charts').waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="start-step"][data-step="health"]')?.dataset.done === 'true', null, { timeout: 15000 });
  assert.equal(await page.getByTestId('start-progress').innerText(), '已完成 3/4');
  await settle(page);
  await fits(page, 'the group health page');
  await shot(page, '7-health');

  // The members: the whole table within the window, wide columns scrolled inside it.
  await page.getByTestId('tab-members').click();
  await page.getByTestId('members-table').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('members-count').innerText(), /显示 \d+ \/ \d+ 名成员/);
  await settle(page);
  const table = await page.getByTestId('members-table').boundingBox();
  assert.ok(table.x + table.width <= viewport.width, `the member table ends at ${table.x + table.width}`);
  await numbersOnOneLine(page, '[data-testid="members-table"]', 'the member table');
  await page.getByTestId('members-table').scrollIntoViewIfNeeded();
  await fits(page, 'the members page');
  await shot(page, '8-members');

  // 6. The report of this group, on the week with data.
  await page.getByTestId('tab-health').click();
  await page.getByTestId('start-go-report').click();
  await page.waitForURL(new RegExp(`#/reports\\?group=${groupId}$`));
  await page.getByTestId('report-preview').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('report-group').innerText(), new RegExp(groupName));
  assert.match(await page.getByTestId('week-picker').innerText(), /2024年第10周/);
  const report = page.frameLocator('[data-testid="report-preview"]').locator('body');
  await report.waitFor({ timeout: 30000 });
  const text = await report.innerText();
  assert.match(text, new RegExp(groupName));
  assert.match(text, /2024/);
  assert.match(text, /37/, 'the report carries the week\'s messages');
  await settle(page);
  await fits(page, 'the report page');
  await shot(page, '9-report');

  // The content calendar: this week is empty and says what to do, with the button.
  await page.getByTestId('nav-calendar').click();
  const empty = page.getByTestId('calendar-empty');
  await empty.waitFor({ timeout: 30000 });
  assert.match(await empty.innerText(), /还没有内容计划/);
  assert.equal((await page.getByTestId('calendar-generate').innerText()).trim(), '生成本周计划');
  await fits(page, 'the content calendar');
  await shot(page, '10-calendar-empty');
  await page.getByTestId('calendar-generate').click();
  await toastClear(page, 'the calendar\'s plan toast');
  await page.waitForFunction(() => !document.querySelector('[data-testid="calendar-generate"] .n-base-loading'), null, { timeout: 30000 });
  await shot(page, '11-calendar-planned');

  assert.deepEqual(errors, []);
  await page.close();
});

test('every main screen fits 1366×768 in the workspace the first hour left', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'GroupService' });
  const screens = [
    ['overview', '#/overview', '.cards'],
    ['groups', '#/groups', '[data-testid="group-create"]'],
    ['import', '#/import', '[data-testid="import-path"]'],
    ['calendar', '#/calendar', '[data-testid="calendar"]'],
    ['reports', '#/reports', '[data-testid="report-group"]'],
    ['settings', '#/settings', '[data-testid="lang-zh"]'],
  ];
  for (const [name, hash, ready] of screens) {
    await page.goto(`${session.url}${hash}`);
    await page.locator(ready).first().waitFor({ timeout: 30000 });
    await settle(page);
    await fits(page, `the ${name} screen`);
    await shot(page, `screen-${name}`);
  }
  const groups = await page.evaluate(() => window.go.app.GroupService.List());
  const id = groups[0].id;
  for (const tab of ['health', 'members', 'rules', 'content', 'risk']) {
    await page.goto(`${session.url}#/groups/${id}/${tab}`);
    await page.locator('nav.tabs').waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await settle(page);
    await fits(page, `the group's ${tab} tab`);
    await shot(page, `screen-group-${tab}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('with the demo loaded beside the group, the Overview says so and removes it in one click', async () => {
  const { page, errors } = await openPage(session, { viewport, service: 'SystemService' });
  await page.evaluate(() => window.go.app.SystemService.OpenDemo());
  await page.goto(`${session.url}#/overview`);
  await page.reload(); // the weeks are read once per start
  const notice = page.getByTestId('demo-notice');
  await notice.waitFor({ timeout: 30000 });
  assert.match(await notice.innerText(), /示例/);
  assert.equal((await page.getByTestId('demo-remove').innerText()).trim(), '移除示例数据');
  await page.locator('[data-testid="overview-card"]').nth(1).waitFor({ timeout: 30000 });
  assert.ok((await page.getByTestId('overview-card').count()) > 1, 'the demo groups are on the Overview');
  await settle(page);
  await fits(page, 'the Overview with the demo');
  await shot(page, '12-overview-demo');
  await page.getByTestId('demo-remove').click();
  await notice.waitFor({ state: 'detached', timeout: 30000 });
  await toastClear(page, 'the demo removal toast');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="overview-card"]').length === 1, null, { timeout: 30000 });
  assert.match(await page.getByTestId('overview-card').innerText(), new RegExp(groupName));
  await shot(page, '13-overview-demo-removed');
  assert.deepEqual(errors, []);
  await page.close();
});
