// The advice of a failed health check leads somewhere: in a real browser
// against the real Go services, 建议：自动提醒 beside the failed response-time
// check opens the week's slow and unanswered questions, the same list the
// CLI prints with `questions --late`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

const pad = (n) => String(n).padStart(2, '0');
const DAY = 86400e3;

/**
 * lastWeek is a wall-clock time in Asia/Shanghai (the group's zone) in the
 * week before this one: day 0 = its Monday. The whole chat lies there, in the
 * past, whatever the day today, so that week is the latest with data.
 */
function lastWeek(day, hour, minute) {
  const sh = new Date(Date.now() + 8 * 3600e3); // Shanghai wall clock read as UTC
  const monday = Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate()) - ((sh.getUTCDay() + 6) % 7) * DAY - 7 * DAY;
  const t = new Date(monday + day * DAY + (hour * 60 + minute) * 60e3);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`;
}

let session, db, group;

before(async () => {
  session = await startDevSession(async (path) => {
    group = await cliJSON(devBinary, path, 'group', 'add', '--name', '考研答疑群', '--type', 'service', '--staff', '林老师');
    const rows = [['Time', 'Sender', 'WxID', 'Type', 'Message']];
    const say = (at, name, id, text) => rows.push([at, name, id, 'text', text]);
    say(lastWeek(0, 9, 0), '林老师', 'wx_lin', '早上好，今天开始第二周的复习');
    say(lastWeek(0, 10, 0), '晓雨', 'wx_xy', '请问作业怎么交？'); // answered after 40 minutes: slow
    say(lastWeek(0, 10, 40), '林老师', 'wx_lin', '作业发到群文件“第二周”里就行');
    say(lastWeek(1, 9, 0), '阿明', 'wx_am', '老师，周六有直播吗'); // never answered
    say(lastWeek(1, 9, 30), '晓雨', 'wx_xy', '我也想知道');
    say(lastWeek(2, 20, 0), '小周', 'wx_xz', '资料在哪里下载？'); // answered in 5 minutes: not slow
    say(lastWeek(2, 20, 5), '林老师', 'wx_lin', '在群公告的链接里');
    say(lastWeek(3, 21, 0), '阿明', 'wx_am', '打卡 第4天');
    const file = join(dirname(path), 'advice-chat.tsv');
    writeFileSync(file, '\ufeff' + rows.map((r) => r.join('\t')).join('\n') + '\n');
    await cliJSON(devBinary, path, 'import', 'chat', '--group', String(group.id), '--format', 'csv', file);
  });
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('建议：自动提醒 opens the week’s slow and unanswered questions', async () => {
  const { page, errors } = await openPage(session, { service: 'HealthService', viewport: { width: 1280, height: 1000 } });
  await page.goto(`${session.url}#/groups/${group.id}/health`);
  const view = page.getByTestId('health-view');
  await view.waitFor({ timeout: 30000 });
  const week = await view.getAttribute('data-week');

  // The response-time check fails (median of 40 and 5 minutes), and its advice is a link.
  const check = page.locator('[data-testid="health-check"][data-check="response_median_minutes"]');
  assert.equal(await check.getAttribute('data-state'), 'failed');
  const advice = check.getByTestId('check-advice');
  assert.equal(await advice.innerText(), '建议：自动提醒');
  assert.equal(await advice.getAttribute('title'), '查看这一周慢回复和未回复的提问');
  await advice.click();

  // It opens the slow and unanswered questions of the week: the 40-minute
  // one and the unanswered one, not the one answered in 5 minutes.
  const panel = page.getByTestId('advice-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-panel'), 'questions');
  assert.match(await panel.innerText(), /这一周慢回复和未回复的提问/);
  const items = page.getByTestId('slow-question');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  const first = await items.nth(0).innerText();
  assert.match(first, /晓雨/);
  assert.match(first, /请问作业怎么交？/);
  assert.match(first, /林老师 40(\.0)? 分钟后回复/);
  const second = await items.nth(1).innerText();
  assert.match(second, /阿明/);
  assert.match(second, /老师，周六有直播吗/);
  assert.match(second, /未回复/);
  assert.doesNotMatch(await panel.innerText(), /资料在哪里下载/);

  // The same list as the CLI's.
  const cli = await cliJSON(devBinary, db, 'questions', '--group', String(group.id), '--week', week, '--late');
  assert.deepEqual(cli.map((q) => [q.name, q.text, q.answered_by, q.delay_minutes]), [
    ['晓雨', '请问作业怎么交？', '林老师', 40],
    ['阿明', '老师，周六有直播吗', null, null],
  ]);
  await panel.screenshot({ path: join(outDir, 'advice-slow-questions.png') });

  // All the week's questions, on request; the fast one among them.
  await page.getByTestId('questions-only-late').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="slow-question"]').length === 3);
  assert.match(await panel.innerText(), /资料在哪里下载/);
  assert.equal(await page.locator('[data-testid="slow-question"][data-late="false"]').count(), 1);

  // From there, the keyword replies that answer such questions.
  await page.getByTestId('advice-to-replies').click();
  await page.waitForURL(new RegExp(`#/groups/${group.id}/content/assistant$`));
  assert.deepEqual(errors, []);
  await page.close();
});
