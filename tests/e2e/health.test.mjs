// The Overview screen and a group's Health tab in a real browser against the
// real Go services on the demo workspace (three groups, 12 weeks of chat).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, talkNow } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

const openApp = (viewport) => openPage(session, { service: 'HealthService', ...(viewport ? { viewport } : {}) });

test('Overview shows every demo group with a health score and failed checks with advice', async () => {
  const { page, errors } = await openApp();
  // Overview is first in the rail.
  const nav = await page.locator('nav a').first().getAttribute('data-testid');
  assert.equal(nav, 'nav-overview');
  await page.getByTestId('nav-overview').click();
  const cards = page.getByTestId('overview-card');
  await cards.first().waitFor({ timeout: 30000 });
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  assert.equal(groups.length, 3);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="overview-card"]').length === n, groups.length);
  for (const g of groups) {
    const card = page.locator(`[data-testid="overview-card"][data-group-id="${g.id}"]`);
    await card.getByText(g.name, { exact: true }).waitFor();
    const score = await card.locator('[data-testid="health-figure"][data-key="health_score"] .value').innerText();
    // a silent week is named, never scored (METRICS.md)
    assert.match(score, /^\d+$|未测量|群已沉寂/, `card of ${g.name} has no health score: ${score}`);
  }
  // The week picker shows the current week in Chinese.
  assert.match(await page.getByTestId('week-picker').innerText(), /^\d{4}年第\d+周 \(\d+\/\d+–\d+\/\d+\)/);
  // A failed check is shown with its advice, not only in red.
  const alerts = page.getByTestId('overview-alert');
  if ((await alerts.count()) > 0) assert.match(await alerts.first().innerText(), /建议：/);
  // Every card carries its 12-week sparkline, drawn; its last week, on
  // hover, is the card's week with the card's count of messages.
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="overview-sparkline"] svg')].filter((s) => s.getBoundingClientRect().width > 100).length === n, groups.length);
  for (const g of groups) {
    const card = page.locator(`[data-testid="overview-card"][data-group-id="${g.id}"]`);
    const weeks = card.getByTestId('sparkline-week');
    assert.equal(await weeks.count(), 12, `the sparkline of ${g.name} has not 12 weeks`);
    assert.match((await card.locator('[data-testid="overview-sparkline"] path.line').getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){11}$/);
    const last = await weeks.last().locator('title').textContent();
    const count = await card.locator('[data-testid="health-figure"][data-key="messages"] .value').innerText();
    const shownWeek = (await page.getByTestId('week-picker').innerText()).split(' ')[0];
    assert.ok(last.startsWith(shownWeek) && last.endsWith(`：${count} 条消息`), `the last week of ${g.name}'s sparkline says “${last}”; the card shows ${count} messages in ${shownWeek}`);
  }
  // The Overview draws no echarts chart, so the library is not loaded.
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /echarts/i.test(n))), []);
  await page.screenshot({ path: join(outDir, 'health-overview.png'), fullPage: true });
  // Sorted by alerts, the cards' alert counts (incidents first) never grow down the list; the order is kept on return.
  await page.getByTestId('overview-sort').click();
  await page.getByText('预警多的在前', { exact: true }).click();
  await page.waitForFunction(() => {
    // an open level-2/3 incident weighs more than any number of failed checks
    const counts = [...document.querySelectorAll('[data-testid="overview-card"]')].map(
      (c) => c.querySelectorAll('[data-testid="overview-alert"], [data-testid="overview-silent"]').length + 10 * c.querySelectorAll('[data-testid="overview-urgent"]').length,
    );
    return counts.every((n, i) => i === 0 || n <= counts[i - 1]);
  });
  await page.getByTestId('nav-groups').click();
  await page.getByTestId('nav-overview').click();
  assert.match(await page.getByTestId('overview-sort').innerText(), /预警多的在前/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a group’s Health tab: checks, heatmap, hand entry and the week picker', async () => {
  await talkNow(db, (await cliJSON(devBinary, db, 'group', 'list'))[0]); // a week with chat, even early on a Monday
  // tall enough for the whole tab in one screenshot (the content pane scrolls, not the page)
  const { page, errors } = await openApp({ width: 1280, height: 2900 });
  // every group of the tab open (the operator's choice, kept in the window)
  await page.evaluate(() => localStorage.setItem('qunzhu.health.open', JSON.stringify(['checks', 'members', 'activity', 'content', 'response', 'risk', 'comparison', 'removal', 'input'])));
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('overview-card').first().waitFor({ timeout: 30000 });
  // a group with chat this week: a silent week's checks do not apply, whatever is entered
  const card = page.getByTestId('overview-card').filter({ has: page.getByTestId('health-basis').getByText(/^基于/) }).first();
  const name = (await card.locator('.name').innerText()).trim();
  await card.locator('.name').click(); // (its risk badge opens the Risk tab)
  await page.waitForURL(/#\/groups\/\d+\/health/);
  await page.getByTestId('health-group-name').getByText(name, { exact: true }).waitFor({ timeout: 30000 });

  const checks = page.getByTestId('health-check');
  await checks.first().waitFor();
  assert.equal(await checks.count(), 5);
  assert.ok((await page.getByTestId('health-figure').count()) >= 20);

  // The five charts built in Go are drawn, each on a canvas of some size.
  // (echarts may add layers: a heatmap draws on more than one canvas)
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="health-chart"]')].filter((el) => el.querySelector('canvas')).length === 5,
    null,
    { timeout: 30000 },
  );
  const charts = await page.$$eval('[data-testid="health-chart"]', (els) =>
    els.map((el) => {
      const c = el.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { name: el.getAttribute('data-chart'), width: r.width, height: r.height };
    }),
  );
  assert.deepEqual(charts.map((c) => c.name), ['growth', 'tiers', 'trend', 'heatmap', 'response']);
  for (const c of charts) assert.ok(c.width > 200 && c.height > 200, `chart ${c.name} is ${c.width}×${c.height}`);
  // The unanswered questions are listed, as many as the figure counts, each with its wait.
  const unansweredFigure = await page.locator('[data-key="unanswered"]').first().innerText();
  const unansweredCount = Number((unansweredFigure.match(/\d+/) ?? ['0'])[0]);
  const listed = page.locator('[data-testid="unanswered-list"] li');
  assert.equal(await listed.count(), unansweredCount, `figure says ${unansweredFigure}`);
  if (unansweredCount > 0) assert.match(await listed.first().innerText(), /(记录截至其后|才回复)/);
  await page.getByTestId('health-unanswered').screenshot({ path: join(outDir, 'health-unanswered.png') });

  // The industry comparison: the group beside its profile and the other demo groups.
  const comparison = page.getByTestId('health-comparison');
  await comparison.waitFor();
  assert.match(await comparison.innerText(), /参考（(在线教育群|电商福利群|行业交流群)）/);
  assert.match(await comparison.innerText(), /我的其他群平均（2 个）/);
  assert.equal(await page.getByTestId('comparison-row').count(), 10); // metrics.ComparisonKeys
  const perDay = await page.locator('[data-testid="comparison-row"][data-key="messages_per_day"] [data-testid="comparison-value"]').innerText();
  assert.match(perDay, /^\d[\d,]*(\.\d)?$/); // one decimal, none when whole (e.g. 413 / 7 = 59)
  await page.locator('[data-testid="health-charts"]').first().screenshot({ path: join(outDir, 'health-charts.png') });
  await comparison.screenshot({ path: join(outDir, 'health-comparison.png') });

  // Clicks without reach are refused with Go's message, and nothing changes.
  const clicks = page.getByTestId('input-link-clicks').locator('input');
  await clicks.fill('10');
  await clicks.press('Tab');
  await page.getByTestId('health-input-save').click();
  const saveError = page.getByTestId('health-input-error');
  await saveError.waitFor();
  assert.ok((await saveError.innerText()).trim().length > 0, 'the refusal shows no message');
  await clicks.fill('');
  await clicks.press('Tab');

  // A mute rate of 40% fails the mute-rate check, with the seed's advice.
  const input = page.getByTestId('input-mute-rate').locator('input');
  await input.fill('40');
  await input.press('Tab');
  await page.getByTestId('health-input-save').click();
  const mute = page.locator('[data-testid="health-check"][data-check="mute_rate"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="health-check"][data-check="mute_rate"]')?.getAttribute('data-state') === 'failed');
  assert.match(await mute.innerText(), /未通过/);
  assert.match(await mute.innerText(), /内容优化/);
  assert.match(await mute.innerText(), /40\.0%/);
  const figure = page.locator('[data-testid="health-figure"][data-key="mute_rate"]');
  assert.equal(await figure.getAttribute('data-source'), 'hand');
  assert.match(await figure.innerText(), /40\.0%/);
  assert.match(await figure.innerText(), /手动录入/);
  await figure.hover();
  // The hover explains the figure: its definition and that it was entered by hand.
  const tip = page.getByTestId('figure-tip').filter({ hasText: '把群设为“消息免打扰”的成员比例' });
  await tip.waitFor();
  assert.match(await tip.innerText(), /来源：手动录入/);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(outDir, 'health-group.png'), fullPage: true });

  // An earlier week: the week and the figures change.
  const view = page.getByTestId('health-view');
  const week0 = await view.getAttribute('data-week');
  const figuresText = async () =>
    (await page.getByTestId('health-figure').allInnerTexts()).join('|');
  const before0 = await figuresText();
  await page.getByTestId('week-picker').click();
  await page.locator('.n-base-select-option').nth(2).click();
  await page.waitForFunction((w) => document.querySelector('[data-testid="health-view"]')?.getAttribute('data-week') !== w, week0);
  const week2 = await view.getAttribute('data-week');
  assert.notEqual(week2, week0);
  assert.notEqual(await figuresText(), before0);
  // The mute rate belonged to the other week.
  assert.notEqual(await figure.getAttribute('data-source'), 'hand');

  // The choice is shared: Overview shows the same week.
  await page.getByTestId('nav-overview').click();
  await page.waitForFunction((w) => document.querySelector('.cards')?.getAttribute('data-week') === w, week2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Groups table opens a group’s Health tab', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('nav-groups').click();
  const row = page.getByTestId('group-row').first();
  await row.waitFor({ timeout: 30000 });
  const id = await row.getAttribute('data-group-id');
  await row.getByTestId('group-health').click();
  await page.waitForURL(new RegExp(`#/groups/${id}/health`));
  await page.getByTestId('health-check').first().waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('health-check').count(), 5);
  assert.deepEqual(errors, []);
  await page.close();
});
