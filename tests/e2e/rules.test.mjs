// A group's Rules tab in a real browser against the real Go services on the
// demo workspace: work a violation from the queue (warn) and see the strike
// on the member's page and in the CLI's ledger.
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

/** firstViolation finds, newest week first, a demo group and week with a violation. */
async function firstViolation(weeks) {
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  for (const w of weeks) {
    for (const g of groups) {
      const vs = await cliJSON(devBinary, db, 'violations', '--group', String(g.id), '--week', w);
      if (vs.length) return { group: g, week: w, violation: vs[0] };
    }
  }
  return null;
}

test('Rules: warn a violation from the queue and see the strike on the member page', async () => {
  const { page, errors } = await openPage(session, { service: 'RulesService', viewport: { width: 1400, height: 1000 } });
  const weeks = await page.evaluate(async () => (await window.go.app.HealthService.Weeks()).map((w) => w.week));
  const found = await firstViolation(weeks.slice(0, 8));
  assert.ok(found, 'the demo workspace has violations in its last weeks');
  const { group, week, violation } = found;

  await page.goto(`${session.url}#/groups/${group.id}/rules`);
  await page.getByTestId('rules-view').waitFor({ timeout: 30000 });
  if ((await page.getByTestId('rules-view').getAttribute('data-week')) !== week) {
    await page.getByTestId('week-picker').click();
    await page.locator('.n-base-select-option').filter({ hasText: `第${Number(week.slice(6))}周` }).first().click();
    await page.waitForFunction((w) => document.querySelector('[data-testid="rules-view"]')?.getAttribute('data-week') === w, week);
  }
  const item = page.getByTestId('violation').filter({ hasText: violation.name }).first();
  await item.waitFor();
  assert.equal(await item.getAttribute('data-decision'), 'open');
  // The message is shown in its chat context.
  assert.ok((await item.locator('.context li').count()) >= 2, 'no chat context around the violation');
  assert.match(await item.locator('.context li.self').innerText(), new RegExp(violation.content.slice(0, 4).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await item.getByTestId('violation-warn').click();
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('[data-testid="violation"]')].some((v) => v.textContent.includes(name) && v.getAttribute('data-decision') === 'warned'),
    violation.name,
  );
  await page.screenshot({ path: join(outDir, 'rules-queue.png') });

  // The member's page shows the strike.
  const warned = page.locator('[data-testid="violation"][data-decision="warned"]').filter({ hasText: violation.name }).first();
  await warned.getByTestId('violation-member').click();
  await page.waitForURL(new RegExp(`#/groups/${group.id}/members\\?member=\\d+`));
  const drawer = page.getByTestId('member-drawer');
  await drawer.waitFor({ timeout: 30000 });
  const strike = drawer.locator('[data-testid="member-timeline"] li[data-kind="strike"]').first();
  await strike.waitFor();
  assert.match(await strike.innerText(), /违规：/);
  assert.match(await strike.innerText(), /记过/);
  await page.screenshot({ path: join(outDir, 'rules-member-strike.png') });

  // The CLI's ledger counts it.
  const ledger = await cliJSON(devBinary, db, 'members', '--group', String(group.id), '--week', week);
  assert.ok(ledger.some((m) => m.name === violation.name && m.strikes >= 1), `${violation.name} has no strike in the CLI ledger`);
  assert.deepEqual(errors, []);
  await page.close();
});
