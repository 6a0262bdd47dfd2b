// A group's Members tab in a real browser against the real Go services on
// the demo workspace: find a member by search, change their tier, and see the
// change persisted (the CLI reads it back from the database).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, root } from './lib.mjs';

let session, db;

before(async () => {
  session = await startDevSession();
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('Members: search a member, change their tier, and find it persisted', async () => {
  const { page, errors } = await openPage(session, { service: 'MembersService', viewport: { width: 1400, height: 1000 } });
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[0];

  // From the Groups table, the 成员 button opens the group's Members tab.
  await page.getByTestId('nav-groups').click();
  const row = page.locator(`[data-testid="group-row"][data-group-id="${group.id}"]`);
  await row.waitFor({ timeout: 30000 });
  await row.getByTestId('group-members').click();
  await page.waitForURL(new RegExp(`#/groups/${group.id}/members`));
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  await page.getByTestId('members-group-name').getByText(group.name, { exact: true }).waitFor();
  const week = await page.getByTestId('members-view').getAttribute('data-week');

  // The ledger and the CLI agree on who is in it.
  const ledger = await cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
  const count = await page.getByTestId('members-count').innerText();
  assert.match(count, new RegExp(`/ ${ledger.length.toLocaleString('en-US')} 名成员`));
  // The pyramid shows the CLI's figures.
  const tiers = await cliJSON(devBinary, db, 'tiers', '--group', String(group.id), '--week', week);
  const coreRow = page.locator('[data-testid="pyramid-row"][data-tier="core"]');
  assert.equal(await coreRow.getByTestId('pyramid-actual').innerText(), String(tiers.actual.core));
  assert.equal(await coreRow.getByTestId('pyramid-target').innerText(), String(tiers.target.core));
  // The removal list holds exactly the CLI's inactive members and strike-outs who are still present,
  // members who never spoke included.
  const removal = ledger.filter((m) => m.present && (m.inactive === true || m.struck_out));
  await page.getByTestId('removal-list').waitFor();
  assert.equal(await page.getByTestId('removal-entry').count(), removal.length);
  if (ledger.some((m) => m.present && m.inactive && m.last_message_at === null)) {
    assert.match(await page.getByTestId('removal-list').innerText(), /从未发言/);
  }
  // The leaderboard's first place has the most points of the present members, as the CLI says.
  const top = Math.max(...ledger.filter((m) => m.present).map((m) => m.points));
  if (top > 0) {
    const first = page.getByTestId('points-leaderboard').locator('li').first();
    assert.match(await first.innerText(), new RegExp(`${top.toLocaleString('zh-CN')} 分`));
  }
  await page.screenshot({ path: join(outDir, 'members-ledger.png') });

  // Search a present normal member who spoke, by name.
  const target = ledger.find((m) => m.tier === 'normal' && m.present && m.messages_28d > 0 && !/[\s]/.test(m.name));
  assert.ok(target, 'the demo group has a normal member who spoke');
  await page.getByTestId('members-search').locator('input').fill(target.name);
  const rows = page.getByTestId('member-row');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="member-row"]').length <= n, 3);
  const match = rows.filter({ has: page.getByTestId('member-name').getByText(target.name, { exact: true }) }).first();
  await match.waitFor();
  assert.match(await page.getByTestId('members-count').innerText(), /^显示 \d+ \//);

  // Open the member and make them a core member.
  await match.click();
  const drawer = page.getByTestId('member-drawer');
  await drawer.waitFor();
  await drawer.getByText(target.name).first().waitFor();
  await drawer.getByTestId('member-tier').click();
  await page.locator('.n-base-select-option').filter({ hasText: '核心成员' }).click();
  // Changing the tier by hand switches the lock on.
  assert.equal(await drawer.getByTestId('member-lock').getAttribute('aria-checked'), 'true');
  await drawer.getByTestId('member-save').click();
  await drawer.getByTestId('member-timeline').locator('[data-kind="tier"]').first().waitFor({ timeout: 15000 });
  assert.match(await drawer.getByTestId('member-timeline').locator('[data-kind="tier"]').first().innerText(), /普通成员 → 核心成员/);
  // Grant points by hand: the CLI's balance grows by as much.
  const before = (await cliJSON(devBinary, db, 'points', '--group', String(group.id))).find((p) => p.name === target.name)?.balance ?? 0;
  await drawer.getByTestId('points-amount').locator('input').fill('20');
  await drawer.getByTestId('points-reason').locator('input').fill('主题分享');
  await drawer.getByTestId('points-grant').click();
  await drawer.getByTestId('member-timeline').locator('[data-kind="points"]').first().waitFor({ timeout: 15000 });
  assert.match(await drawer.getByTestId('member-timeline').locator('[data-kind="points"]').first().innerText(), /发放 \+20 积分：主题分享/);
  const afterPoints = (await cliJSON(devBinary, db, 'points', '--group', String(group.id))).find((p) => p.name === target.name)?.balance ?? 0;
  assert.equal(afterPoints, before + 20);
  await page.screenshot({ path: join(outDir, 'members-drawer.png') });

  // The table shows the new tier, locked.
  await page.keyboard.press('Escape');
  const cell = match.getByTestId('member-tier-cell');
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('[data-testid="member-row"]')].some((r) => r.textContent.includes(name) && r.querySelector('[data-tier="core"]')),
    target.name,
  );
  assert.match(await cell.innerText(), /核心成员/);
  // …with the padlock that says it was set by hand.
  assert.equal(await cell.getByTestId('tier-locked').count(), 1);

  // Persisted: the CLI reads the new tier from the database.
  const after = await cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
  const saved = after.filter((m) => m.name === target.name);
  assert.ok(saved.some((m) => m.tier === 'core'), `${target.name} is not core in the database: ${JSON.stringify(saved)}`);

  // And after a reload of the page.
  await page.reload();
  await page.waitForFunction(() => window.go && window.go.app && window.go.app.MembersService);
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  await page.getByTestId('members-search').locator('input').fill(target.name);
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('[data-testid="member-row"]')].some((r) => r.textContent.includes(name) && r.querySelector('[data-tier="core"]')),
    target.name,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('Members: accepting a tier suggestion moves the member and removes the suggestion', async () => {
  const { page, errors } = await openPage(session, { service: 'MembersService', viewport: { width: 1400, height: 1000 } });
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[1];
  await page.goto(`${session.url}#/groups/${group.id}/members`);
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  const week = await page.getByTestId('members-view').getAttribute('data-week');
  const before = await cliJSON(devBinary, db, 'tiers', '--group', String(group.id), '--week', week);
  const first = before.suggestions[0];
  if (!first) return; // nothing to accept this week
  const item = page.getByTestId('suggestion').first();
  assert.match(await item.innerText(), new RegExp(first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await item.getByTestId('suggestion-accept').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="suggestion"]').length === n, before.suggestions.length - 1);
  const afterTiers = await cliJSON(devBinary, db, 'tiers', '--group', String(group.id), '--week', week);
  assert.equal(afterTiers.suggestions.length, before.suggestions.length - 1);
  assert.equal(afterTiers.actual[first.to], before.actual[first.to] + 1);
  await page.screenshot({ path: join(outDir, 'members-suggestions.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Members: screening a candidate list scores it best first, as the CLI does, and adds nobody', async () => {
  const { page, errors } = await openPage(session, { service: 'MembersService', viewport: { width: 1400, height: 1000 } });
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  const group = groups[0];
  const file = join(root, 'app/testdata/candidates.csv');
  const want = await cliJSON(devBinary, db, 'screen', '--group', String(group.id), file);
  await page.goto(`${session.url}#/groups/${group.id}/members`);
  await page.getByTestId('members-view').waitFor({ timeout: 30000 });
  const countBefore = await page.getByTestId('members-count').innerText();
  await page.getByTestId('candidates-open').click();
  await page.getByTestId('candidates-path').locator('input').fill(file);
  await page.getByTestId('candidates-run').click();
  await page.getByTestId('candidate').first().waitFor();
  const rows = await page.getByTestId('candidate').allInnerTexts();
  assert.equal(rows.length, want.length);
  want.forEach((c, i) => {
    assert.ok(rows[i].includes(c.name), `row ${i}: ${rows[i]} should be ${c.name}`);
    assert.ok(rows[i].includes(`${c.score} / 3`), `row ${i}: ${rows[i]} should score ${c.score}`);
  });
  assert.match(await page.getByTestId('candidates-errors').innerText(), /第 5 行/);
  await page.screenshot({ path: join(outDir, 'members-candidates.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('members-count').innerText(), countBefore);
  assert.deepEqual(errors, []);
  await page.close();
});
