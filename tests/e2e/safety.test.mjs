// Data safety in a real browser against the real Go services: a workspace
// protected by a passphrase starts on the lock screen (nothing else is
// reachable, a wrong passphrase opens nothing), Settings changes the
// passphrase and lists the automatic backups, "back up now" and a restore
// bring back the backed-up rows; the workspace's files are owner-only; the
// browser mode refuses to listen beyond loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outDir, root, run, devBinary, startDevSession, openPage, sleep } from './lib.mjs';

const first = '芝麻开门 2024';
const second = 'second secret 42';
const samples = join(root, 'backend/importer/testdata');

/** qz runs the CLI on db with a passphrase in QUNZHU_PASSPHRASE and parses --json. */
async function qz(db, pass, ...args) {
  const env = { ...process.env, DISPLAY: '', QUNZHU_PASSPHRASE: pass ?? '' };
  const { stdout } = await run(devBinary, ['--db', db, '--json', ...args], { env });
  return JSON.parse(stdout);
}

/** qzFails runs the CLI expecting a failure and returns its stderr. */
async function qzFails(db, pass, ...args) {
  try {
    await qz(db, pass, ...args);
  } catch (e) {
    return String(e.stderr);
  }
  assert.fail(`qunzhu ${args.join(' ')} should have failed`);
}

let session, db, groupId;

before(async () => {
  session = await startDevSession(async (path) => {
    const g = await qz(path, '', 'group', 'add', '--name', '读书打卡交流群');
    groupId = g.id;
    await qz(path, '', 'import', 'members', '--group', String(groupId), join(samples, 'member_list_excel_utf8_bom.csv'));
    const pw = join(dirname(path), 'new-pass.txt');
    writeFileSync(pw, first + '\n', { mode: 0o600 });
    await qz(path, '', 'passphrase', 'set', '--new-file', pw);
  });
  db = session.db;
});

after(async () => {
  await session?.stop();
});

test('a protected workspace starts on the lock screen and opens only with the passphrase', async () => {
  const { page, errors } = await openPage(session);
  await page.getByTestId('lock').waitFor({ timeout: 30000 });
  // No other screen is reachable, and Go refuses to read anything.
  for (const hash of ['#/groups', '#/settings', `#/groups/${groupId}/members`, '#/overview']) {
    await page.goto(session.url + hash);
    await page.getByTestId('lock').waitFor();
    assert.equal(await page.locator('.rail').count(), 0, `the navigation rail shows on ${hash} while locked`);
  }
  const refused = await page.evaluate(() => window.go.app.GroupService.List().then(() => 'read', (e) => e.code || String(e)));
  assert.notEqual(refused, 'read', 'the group list was readable while locked');
  await page.screenshot({ path: join(outDir, 'safety-lock.png') });

  // An empty passphrase is caught in the window; a wrong one says so clearly.
  await page.getByTestId('lock-unlock').click();
  await page.getByTestId('lock-empty').waitFor();
  await page.getByTestId('lock-passphrase').locator('input').fill('wrong one');
  await page.getByTestId('lock-unlock').click();
  await page.getByTestId('lock-error').waitFor();
  assert.match(await page.getByTestId('lock-error').innerText(), /密码不正确/);
  await page.screenshot({ path: join(outDir, 'safety-lock-wrong.png') });

  await page.getByTestId('lock-passphrase').locator('input').fill(first);
  await page.getByTestId('lock-unlock').press('Enter');
  await page.waitForURL(/#\/overview/);
  await page.locator('.rail').waitFor();
  const groups = await page.evaluate(() => window.go.app.GroupService.List());
  assert.equal(groups.length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Settings: change the passphrase, back up now, restore a backup', async () => {
  const { page, errors } = await openPage(session, { viewport: { width: 1280, height: 1100 } });
  await page.goto(session.url + '#/settings');
  await page.getByTestId('passphrase-status').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('passphrase-status').innerText(), /已设置密码/);
  // The start (unlock) made the first automatic backup.
  await page.getByTestId('backup-row').first().waitFor({ timeout: 20000 });

  // Change: a mismatch is caught, a wrong current passphrase refused.
  await page.getByTestId('passphrase-change').click();
  await page.getByTestId('passphrase-current').locator('input').fill('not the one');
  await page.getByTestId('passphrase-next').locator('input').fill(second);
  await page.getByTestId('passphrase-confirm').locator('input').fill(second + 'x');
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-problem').waitFor();
  await page.getByTestId('passphrase-confirm').locator('input').fill(second);
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-error').waitFor();
  assert.match(await page.getByTestId('passphrase-error').innerText(), /密码不正确/);
  await page.getByTestId('passphrase-current').locator('input').fill(first);
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-dialog').waitFor({ state: 'detached' });
  // The CLI now needs the new passphrase; the old one opens nothing.
  assert.match(await qzFails(db, first, 'group', 'list'), /密码不正确/);
  assert.equal((await qz(db, second, 'group', 'list')).length, 1);
  const keyFile = readFileSync(db + '.key', 'utf8');
  assert.match(keyFile, /argon2id/, 'the key file is not the wrapped (v2) format');

  // Back up now: one more row.
  const rows = await page.getByTestId('backup-row').count();
  await page.getByTestId('backup-now').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="backup-row"]').length === n + 1, rows);
  await page.screenshot({ path: join(outDir, 'safety-settings.png'), fullPage: true });

  // Work after the backup (through the CLI while the app runs), then restore.
  await qz(db, second, 'group', 'add', '--name', '备份之后建的群');
  assert.equal((await qz(db, second, 'group', 'list')).length, 2);
  const newest = page.getByTestId('backup-row').first();
  await newest.getByRole('button').click();
  await page.getByTestId('restore-dialog').waitFor();
  await page.screenshot({ path: join(outDir, 'safety-restore-confirm.png') });
  await page.locator('.n-dialog .n-button--warning-type, .n-dialog .n-button--primary-type').last().click();
  // The window reloads onto the restored workspace.
  await page.waitForFunction(() => !document.querySelector('[data-testid="restore-dialog"]'), null, { timeout: 30000 });
  await page.getByTestId('passphrase-status').waitFor({ timeout: 30000 });
  const after = await page.evaluate(() => window.go.app.GroupService.List());
  assert.deepEqual(after.map((g) => g.name), ['读书打卡交流群'], 'the restore did not bring back the backed-up groups');
  const cli = await qz(db, second, 'group', 'list');
  assert.deepEqual(cli.map((g) => g.name), ['读书打卡交流群']);
  const members = await qz(db, second, 'members', '--group', String(groupId));
  assert.ok(members.length >= 5, 'members lost in the restore');
  assert.ok(readdirSync(dirname(db)).some((f) => f.includes('before-restore')), 'the replaced workspace was not kept');

  // Remove the passphrase (with its warning), then set one again.
  await page.getByTestId('passphrase-remove').click();
  await page.getByTestId('passphrase-current').locator('input').fill(second);
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="passphrase-status"]')?.textContent.includes('未设置密码'));
  assert.equal(readFileSync(db + '.key').length, 32, 'removing the passphrase did not write the raw key back');
  assert.equal((await qz(db, '', 'group', 'list')).length, 1, 'the CLI still needs a passphrase');
  await page.getByTestId('passphrase-set').click();
  await page.getByTestId('passphrase-next').locator('input').fill('短');
  await page.getByTestId('passphrase-confirm').locator('input').fill('短');
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-problem').waitFor();
  assert.match(await page.getByTestId('passphrase-problem').innerText(), /至少 6 个字符/);
  await page.getByTestId('passphrase-next').locator('input').fill(first);
  await page.getByTestId('passphrase-confirm').locator('input').fill(first);
  await page.locator('.n-dialog .n-button--primary-type').click();
  await page.getByTestId('passphrase-dialog').waitFor({ state: 'detached' });
  assert.match(await qzFails(db, '', 'group', 'list'), /密码保护/);
  assert.equal((await qz(db, first, 'group', 'list')).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the workspace files are owner-only', () => {
  for (const f of [db, db + '-wal', db + '.key']) {
    assert.equal(statSync(f).mode & 0o777, 0o600, `${f} is not 0600`);
  }
  assert.equal(statSync(dirname(db)).mode & 0o777, 0o700, 'the data folder is not 0700');
  const backups = join(dirname(db), 'backups');
  assert.equal(statSync(backups).mode & 0o777, 0o700, 'the backups folder is not 0700');
  for (const f of readdirSync(backups)) assert.equal(statSync(join(backups, f)).mode & 0o777, 0o600, `${f} is not 0600`);
});

test('the browser mode refuses to listen beyond loopback', async () => {
  const proc = spawn(devBinary, ['-assetdir', join(root, 'frontend/dist'), '-devserver', '0.0.0.0:34999'], {
    env: { ...process.env, QUNZHU_DB: db, DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stderr.on('data', (d) => (log += d));
  proc.stdout.on('data', (d) => (log += d));
  for (let i = 0; i < 100 && proc.exitCode === null; i++) await sleep(100);
  if (proc.exitCode === null) proc.kill('SIGKILL');
  assert.notEqual(proc.exitCode, 0, 'the app started on 0.0.0.0');
  assert.match(log, /127\.0\.0\.1/);
  assert.match(log, /0\.0\.0\.0:34999/);
});
