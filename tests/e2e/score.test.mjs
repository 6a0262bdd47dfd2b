// The score cannot lie (issue 19): on the demo workspace in a real browser
// against the real Go services, every Overview card's score carries its
// basis (基于 n/5 项, as `metrics --json` counts checks_applicable), a group
// with an open level-3 incident carries the badge whatever its score, and a
// week without messages shows 群已沉寂 instead of any score.
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

const card = (page, id) => page.locator(`[data-testid="overview-card"][data-group-id="${id}"]`);

test('Overview: the basis beside every score, the open-incident badge, 群已沉寂 for a silent week', async () => {
  const { page, errors } = await openPage(session, { service: 'HealthService', viewport: { width: 1280, height: 1100 } });
  await page.getByTestId('nav-overview').click();
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="overview-card"]').length === n, groups.length);
  const week = await page.locator('.cards').getAttribute('data-week');

  for (const g of groups) {
    const m = await cliJSON(devBinary, db, 'metrics', '--group', g.name, '--week', week);
    const c = card(page, g.id);
    const score = await c.locator('[data-testid="health-figure"][data-key="health_score"] .value').innerText();
    if (m.health_score === null) continue;
    assert.equal(score, String(m.health_score), `${g.name}: the card's score`);
    assert.equal(await c.getByTestId('health-basis').innerText(), `基于 ${m.checks_applicable}/5 项`, `${g.name}: the score's basis`);
  }

  // The demo's fraud lure opened a level-3 incident: its group's card says so.
  const incidents = await cliJSON(devBinary, db, 'incidents');
  const open = incidents.filter((i) => i.status !== 'closed' && i.level >= 2);
  const fraud = open.find((i) => i.type === 'fraud' && i.level === 3);
  assert.ok(fraud, `the demo has no open level-3 fraud incident: ${JSON.stringify(incidents)}`);
  const n = open.filter((i) => i.group_id === fraud.group_id).length;
  const badge = card(page, fraud.group_id).getByTestId('overview-urgent');
  assert.equal((await badge.innerText()).trim(), `⚠ 未处理风险 ${n} 项 · 诈骗 3级`);
  assert.equal(await card(page, fraud.group_id).locator('.ok').count(), 0, 'a group with an open fraud incident is shown as all passed');
  for (const g of groups.filter((g) => !open.some((i) => i.group_id === g.id))) {
    assert.equal(await card(page, g.id).getByTestId('overview-urgent').count(), 0, `${g.name} has no open incident but a badge`);
  }
  await page.screenshot({ path: join(outDir, 'score-overview.png'), fullPage: true });

  // The badge opens the group's Risk tab.
  await badge.click();
  await page.waitForURL((u) => u.hash.includes(`/groups/${fraud.group_id}/risk`));
  await page.getByTestId('nav-overview').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="overview-card"]').length === n, groups.length);

  // A recent week without messages.
  await page.getByTestId('week-picker').click();
  await page.locator('.n-base-select-option').filter({ hasNotText: '有消息' }).first().click();
  await page.waitForFunction((w) => document.querySelector('.cards')?.getAttribute('data-week') !== w, week);
  const silentWeek = await page.locator('.cards').getAttribute('data-week');
  for (const g of groups) {
    const c = card(page, g.id);
    await c.getByTestId('overview-silent').waitFor();
    assert.equal(await c.locator('[data-testid="health-figure"][data-key="health_score"] .value').innerText(), '群已沉寂', `${g.name}: score of a silent week`);
    assert.equal(await c.getByTestId('health-basis').innerText(), '这一周没有消息');
    assert.equal(await c.locator('.ok').count(), 0, `${g.name}: a silent week is shown as all passed`);
    assert.equal(await c.locator('.tone-good').count(), 0, `${g.name}: a silent week is green`);
  }
  // The incident is shown whatever the week.
  assert.match(await card(page, fraud.group_id).getByTestId('overview-urgent').innerText(), /未处理风险 \d+ 项 · 诈骗 3级/);
  await page.screenshot({ path: join(outDir, 'score-overview-silent.png'), fullPage: true });

  // The group's Health tab of the silent week: a mute rate entered by hand
  // is kept and shown, and still gives no score.
  await card(page, groups[0].id).locator('.name').click(); // (a risk badge on the card opens the Risk tab)
  await page.getByTestId('health-silent').waitFor({ timeout: 30000 });
  const mute = page.getByTestId('input-mute-rate').locator('input');
  await mute.fill('10');
  await mute.press('Tab');
  await page.getByTestId('health-input-save').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="health-figure"][data-key="mute_rate"]')?.getAttribute('data-source') === 'hand');
  assert.equal(await page.locator('[data-testid="health-score"] [data-key="health_score"] .value').innerText(), '群已沉寂');
  assert.equal(await page.getByTestId('health-basis').innerText(), '这一周没有消息');
  await page.getByTestId('health-silent').waitFor();
  const m = await cliJSON(devBinary, db, 'metrics', '--group', groups[0].name, '--week', silentWeek);
  assert.equal(m.mute_rate, 0.1);
  assert.equal(m.health_score, null);
  assert.equal(m.checks_applicable, 0);
  await page.getByTestId('health-silent').scrollIntoViewIfNeeded();
  await page.getByTestId('health-view').screenshot({ path: join(outDir, 'score-health-silent.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a group’s Health tab shows the score with its basis', async () => {
  await talkNow(db, (await cliJSON(devBinary, db, 'group', 'list'))[0]); // a scored week, even early on a Monday
  const { page, errors } = await openPage(session, { service: 'HealthService', viewport: { width: 1280, height: 1100 } });
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('overview-card').first().waitFor({ timeout: 30000 });
  // a group scored this week (the demo's latest week has a silent group too)
  const first = page.getByTestId('overview-card').filter({ has: page.getByTestId('health-basis').getByText(/^基于/) }).first();
  await first.waitFor();
  const id = await first.getAttribute('data-group-id');
  const week = await page.locator('.cards').getAttribute('data-week');
  const g = (await cliJSON(devBinary, db, 'group', 'list')).find((x) => String(x.id) === id);
  const m = await cliJSON(devBinary, db, 'metrics', '--group', g.name, '--week', week);
  await first.locator('.name').click(); // (a risk badge on the card opens the Risk tab)
  await page.getByTestId('health-view').waitFor();
  const score = page.locator('[data-testid="health-score"]');
  assert.notEqual(m.health_score, null);
  assert.equal(await score.locator('[data-key="health_score"] .value').innerText(), String(m.health_score));
  assert.equal(await score.getByTestId('health-basis').innerText(), `基于 ${m.checks_applicable}/5 项`);
  await page.screenshot({ path: join(outDir, 'score-health.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
