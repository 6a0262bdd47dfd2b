// Repairing a ledger that holds one person several times, in a real browser
// against the real Go services. The workspace is made through the real
// import path: a member list with 小王 on three rows and 阿May on two (two
// rows of one sheet are two people), and a forward-as-text export in which
// each record speaks under its own remark on other days of one week.
// Merging in the member drawer and from the notice of members recorded more
// than once must show in what a user sees — the ledger's rows, the kept
// member's messages and last message, the week's active members — and the
// import history must undo it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, root } from './lib.mjs';

const testdata = join(root, 'app/testdata');
const viewport = { width: 1366, height: 768 };
let session, db, group;

const pad = (n) => String(n).padStart(2, '0');
const day = 86400e3;
// Last week, Monday to Sunday in Asia/Shanghai (the group's zone): the week
// picker reaches back 26 weeks from today, so the sample chat
// (merge_chat.txt, 2024-03-04 to 03-08) is moved to it, day for day.
const today = new Date(Date.now() + 8 * 3600e3); // Shanghai wall clock in UTC fields
const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - (((today.getUTCDay() + 6) % 7) + 7) * day);
const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const zhDate = (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const dayOf = (i) => new Date(monday.getTime() + i * day); // 0: Monday
/** isoWeek is the ISO week of a date, as Go writes it: 2024-W10. */
function isoWeek(d) {
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * day);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${pad(1 + Math.floor((thursday.getTime() - jan1) / (7 * day)))}`;
}
const week = isoWeek(monday);

before(async () => {
  session = await startDevSession(async (path) => {
    group = await cliJSON(devBinary, path, 'group', 'add', '--name', '合并练习群');
    await cliJSON(devBinary, path, 'import', 'members', '--group', String(group.id), join(testdata, 'merge_members.csv'));
    const chat = readFileSync(join(testdata, 'merge_chat.txt'), 'utf8').replace(/2024-03-0(\d)/g, (_, d) => ymd(dayOf(Number(d) - 4)));
    const file = join(dirname(path), '合并练习群.txt');
    writeFileSync(file, chat);
    await cliJSON(devBinary, path, 'import', 'chat', '--group', String(group.id), file);
  });
  db = session.db;
});

/** showWeek picks last week in the shared week picker of the screen showing testid. */
async function showWeek(page, testid) {
  const view = page.getByTestId(testid);
  await view.waitFor({ timeout: 30000 });
  if ((await view.getAttribute('data-week')) !== week) {
    await page.getByTestId('week-picker').click();
    await page.locator('.n-base-select-option').filter({ hasText: `第${Number(week.slice(6))}周` }).first().click();
  }
  await page.waitForFunction(([id, w]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-week') === w, [testid, week]);
}

after(async () => {
  await session?.stop();
});

const ledger = () => cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
/** counts is what the CLI's ledger says of the records called name: each one's messages, most first. */
const counts = (rows, name) => rows.filter((m) => m.name === name).map((m) => m.messages_28d).sort((a, b) => b - a);

/** activeMembers reads the week's active-member figure on the group's Health tab. */
async function activeMembers(page) {
  await page.goto(`${session.url}#/groups/${group.id}/health`);
  await showWeek(page, 'health-view');
  const figure = page.locator('[data-testid="health-figure"][data-key="active_members"] .value');
  return Number((await figure.innerText()).replace(/[^\d]/g, ''));
}

async function openMembers(page) {
  await page.goto(`${session.url}#/groups/${group.id}/members`);
  await showWeek(page, 'members-view');
}

/** settled waits until no transition or animation runs (dialogs fade in), for a screenshot. */
const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

const memberCount = async (page) => {
  const m = (await page.getByTestId('members-count').innerText()).match(/\/ (\d+) 名成员/);
  return Number(m[1]);
};

test('Merge in the member drawer: one row fewer, the kept member holds both, active members drop; undone from the import history', async () => {
  const { page, errors } = await openPage(session, { service: 'MembersService', viewport });
  const before = await ledger();
  assert.equal(before.length, 7);
  const metricsBefore = await cliJSON(devBinary, db, 'metrics', '--group', String(group.id), '--week', week);
  const activeBefore = await activeMembers(page);
  assert.equal(activeBefore, metricsBefore.active_members);
  assert.equal(activeBefore, 7);

  // Open the 小王 who spoke as 小王-上海.
  await openMembers(page);
  assert.equal(await memberCount(page), 7);
  // Each record's id, found by the remark it spoke under.
  const ids = {};
  for (const remark of ['小王-北京', '小王-上海', '小王-广州']) {
    await page.getByTestId('members-search').locator('input').fill(remark);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-row"]').length === 1);
    ids[remark] = Number(await page.getByTestId('member-row').getAttribute('data-member-id'));
  }
  assert.equal(new Set(Object.values(ids)).size, 3);
  await page.getByTestId('members-search').locator('input').fill('小王-上海');
  await page.waitForFunction((id) => {
    const rows = document.querySelectorAll('[data-testid="member-row"]');
    return rows.length === 1 && rows[0].getAttribute('data-member-id') === String(id);
  }, ids['小王-上海']);
  await page.getByTestId('member-row').click();
  const drawer = page.getByTestId('member-drawer');
  await drawer.locator(`[data-member-id="${ids['小王-上海']}"]`).waitFor();

  // 合并到…: the other two records called 小王 are offered, each told apart.
  await drawer.getByTestId('member-merge').click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.waitFor();
  const targets = dialog.getByTestId('merge-target');
  await targets.first().waitFor();
  assert.deepEqual(
    (await targets.evaluateAll((els) => els.map((e) => Number(e.dataset.memberId)))).sort(),
    [ids['小王-北京'], ids['小王-广州']].sort(),
  );
  const bj = dialog.locator(`[data-testid="merge-target"][data-member-id="${ids['小王-北京']}"]`);
  assert.match(await bj.innerText(), /小王-北京/);
  assert.ok((await bj.innerText()).includes(`最后发言 ${zhDate(dayOf(1))} · 共 3 条消息`), await bj.innerText());
  await bj.click();
  const explain = await dialog.getByTestId('merge-explain').innerText();
  assert.match(explain, /^把“小王（小王-上海）”合并到“小王（小王-北京）”：/);
  assert.match(explain, /小王（小王-上海） 这条记录会消失。可以在导入记录里撤销。/);
  await settled(page);
  await page.screenshot({ path: join(outDir, 'merge-dialog.png') });
  await dialog.getByTestId('merge-confirm').click();

  // The drawer shows the member kept, holding both records' messages.
  await drawer.getByTestId('member-merged').waitFor({ timeout: 15000 });
  await drawer.locator(`[data-member-id="${ids['小王-北京']}"]`).waitFor();
  const messages = await drawer.getByTestId('member-messages').innerText();
  for (const text of ['今天读完了第5章', '打卡 Day1 读了20页', '请问第4章的笔记发在哪里？']) assert.ok(messages.includes(text), `the kept member lacks “${text}”:\n${messages}`);
  assert.match(await drawer.getByTestId('member-merged').innerText(), /已把“小王（小王-上海）”合并到“小王（小王-北京）”/);
  await settled(page);
  await page.screenshot({ path: join(outDir, 'merge-drawer-after.png') });

  // The drawer's link leads to the import history, where the merge is the latest entry.
  await drawer.getByTestId('member-merged-undo').click();
  await page.waitForURL(new RegExp(`#/import\\?group=${group.id}$`));
  const merge = page.locator('[data-testid="import-history-row"][data-kind="merge"]');
  await merge.waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('import-history-row').first().getAttribute('data-kind'), 'merge');
  assert.match(await merge.innerText(), /合并成员/);
  assert.match(await merge.innerText(), /小王 → 小王/);
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await settled(page);
  await page.getByTestId('import-history').screenshot({ path: join(outDir, 'merge-history.png') });

  // The list has one row fewer; the kept row's last message and count hold both records.
  await openMembers(page);
  await page.waitForFunction(() => /\/ 6 名成员/.test(document.querySelector('[data-testid="members-count"]')?.textContent ?? ''));
  const after = await ledger();
  assert.equal(after.length, 6);
  assert.deepEqual(counts(after, '小王'), [5, 1]);
  const kept = after.find((m) => m.name === '小王' && m.messages_28d === 5);
  assert.ok(kept.last_message_at.startsWith(`${ymd(dayOf(2))}T21:00:00`), kept.last_message_at);
  assert.equal(await page.locator(`[data-testid="member-row"][data-member-id="${ids['小王-上海']}"]`).count(), 0);
  const row = page.locator(`[data-testid="member-row"][data-member-id="${ids['小王-北京']}"]`);
  assert.ok((await row.innerText()).includes(`${zhDate(dayOf(2))} 21:00`), await row.innerText());
  assert.equal((await row.locator('td').nth(5).innerText()).trim(), '5');

  // The week's active members drop by the one person counted twice.
  assert.equal(await activeMembers(page), activeBefore - 1);

  // Undone from the import history, both records are back.
  await page.goto(`${session.url}#/import?group=${group.id}`);
  await merge.waitFor({ timeout: 30000 });
  await merge.getByTestId('import-undo').click();
  await page.locator('.n-popconfirm').getByText('撤销这次合并？', { exact: false }).waitFor();
  await page.locator('.n-popconfirm__action').getByRole('button', { name: '撤销' }).click();
  await page.getByTestId('import-undone').getByText('已撤销成员合并', { exact: false }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-history-row"][data-kind="merge"]'));

  await openMembers(page);
  assert.equal(await memberCount(page), 7);
  assert.deepEqual(counts(await ledger(), '小王'), [3, 2, 1]);
  for (const id of Object.values(ids)) await page.locator(`[data-testid="member-row"][data-member-id="${id}"]`).waitFor();
  assert.equal(await activeMembers(page), activeBefore);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Members recorded more than once: the notice lists each person and merges all their records', async () => {
  const { page, errors } = await openPage(session, { service: 'MembersService', viewport });
  const suggested = await cliJSON(devBinary, db, 'member', 'merge', '--group', String(group.id), '--suggest');
  assert.deepEqual(suggested.map((c) => [c.name, c.from.length]), [['小王', 2], ['阿May', 1]]);
  const activeBefore = await activeMembers(page);

  await openMembers(page);
  const notice = page.getByTestId('merge-notice');
  await notice.waitFor({ timeout: 15000 });
  assert.match(await notice.innerText(), /有 2 位成员可能被重复记录了/);
  await notice.scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: join(outDir, 'merge-notice.png') });

  await notice.getByTestId('merge-notice-open').click();
  const list = page.getByTestId('merge-candidates');
  await list.waitFor();
  const sets = list.getByTestId('merge-candidate');
  assert.equal(await sets.count(), 2);
  const wang = list.locator(`[data-testid="merge-candidate"][data-into-id="${suggested[0].into.id}"]`);
  assert.match(await wang.innerText(), /3 条记录/);
  const records = await wang.getByTestId('merge-record').allInnerTexts();
  assert.equal(records.length, 3);
  assert.match(records[0], /保留[\s\S]*小王-北京/);
  assert.ok(records[0].includes(`共 3 条消息 · ${zhDate(dayOf(0))} 至 ${zhDate(dayOf(1))}`), records[0]);
  assert.match(records[2], /并入[\s\S]*小王-广州/);
  assert.ok(records[2].endsWith(`共 1 条消息 · ${zhDate(dayOf(4))}`), records[2]);
  await settled(page);
  await page.screenshot({ path: join(outDir, 'merge-candidates.png') });

  // Merge 小王's three records, then 阿May's two: the list empties and closes, the notice goes.
  await wang.getByTestId('merge-candidate-merge').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="merge-candidate"]').length === 1, null, { timeout: 15000 });
  await page.waitForFunction(() => /\/ 5 名成员/.test(document.querySelector('[data-testid="members-count"]')?.textContent ?? ''));
  await list.getByTestId('merge-candidate-merge').click();
  await page.waitForFunction(() => /\/ 4 名成员/.test(document.querySelector('[data-testid="members-count"]')?.textContent ?? ''), null, { timeout: 15000 });
  await notice.waitFor({ state: 'detached', timeout: 15000 });
  await list.waitFor({ state: 'hidden', timeout: 15000 });

  assert.deepEqual(await cliJSON(devBinary, db, 'member', 'merge', '--group', String(group.id), '--suggest'), []);
  const rows = await ledger();
  assert.equal(rows.length, 4);
  assert.deepEqual(counts(rows, '小王'), [6]);
  assert.deepEqual(counts(rows, '阿May'), [3]);
  assert.equal(await activeMembers(page), activeBefore - 3);

  // Both merges are in the import history, newest first, labelled as the store wrote them.
  await page.goto(`${session.url}#/import?group=${group.id}`);
  const merges = page.locator('[data-testid="import-history-row"][data-kind="merge"]');
  await merges.first().waitFor({ timeout: 30000 });
  const labels = await merges.allInnerTexts();
  assert.equal(labels.length, 2);
  assert.match(labels[0], /阿May → 阿May/);
  assert.match(labels[1], /小王 ×2 → 小王/);
  assert.deepEqual(errors, []);
  await page.close();
});
