// The Reply assistant and Highlights screens in a real browser against the
// real Go services on the demo workspace: edit the welcome message and copy
// it, add a keyword reply and get it from the assistant, add a suggested
// highlight and find it in the digest text; the CLI sees the same store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

let session, db, group;

before(async () => {
  session = await startDevSession();
  db = session.db;
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  group = groups.find((g) => g.type === 'service') ?? groups[0];
});

after(async () => {
  await session?.stop();
});

async function open() {
  const { page, errors } = await openPage(session, { service: 'AutomationService', viewport: { width: 1400, height: 1000 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url.replace(/\/$/, '') });
  return { page, errors };
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('Reply assistant: edit the welcome message and copy it, ask a question and copy the reply', async () => {
  const { page, errors } = await open();
  await page.goto(`${session.url}#/groups/${group.id}/content/assistant`);
  await page.getByTestId('assistant-view').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('assistant-group-name').innerText(), group.name);
  assert.equal(await page.getByTestId('subnav-assistant').getAttribute('aria-current'), 'page');

  // The welcome message starts as the default of the group's type, with the placeholders filled in the preview.
  const before = await page.getByTestId('welcome-preview').innerText();
  assert.match(before, new RegExp(`欢迎 新成员 加入「${group.name}」`));

  // Edit it: a placeholder inserted from its button, the rules link, an unknown placeholder flagged.
  const text = page.getByTestId('welcome-text').locator('textarea');
  await text.fill('欢迎 {成员} 加入「{群名}」！先看群规：{群规链接} {编号}');
  await page.getByTestId('welcome-unknown').waitFor();
  assert.match(await page.getByTestId('welcome-unknown').innerText(), /\{编号\}/);
  await text.fill('欢迎 {成员} 加入「{群名}」！先看群规：{群规链接}\n今天是 ');
  await text.press('End');
  await page.getByTestId('placeholder-date').click();
  await page.getByTestId('welcome-link').locator('input').fill('https://example.com/rules');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="welcome-preview"]')?.textContent.includes('https://example.com/rules'),
  );
  const preview = await page.getByTestId('welcome-preview').innerText();
  assert.match(preview, new RegExp(`^欢迎 新成员 加入「${group.name}」！先看群规：https://example.com/rules\\n今天是 \\d+月\\d+日 周.$`));
  await page.getByTestId('welcome-save').click();
  await page.locator('.n-message').filter({ hasText: '已保存欢迎语' }).waitFor();
  const saved = await cliJSON(devBinary, db, 'templates', '--group', String(group.id));
  assert.equal(saved.welcome.text, '欢迎 {成员} 加入「{群名}」！先看群规：{群规链接}\n今天是 {日期}');
  assert.equal(saved.welcome.rules_link, 'https://example.com/rules');
  await page.getByTestId('welcome-copy').click();
  await page.locator('.n-message').filter({ hasText: '已复制' }).first().waitFor();
  assert.equal(await clipboard(page), preview);
  await page.screenshot({ path: join(outDir, 'automation-assistant-welcome.png') });

  // Add a keyword reply, then ask the assistant a member's question.
  await page.getByTestId('reply-add').click();
  const form = page.getByTestId('reply-form');
  await form.getByTestId('reply-keywords').locator('input').fill('模考，模拟考试');
  await form.getByTestId('reply-text').locator('textarea').fill('@{成员} 本周六 9:00 全真模考，链接见群公告：{群规链接}');
  await form.getByTestId('reply-save').click();
  await page.getByTestId('keyword-reply').filter({ hasText: '全真模考' }).waitFor();

  await page.getByTestId('assistant-question').locator('textarea').fill('老师，周六的模考几点开始？要提前进吗');
  await page.getByTestId('assistant-member').locator('input').fill('<b>韦墨菲</b>');
  await page.getByTestId('assistant-ask').click();
  const best = page.getByTestId('assistant-match').first();
  await best.waitFor();
  const reply = await best.getByTestId('assistant-match-text').innerText();
  // The member's name is shown as typed, never as markup.
  assert.equal(reply, '@<b>韦墨菲</b> 本周六 9:00 全真模考，链接见群公告：https://example.com/rules');
  assert.equal(await best.locator('b').count(), 0);
  assert.match(await best.innerText(), /匹配分 \d/);
  await best.getByTestId('assistant-copy').click();
  await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), reply);
  // The CLI's assistant agrees.
  const cli = await cliJSON(devBinary, db, 'reply', '--group', String(group.id), '--member', '韦墨菲', '老师，周六的模考几点开始？要提前进吗');
  assert.equal(cli.matches[0].text, '@韦墨菲 本周六 9:00 全真模考，链接见群公告：https://example.com/rules');

  // A question nothing matches says so.
  await page.getByTestId('assistant-question').locator('textarea').fill('今天天气真好');
  await page.getByTestId('assistant-ask').click();
  await page.getByTestId('assistant-none').waitFor();
  await page.getByTestId('assistant-question').locator('textarea').fill('老师，周六的模考几点开始？要提前进吗');
  await page.getByTestId('assistant-ask').click();
  await best.waitFor();
  await page.screenshot({ path: join(outDir, 'automation-assistant.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Highlights: add a suggested highlight and see it in the digest text', async () => {
  const { page, errors } = await open();
  await page.goto(`${session.url}#/groups/${group.id}/content/assistant`);
  await page.getByTestId('assistant-view').waitFor({ timeout: 30000 });
  await page.getByTestId('subnav-highlights').click();
  await page.waitForURL(new RegExp(`#/groups/${group.id}/content/highlights$`));
  await page.getByTestId('highlights-view').waitFor({ timeout: 30000 });
  // The newest week whose chat has what the test needs (two suggestions, the
  // second searchable by its first words): in the first hours of a week the
  // demo's current week holds a message or two and hardly any replies.
  const weeks = await page.evaluate(async () => (await window.go.app.HealthService.Weeks()).filter((w) => w.hasData).map((w) => w.week));
  let week = null;
  let suggested = [];
  for (const w of weeks.slice(0, 3)) {
    suggested = await cliJSON(devBinary, db, 'highlights', '--group', String(group.id), '--week', w, '--suggest');
    if (suggested.some((x, i) => i > 0 && x.content.length >= 4)) {
      week = w;
      break;
    }
  }
  assert.ok(week, `the demo group has two suggestions in one of ${weeks.slice(0, 3)}`);
  if ((await page.getByTestId('highlights-view').getAttribute('data-week')) !== week) {
    await page.getByTestId('week-picker').click();
    await page.locator('.n-base-select-option').filter({ hasText: `第${Number(week.slice(6))}周` }).first().click();
    await page.waitForFunction((w) => document.querySelector('[data-testid="highlights-view"]')?.getAttribute('data-week') === w, week);
  }

  const first = page.getByTestId('highlight-suggestion').first();
  await first.waitFor();
  assert.equal(Number(await first.getAttribute('data-message-id')), suggested[0].message_id);
  assert.match(await first.getByTestId('suggestion-replies').innerText(), new RegExp(`^${suggested[0].replies} 条回复$`));
  assert.equal(await page.getByTestId('highlight-item').count(), 0);
  await first.getByTestId('suggestion-add').click();
  await page.getByTestId('highlight-item').first().waitFor();
  await page.getByTestId('digest-text').waitFor();
  const digest = await page.getByTestId('digest-text').innerText();
  const [wy, wn] = week.split('-W').map(Number);
  assert.match(digest, new RegExp(`^【${group.name}】${wy}年第${wn}周精华\\n`));
  const at = suggested[0].at.slice(11, 16);
  const firstLine = suggested[0].content.split('\n')[0];
  assert.ok(digest.includes(`${at} ${suggested[0].name}：${firstLine}`), `digest lacks the highlight:\n${digest}`);

  // Mark another message from the week's chat by searching for it.
  const other = suggested.find((s) => s.message_id !== suggested[0].message_id && s.content.length >= 4);
  const needle = other.content.slice(0, 4);
  await page.getByTestId('chat-search').locator('input').fill(needle);
  const row = page.locator(`[data-testid="chat-message"][data-message-id="${other.message_id}"]`);
  await row.waitFor();
  await row.getByTestId('chat-mark').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="highlight-item"]').length === 2);
  await page.waitForFunction((name) => document.querySelector('[data-testid="digest-text"]')?.textContent.includes(name), other.name);
  assert.equal(await row.getByTestId('chat-mark').count(), 0, 'a marked message still offers marking');
  await page.getByTestId('highlight-chat').screenshot({ path: join(outDir, 'automation-highlights-chat.png') });

  await page.getByTestId('digest-copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText().then((t) => t));
  const shown = await page.getByTestId('digest-text').innerText();
  assert.equal(copied.trim(), shown.trim());
  // The CLI's digest is the same text.
  const cli = await cliJSON(devBinary, db, 'highlights', '--group', String(group.id), '--week', week, '--text');
  assert.equal(cli.text.trim(), copied.trim());
  await page.screenshot({ path: join(outDir, 'automation-highlights.png'), fullPage: true });

  // Remove one: the library and the digest follow.
  await page.getByTestId('highlight-remove').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="highlight-item"]').length === 1);
  assert.deepEqual(errors, []);
  await page.close();
});
