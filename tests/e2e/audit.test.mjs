// The audit log in a real browser against the real Go services on the demo
// workspace: name the operator on the Audit log screen, change a member's
// tier in the Members tab, and find the entry (operator, action in words,
// before/after field by field) on the screen and in the CLI's `audit --json`.
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

test('Audit log: a tier edit in the app is recorded with operator and before/after, seen on screen and by the CLI', async () => {
  const { page, errors } = await openPage(session, { service: 'AuditService', viewport: { width: 1400, height: 1000 } });

  // Settings links to the audit log; the demo's imports are already there, by the default operator.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-audit-link').waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(outDir, 'audit-settings-link.png') });
  await page.getByTestId('settings-audit-link').click();
  await page.waitForURL(/#\/settings\/audit/);
  await page.getByTestId('audit-view').waitFor({ timeout: 30000 });
  await page.locator('[data-testid="audit-row"][data-action="import.demo"]').first().waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('audit-operator-name').innerText(), /以 负责人 身份记录/);

  // Name the operator changes are recorded under.
  await page.getByTestId('audit-operator-edit').click();
  await page.getByTestId('audit-operator-input').locator('input').fill('运营小王');
  await page.getByTestId('audit-operator-save').click();
  await page.getByTestId('audit-operator-name').getByText('以 运营小王 身份记录').waitFor();
  await page.locator('[data-testid="audit-row"][data-action="settings.update"]').first().waitFor();

  // Change a member's tier in the Members tab.
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[0];
  await page.goto(`${session.url}#/groups/${group.id}/members`);
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  const week = await page.getByTestId('members-view').getAttribute('data-week');
  const ledger = await cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
  const target = ledger.find((m) => m.tier === 'normal' && m.present && m.messages_28d > 0 && !/[\s]/.test(m.name));
  assert.ok(target, 'the demo group has a normal member who spoke');
  await page.getByTestId('members-search').locator('input').fill(target.name);
  const match = page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(target.name, { exact: true }) }).first();
  await match.waitFor({ timeout: 15000 });
  await match.click();
  const drawer = page.getByTestId('member-drawer');
  await drawer.waitFor();
  await drawer.getByTestId('member-tier').click();
  await page.locator('.n-base-select-option').filter({ hasText: '核心成员' }).click();
  await drawer.getByTestId('member-save').click();
  await drawer.getByTestId('member-timeline').locator('[data-kind="tier"]').first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Escape');

  // The audit screen shows it first, in words, by 运营小王; the expander shows before/after.
  await page.goto(`${session.url}#/settings/audit`);
  await page.getByTestId('audit-view').waitFor({ timeout: 30000 });
  const row = page.getByTestId('audit-row').first();
  await row.waitFor();
  assert.equal(await row.getAttribute('data-action'), 'member.update');
  const text = await row.innerText();
  assert.match(text, /编辑成员/);
  assert.match(text, /运营小王/);
  assert.match(text, new RegExp(group.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(text, /\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  await row.click();
  const diff = page.getByTestId('audit-diff').first();
  await diff.waitFor();
  const tier = diff.locator('[data-testid="audit-diff-row"][data-field="tier"]');
  assert.equal(await tier.getByTestId('audit-before').innerText(), '普通成员');
  assert.equal(await tier.getByTestId('audit-after').innerText(), '核心成员');
  const name = diff.locator('[data-testid="audit-diff-row"][data-field="name"]');
  assert.equal(await name.getByTestId('audit-after').innerText(), target.name);
  await page.screenshot({ path: join(outDir, 'audit-log.png') });

  // Filtering by action kind keeps only member entries.
  await page.getByTestId('audit-filter-action').click();
  await page.locator('.n-base-select-option').filter({ hasText: /^成员$/ }).click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-action').startsWith('member.'));
  });
  await page.locator('.n-base-select-menu').waitFor({ state: 'hidden' });
  await page.waitForTimeout(400); // the table's loading veil fades out
  await page.screenshot({ path: join(outDir, 'audit-log-filtered.png') });

  // The CLI sees the same entry.
  const log = await cliJSON(devBinary, db, 'audit', '--action', 'member');
  const e = log[0];
  assert.equal(e.action, 'member.update');
  assert.equal(e.operator, '运营小王');
  assert.equal(e.group_id, group.id);
  assert.equal(e.before.tier, 'normal');
  assert.equal(e.after.tier, 'core');
  assert.equal(e.after.tier_locked, true);
  assert.deepEqual(errors, []);
  await page.close();
});
