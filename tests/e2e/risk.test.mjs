// A group's Risk tab in a real browser against the real Go services on the
// demo workspace: the demo's fraud and complaint messages, days old when the
// demo loads, have opened incidents timed from those messages (overdue, and
// saying they were found late); one opened by hand runs its timer from now.
// Tick a checklist item, close the fraud incident, dismiss a hit, copy a
// filled playbook; the CLI sees the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('Risk: incidents with timers, checklist, close, dismiss a hit, copy a playbook', async () => {
  const incidents = await cliJSON(devBinary, db, 'incidents');
  const fraud = incidents.find((i) => i.type === 'fraud');
  assert.ok(fraud, `the demo opened no fraud incident: ${JSON.stringify(incidents)}`);
  // Timed from its message, not from the demo's loading: due 15 minutes after it occurred, long past.
  const occurred = Date.parse(fraud.occurred_at);
  assert.ok(occurred < Date.parse(fraud.opened_at), `fraud occurred ${fraud.occurred_at}, opened ${fraud.opened_at}`);
  assert.equal(Date.parse(fraud.due_at) - occurred, 15 * 60 * 1000);
  assert.equal(fraud.overdue, true);
  assert.match(fraud.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  assert.ok(incidents.some((i) => i.type === 'public_opinion' && i.group_id === fraud.group_id), 'no complaint-burst incident beside the fraud one');
  const groupId = fraud.group_id;

  const { page, errors } = await openPage(session, { service: 'RiskService', viewport: { width: 1400, height: 1000 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url.replace(/\/$/, '') });
  await page.goto(`${session.url}#/groups/${groupId}/rules`);
  await page.getByTestId('tab-risk').click();
  await page.getByTestId('risk-view').waitFor({ timeout: 30000 });

  // The fraud incident is listed overdue from its event, and says it was found late.
  const row = page.locator(`[data-testid="incident"][data-id="${fraud.id}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'open');
  const timer = row.getByTestId('incident-timer');
  assert.equal(await timer.getAttribute('data-state'), 'overdue');
  assert.match(await timer.innerText(), /^⚠ 已超时 /);
  assert.match(await row.getByTestId('incident-late').innerText(), /^⚠ 发生于 \d+月\d+日 \d\d:\d\d，发现时已超时 \d+ (天|小时|分钟)$/);
  assert.match(await row.innerText(), /刷单/);

  // One opened by hand occurred now: a running countdown in words, nothing found late.
  const ids = await page.locator('[data-testid="incident"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
  await page.getByTestId('incident-create').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="incident"]').length === n + 1, ids.length);
  const freshId = await page.locator('[data-testid="incident"]').evaluateAll((els, known) => els.map((e) => Number(e.getAttribute('data-id'))).find((id) => !known.includes(id)), ids);
  const freshRow = page.locator(`[data-testid="incident"][data-id="${freshId}"]`);
  const freshTimer = freshRow.getByTestId('incident-timer');
  assert.equal(await freshTimer.getAttribute('data-state'), 'running');
  const first = await freshTimer.innerText();
  // A public-opinion incident has an hour: "剩余 1小时0分" in its first second, then minutes and seconds.
  assert.match(first, /^剩余 (1小时0分|\d+分\d+秒)$/);
  await page.waitForFunction((t) => document.querySelector(`[data-testid="incident"][data-id="${t.id}"] [data-testid="incident-timer"]`)?.textContent.trim() !== t.first, { id: freshId, first });
  assert.equal(await freshRow.getByTestId('incident-late').count(), 0);
  assert.match(await freshRow.getByTestId('incident-when').innerText(), /^发生于 \d+月\d+日 \d\d:\d\d$/);
  // Opening it opened its drawer: the due time runs from now there too.
  const freshDrawer = page.getByTestId('incident-drawer');
  await freshDrawer.waitFor();
  assert.match(await freshDrawer.getByTestId('incident-when').innerText(), /^发生于 \d+月\d+日 \d\d:\d\d · 处置时限 \d+月\d+日 \d\d:\d\d$/);
  await page.keyboard.press('Escape');
  await freshDrawer.waitFor({ state: 'hidden' });

  // Hits wait for review: at least the order-brushing lure (level 2) and the single complaints.
  const open = page.locator('[data-testid="hit"][data-decision="open"]');
  const before = await open.count();
  assert.ok(before >= 3, `only ${before} hits to review`);
  await page.screenshot({ path: join(outDir, 'risk-tab.png') });

  // Dismiss one: it leaves the list.
  await open.first().getByTestId('hit-dismiss').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="hit"][data-decision="open"]').length === n - 1, before);

  // The drawer: evidence, a tick, then close.
  await row.getByTestId('incident-view').click();
  const drawer = page.getByTestId('incident-drawer');
  await drawer.waitFor();
  await drawer.getByTestId('incident-evidence').waitFor();
  assert.match(await drawer.getByTestId('incident-evidence').innerText(), /刷单/);
  // The playbooks offered there fit the incident and name it: a fraud warning about this fraud, on the day it happened.
  const books = drawer.getByTestId('incident-playbooks');
  await books.getByTestId('playbook-text').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-playbooks"] [data-testid="playbook-text"] textarea')?.value.includes('群内出现的诈骗信息'));
  const fromIncident = await books.getByTestId('playbook-text').locator('textarea').inputValue();
  assert.match(fromIncident, /^【防骗提醒】关于(\d{4}年)?\d+月\d+日群内出现的诈骗信息：/);
  assert.doesNotMatch(fromIncident, /\{事件\}|投诉/);
  const body = drawer.locator('[data-version]');
  const v1 = await body.getAttribute('data-version');
  await drawer.locator('[data-testid="incident-check"][data-key="fr_remove"]').click();
  await page.waitForFunction((v) => document.querySelector('[data-testid="incident-drawer"] [data-version]')?.getAttribute('data-version') !== v, v1);
  assert.equal(await drawer.locator('[data-testid="incident-check"][data-key="fr_remove"]').getAttribute('aria-checked'), 'true');
  await drawer.getByTestId('incident-notes').locator('textarea').fill('已移出，手机号13800001111的成员已联系');
  await page.screenshot({ path: join(outDir, 'risk-drawer.png') });
  await drawer.getByTestId('incident-close').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="incident-drawer"] [data-status]')?.getAttribute('data-status') === 'closed');
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="incident"][data-id="${id}"]`)?.getAttribute('data-status') === 'closed', fraud.id);
  assert.match(await row.getByTestId('incident-timer').innerText(), /关闭/);

  // The playbook library: the backup-group notice filled for this group, copied.
  const lib = page.getByTestId('playbook-library');
  await lib.getByTestId('playbook-backup').locator('input').fill('好物折扣福利2群');
  const text = await lib.getByTestId('playbook-text').locator('textarea').inputValue();
  assert.match(text, /好物折扣福利2群/);
  assert.doesNotMatch(text, /\{群名\}|\{日期\}|\{备用群\}/);
  await lib.getByTestId('playbook-copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, text);
  await page.screenshot({ path: join(outDir, 'risk-playbook.png') });
  await page.getByTestId('risk-set').filter({ hasText: '集中投诉' }).locator('.n-collapse-item__header').click();
  await page.screenshot({ path: join(outDir, 'risk-full.png'), fullPage: true });

  // The CLI sees the closed incident with its tick; the note is not in the audit trail in clear.
  const after = await cliJSON(devBinary, db, 'incidents', '--group', String(groupId));
  const closed = after.find((i) => i.id === fraud.id);
  assert.equal(closed.status, 'closed');
  assert.ok(closed.closed_at, 'no closing time');
  assert.deepEqual(closed.checked, ['fr_remove']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Risk: a number leaked in chat is shown masked; showing it whole is an audited action', async () => {
  const incidents = await cliJSON(devBinary, db, 'incidents');
  const leak = incidents.find((i) => i.type === 'data_leak');
  assert.ok(leak, `the demo opened no data-leak incident: ${JSON.stringify(incidents)}`);
  assert.doesNotMatch(leak.summary, /13912345678|110105201403150024/, 'the incident summary holds the numbers in clear');

  const { page, errors } = await openPage(session, { service: 'RiskService', viewport: { width: 1400, height: 1000 } });
  await page.goto(`${session.url}#/groups/${leak.group_id}/rules`);
  await page.getByTestId('tab-risk').click();
  await page.getByTestId('risk-view').waitFor({ timeout: 30000 });
  await page.getByTestId('hits-show-reviewed').click(); // the leak opened an incident: its hit is reviewed
  const hit = page.locator('[data-testid="hit"][data-category="data_leak"]').first();
  await hit.waitFor();
  const content = hit.getByTestId('hit-content');
  assert.match(await content.innerText(), /139\*\*\*\*5678/);
  assert.doesNotMatch(await page.content(), /13912345678/, 'the page holds the phone number in clear before anyone asked');

  await hit.getByTestId('hit-reveal').click();
  await page.waitForFunction(() => /13912345678/.test(document.querySelector('[data-testid="hit"][data-category="data_leak"] [data-testid="hit-content"]')?.textContent ?? ''));
  const audit = await cliJSON(devBinary, db, 'audit', '--action', 'message.reveal');
  assert.equal(audit.length, 1, `the reveal was not audited once: ${JSON.stringify(audit)}`);
  assert.doesNotMatch(JSON.stringify(audit), /13912345678/, 'the audit log holds the number it records the reveal of');
  assert.deepEqual(errors, []);
});
