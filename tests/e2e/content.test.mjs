// A group's Content tab and the Calendar in a real browser against the real
// Go services on the demo workspace: pick next week (plans are for the
// future: a plan never places items before now, so on a Sunday evening this
// week has nearly nothing left) and generate its plan, drag an item
// to another day and time, name a member as the presenter of a theme share,
// mark the theme shares posted and see the dashboard's theme_shares check
// turn from not measured to passed and the presenter's points grow by 20;
// then the Calendar's week and month views across groups, the share on the
// presenter's timeline in the Members screen, and deleting an item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, imageStats, talkNow, talkAt } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

// nextMonday is the label's start of the week after this one in zone tz:
// "12/14–", as the week picker writes it ("2026年第51周 (12/14–12/20)").
function nextMonday(tz) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((x) => [x.type, x.value]));
  const today = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)));
  const monday = new Date(today.getTime() + (8 - (today.getUTCDay() || 7)) * 86400000);
  return `${monday.getUTCMonth() + 1}/${monday.getUTCDate()}–`;
}

async function themeShares(page, groupId) {
  await page.goto(`${session.url}#/groups/${groupId}/health`);
  const check = page.locator('[data-testid="health-check"][data-check="theme_shares"]');
  await check.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="health-check"][data-check="theme_shares"] .value')?.textContent.trim() !== '');
  return { state: await check.getAttribute('data-state'), value: (await check.locator('.value').innerText()).trim() };
}

test('Content tab: generate, drag, presenter, mark shares posted, theme_shares turns green; Calendar week and month; share points on the timeline; delete', async () => {
  const { page, errors } = await openPage(session, { service: 'ContentService', viewport: { width: 1440, height: 1000 } });
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[0];
  await talkNow(db, group);

  // Before: the group has no content items, so theme shares are not measured.
  const beforeCheck = await themeShares(page, group.id);
  assert.equal(beforeCheck.state, 'na', `theme_shares before any plan: ${JSON.stringify(beforeCheck)}`);

  await page.getByTestId('tab-content').click();
  await page.waitForURL(new RegExp(`#/groups/${group.id}/content$`));
  const view = page.getByTestId('content-view');
  await view.waitFor({ timeout: 30000 });
  const thisWeek = await view.getAttribute('data-week');
  await page.getByTestId('content-empty').waitFor();

  // Plan next week: the content tab's picker offers the weeks ahead.
  const ahead = nextMonday(group.time_zone);
  await page.getByTestId('week-picker').click();
  await page.locator('.n-base-select-option').filter({ hasText: ahead }).first().waitFor();
  await page.waitForTimeout(300); // the menu's fade-in
  await page.screenshot({ path: join(outDir, 'content-week-picker.png') });
  await page.keyboard.type(ahead);
  await page.locator('.n-base-select-option').filter({ hasText: ahead }).first().click();
  await page.waitForFunction((w) => { const v = document.querySelector('[data-testid="content-view"]')?.getAttribute('data-week'); return v && v !== w; }, thisWeek);
  const week = await view.getAttribute('data-week');
  assert.ok(week > thisWeek, `picked ${week} after ${thisWeek}`);
  await page.getByTestId('content-empty').waitFor();

  // Generate: the cards appear, each explaining its place.
  await page.getByTestId('generate-plan').click();
  const cards = page.getByTestId('content-card');
  await cards.first().waitFor({ timeout: 30000 });
  const plan = await cliJSON(devBinary, db, 'plan', '--group', String(group.id), '--week', week);
  assert.equal(await cards.count(), plan.length, 'the week shows every planned item');
  assert.equal(await page.locator('[data-testid="content-card"][data-due="overdue"]').count(), 0, 'nothing planned next week is overdue');
  assert.ok(plan.length >= 7, `a whole week is planned (${plan.length} items)`);
  assert.ok(plan.filter((p) => p.format === 'share').length >= 2, 'the plan meets the theme-share quota');
  assert.ok((await cards.first().getAttribute('title')).length > 0, 'a card explains its placement on hover');
  assert.equal(await page.getByTestId('prime-band').count(), 7, 'prime time is marked on every day');
  await page.screenshot({ path: join(outDir, 'content-week.png'), });

  // Drag the first morning brief to the next day at 10:00.
  const brief = page.locator('[data-testid="content-card"][data-format="morning_brief"]').first();
  const id = Number(await brief.getAttribute('data-id'));
  const from = plan.find((p) => p.id === id);
  const day = from.scheduled_at.slice(0, 10);
  const days = await page.getByTestId('week-day').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')));
  const target = days[days.indexOf(day) + 1] ?? days[days.indexOf(day) - 1];
  const col = page.locator(`[data-testid="week-day"][data-day="${target}"]`);
  const box = await brief.boundingBox();
  // 36 px an hour from 06:00: 10:00 is 144 px down; grab the card at its top edge + 10 px.
  await brief.dragTo(col, { sourcePosition: { x: box.width / 2, y: 10 }, targetPosition: { x: 30, y: 144 + 10 } });
  await page.waitForFunction(
    ([id, target]) => document.querySelector(`[data-testid="content-card"][data-id="${id}"]`)?.getAttribute('data-at')?.startsWith(`${target}T10:00`),
    [id, target],
    { timeout: 15000 },
  );
  const moved = (await cliJSON(devBinary, db, 'plan', '--group', String(group.id), '--week', week)).find((p) => p.id === id);
  assert.ok(moved.scheduled_at.startsWith(`${target}T10:00`), `saved at ${moved.scheduled_at}, want ${target}T10:00`);

  // Keyboard: Shift+ArrowDown moves the same card 30 minutes later.
  await page.locator(`[data-testid="content-card"][data-id="${id}"]`).focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="content-card"][data-id="${id}"]`)?.getAttribute('data-at')?.includes('T10:30'),
    id,
    { timeout: 15000 },
  );

  // The presenter of the first share: a present member who spoke this week, with a name no one else has.
  const ledger = await cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
  const presenter = ledger.find((m) => m.present && m.messages_28d > 0 && !/\s/.test(m.name) && ledger.filter((o) => o.name === m.name).length === 1);
  assert.ok(presenter, 'the demo group has a member to present a share');
  const balance = async () => (await cliJSON(devBinary, db, 'points', '--group', String(group.id))).find((p) => p.name === presenter.name)?.balance ?? 0;
  const pointsBefore = await balance();

  // Mark both theme shares posted from the drawer; the first names its presenter first.
  const shareIds = await page.locator('[data-testid="content-card"][data-format="share"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  for (const sid of shareIds.slice(0, 2)) {
    await page.locator(`[data-testid="content-card"][data-id="${sid}"]`).click();
    const drawer = page.getByTestId('content-drawer');
    await drawer.waitFor();
    assert.ok((await page.getByTestId('drawer-reasons').innerText()).includes('主题分享'), 'the drawer explains the placement');
    if (sid === shareIds[0]) {
      // Search the group's members by name in the picker and save.
      await page.getByTestId('drawer-presenter').click();
      await page.keyboard.type(presenter.name);
      await page.locator('.n-base-select-option').filter({ hasText: presenter.name }).first().click();
      await page.getByTestId('drawer-save').click();
      await page.getByTestId('drawer-presenter-tag').filter({ hasText: `主讲：${presenter.name}` }).waitFor({ timeout: 15000 });
      await page.locator(`[data-testid="content-card"][data-id="${sid}"] [data-testid="card-presenter"]`).filter({ hasText: presenter.name }).waitFor();
      assert.equal(await balance(), pointsBefore, 'a planned share earns nothing yet');
      await page.screenshot({ path: join(outDir, 'content-drawer.png') });
    }
    await page.getByTestId('mark-posted').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="drawer-status"]')?.textContent.includes('已发布'));
    // Posted: the results can be entered, and one button leads back to planned.
    await page.getByTestId('result-reach').waitFor();
    assert.equal(await page.getByTestId('mark-planned').count(), 1);
    assert.equal(await page.getByTestId('mark-posted').count(), 0);
    await page.locator(`[data-testid="content-card"][data-id="${sid}"][data-status="posted"]`).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  }
  // The moved brief: posted, then its results (200 reached, 150 opened) against the seed's 89%.
  await page.locator(`[data-testid="content-card"][data-id="${id}"]`).click();
  await page.getByTestId('mark-posted').click();
  await page.getByTestId('result-reach').waitFor();
  await page.getByTestId('result-reach').locator('input').fill('200');
  await page.getByTestId('result-opens').locator('input').fill('150');
  await page.getByTestId('save-results').click();
  await page.waitForFunction(() => /打开率：75(\.0)?%/.test(document.querySelector('[data-testid="drawer-rate"]')?.textContent ?? ''));
  assert.match(await page.getByTestId('drawer-rate').innerText(), /参考值 89(\.0)?%/);
  await page.screenshot({ path: join(outDir, 'content-results.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('content-drawer').waitFor({ state: 'detached' });
  const after = await cliJSON(devBinary, db, 'plan', '--group', String(group.id), '--week', week);
  const briefAfter = after.find((p) => p.id === id);
  assert.deepEqual([briefAfter.status, briefAfter.results.reach, briefAfter.results.opens], ['posted', 200, 150]);
  const posted = after.filter((p) => p.status === 'posted' && p.format === 'share');
  assert.equal(posted.length, 2);
  // The posted share puts +20 on its presenter's balance, once.
  assert.equal(await balance(), pointsBefore + 20, `${presenter.name} earns the share points`);
  await page.screenshot({ path: join(outDir, 'content-week-posted.png') });
  // The charts, planned against done, the cadence and the library below the week.
  await page.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
  await page.getByTestId('chart-mix').locator('canvas').first().waitFor();
  await page.screenshot({ path: join(outDir, 'content-charts.png') });
  const doneRow = page.locator('[data-testid="planned-done"] tr[data-key="share"] td');
  assert.deepEqual((await doneRow.allInnerTexts()).slice(1), ['2', '2', '0'], 'shares: 2 planned, 2 posted, none skipped');

  // The dashboard counts them: theme_shares 2, the check passes (once the
  // week has a message: a silent week has no checks).
  await talkAt(db, group, new Date(Date.now() + 7 * 86400000));
  const afterCheck = await themeShares(page, group.id);
  assert.deepEqual(afterCheck, { state: 'passed', value: '2' });
  const metrics = await cliJSON(devBinary, db, 'metrics', '--group', String(group.id), '--week', week);
  assert.equal((Array.isArray(metrics) ? metrics[0] : metrics).theme_shares, 2);

  // The Calendar: week and month views across groups.
  await page.getByTestId('nav-calendar').click();
  const cal = page.getByTestId('calendar');
  await cal.waitFor({ timeout: 30000 });
  await page.locator('[data-testid="calendar-groups"] .g').first().waitFor();
  assert.equal(await page.locator('[data-testid="calendar-groups"] .g').count(), groups.length, 'every group has its colour');
  const weekStart = days[0];
  // Go to the planned week (it is the picker's week, normally this one).
  for (let i = 0; i < 60 && (await cal.getAttribute('data-from')) > weekStart; i++) await page.getByTestId('cal-prev').click();
  for (let i = 0; i < 60 && (await cal.getAttribute('data-from')) < weekStart; i++) await page.getByTestId('cal-next').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="calendar-item"]').length >= n, plan.length);
  assert.equal(await page.locator(`[data-testid="calendar-item"][data-group="${group.id}"][data-status="posted"]`).count(), 3, "two shares and the brief");
  await page.screenshot({ path: join(outDir, 'calendar-week.png'), });
  await page.getByTestId('cal-month').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="calendar"]')?.getAttribute('data-mode') === 'month');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="calendar-day"]').length >= 28);
  await page.getByTestId('calendar-item').first().waitFor();
  const png = join(outDir, 'calendar-month.png');
  await page.screenshot({ path: png, });
  const { colours } = await imageStats(png);
  assert.ok(colours > 50, 'the month view is drawn');

  // The Members screen: the presenter's timeline shows the share with its +20.
  await page.goto(`${session.url}#/groups/${group.id}/members`);
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  await page.getByTestId('members-search').locator('input').fill(presenter.name);
  const memberRow = page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(presenter.name, { exact: true }) }).first();
  await memberRow.click();
  const memberDrawer = page.getByTestId('member-drawer');
  const shareLine = memberDrawer.getByTestId('member-timeline').locator('[data-kind="share"]').first();
  await shareLine.waitFor({ timeout: 15000 });
  const shared = after.find((p) => p.id === Number(shareIds[0]));
  const shareText = await shareLine.innerText();
  assert.ok(shareText.includes(`主讲主题分享“${shared.title}” +20 积分`), `timeline line: ${shareText}`);
  await page.screenshot({ path: join(outDir, 'members-share-timeline.png') });
  await page.keyboard.press('Escape');

  // Delete a planned item from its drawer, after confirming: the week and the database lose it.
  await page.goto(`${session.url}#/groups/${group.id}/content`);
  await page.getByTestId('content-view').waitFor({ timeout: 30000 });
  const doomed = after.find((p) => p.status === 'planned');
  const card = page.locator(`[data-testid="content-card"][data-id="${doomed.id}"]`);
  await card.click();
  await page.getByTestId('drawer-delete').click();
  await page.getByTestId('drawer-delete-confirm').waitFor();
  await page.locator('.n-popconfirm__action').getByRole('button', { name: '删除' }).click();
  await card.waitFor({ state: 'detached', timeout: 15000 });
  const left = await cliJSON(devBinary, db, 'plan', '--group', String(group.id), '--week', week);
  assert.equal(left.length, after.length - 1, 'one item fewer');
  assert.ok(!left.some((p) => p.id === doomed.id), 'the deleted item is gone from the database');
  assert.deepEqual(errors, []);
  await page.close();
});
