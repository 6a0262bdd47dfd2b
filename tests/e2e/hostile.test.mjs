// Hostile input: nicknames, remarks and chat text written to attack an HTML
// page, a template engine or a spreadsheet go through the importer and every
// screen of the app in a real browser, and through the weekly report. Nothing
// may run (window.__pwned stays undefined), no injected element may exist, and
// the text must show literally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, openPage, run } from './lib.mjs';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const TEMPLATE = '{{7*7}}';
const FORMULA = '=HYPERLINK("http://evil.example/","点我")';
const RTL = '\u202Eexe.txt\u202C'; // right-to-left override
const SVG = '<svg onload=window.__pwned=1>';
const hostile = [IMG, SCRIPT, TEMPLATE, FORMULA, RTL, SVG];

const pad = (n) => String(n).padStart(2, '0');
/** stamp is a local wall-clock time n hours before now, as chat exports write it. */
function stamp(hoursAgo) {
  const d = new Date(Date.now() - hoursAgo * 3600e3);
  // Asia/Shanghai wall clock (the group's default zone), whatever the test machine's zone.
  const s = new Date(d.getTime() + 8 * 3600e3);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
}

const csvCell = (v) => `"${String(v).replaceAll('"', '""')}"`;

let session, db, group;

before(async () => {
  session = await startDevSession(async (path) => {
    const dir = dirname(path);
    group = await cliJSON(devBinary, path, 'group', 'add', '--name', `读书会 ${IMG}`);
    // A member list: every name column hostile.
    const members = [
      ['昵称', '群昵称', '微信号', '备注', '入群时间', '标签'],
      [IMG, SCRIPT, 'wx_img', TEMPLATE, '2024/1/8 20:00', `活跃;${SVG}`],
      [SCRIPT, '', 'wx_script', FORMULA, '2024/1/8 20:01', TEMPLATE],
      [TEMPLATE, RTL, 'wx_tpl', '', '2024/1/9 12:30', ''],
      [FORMULA, '', 'wx_formula', '', '2024/1/9 12:31', FORMULA],
      [`晓雨${RTL}`, '', 'wx_rtl', SVG, '2024/1/9 12:32', ''],
      ['林老师', '', 'wx_owner', '', '2024/1/8 19:00', '群主'],
    ];
    const mfile = join(dir, 'hostile-members.csv');
    writeFileSync(mfile, '\ufeff' + members.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
    await cliJSON(devBinary, path, 'import', 'members', '--group', String(group.id), mfile);
    // A chat: hostile senders and texts, questions nobody answers, links, ads.
    const who = [[IMG, 'wx_img'], [SCRIPT, 'wx_script'], [TEMPLATE, 'wx_tpl'], [FORMULA, 'wx_formula'], [`晓雨${RTL}`, 'wx_rtl']];
    const rows = [['Time', 'Sender', 'WxID', 'Type', 'Message']];
    let h = 60;
    for (let round = 0; round < 3; round++) {
      for (const [name, id] of who) {
        rows.push([stamp(h--), name, id, 'text', `打卡 第${round + 1}天 ${IMG}`]);
        rows.push([stamp(h--), name, id, 'text', `请问 ${SCRIPT} 怎么报名？`]);
        rows.push([stamp(h--), name, id, 'text', `${TEMPLATE} ${FORMULA} ${SVG}`]);
        rows.push([stamp(h--), name, id, 'link', `加我微信领优惠 https://evil.example/?q=${encodeURIComponent(IMG)}`]);
      }
    }
    const cfile = join(dir, 'hostile-chat.tsv');
    writeFileSync(cfile, '\ufeff' + rows.map((r) => r.map((c) => (/[\t"\n]/.test(c) ? csvCell(c) : c)).join('\t')).join('\n') + '\n');
    await cliJSON(devBinary, path, 'import', 'chat', '--group', String(group.id), '--format', 'csv', cfile);
  });
  db = session.db;
});

after(async () => {
  await session?.stop();
});

/** injected counts what an attack would have left in a document. */
function injected() {
  const scripts = [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length;
  const imgs = document.querySelectorAll('img[src="x"], img[onerror]').length;
  const svgs = document.querySelectorAll('svg[onload]').length;
  return { pwned: window.__pwned, scripts, imgs, svgs, text: document.body.innerText };
}

test('hostile names and texts show literally on every screen and run nothing', async () => {
  const { page, errors } = await openPage(session, { viewport: { width: 1400, height: 1000 } });
  const members = await cliJSON(devBinary, db, 'members', '--group', String(group.id));
  const someone = await page.evaluate(async (gid) => {
    const weeks = await window.go.app.HealthService.Weeks();
    const l = await window.go.app.MembersService.Ledger(gid, weeks[0].week);
    return l.members.find((m) => m.name.includes('<img'))?.id;
  }, group.id);
  assert.ok(someone, 'the hostile member is not in the ledger');
  const screens = [
    ['overview', '#/overview'],
    ['groups', '#/groups'],
    ['health', `#/groups/${group.id}/health`],
    ['members', `#/groups/${group.id}/members`],
    ['member', `#/groups/${group.id}/members?member=${someone}`],
    ['rules', `#/groups/${group.id}/rules`],
    ['content', `#/groups/${group.id}/content`],
    ['assistant', `#/groups/${group.id}/content/assistant`],
    ['highlights', `#/groups/${group.id}/content/highlights`],
    ['risk', `#/groups/${group.id}/risk`],
    ['import', `#/import?group=${group.id}`],
    ['calendar', '#/calendar'],
    ['reports', '#/reports'],
    ['settings', '#/settings'],
    ['audit', '#/settings/audit'],
  ];
  const seen = new Set();
  for (const [name, hash] of screens) {
    await page.goto(session.url + hash);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // loads and charts settle
    const got = await page.evaluate(injected);
    assert.equal(got.pwned, undefined, `${name}: injected code ran`);
    assert.equal(got.scripts, 0, `${name}: an injected <script> exists`);
    assert.equal(got.imgs, 0, `${name}: an injected <img> exists`);
    assert.equal(got.svgs, 0, `${name}: an injected <svg onload> exists`);
    assert.ok(!/读书会 49|(^|[^{])49 =HYPERLINK/.test(got.text), `${name}: {{7*7}} was evaluated`);
    for (const h of hostile) if (got.text.includes(h)) seen.add(h);
    await page.screenshot({ path: join(outDir, `hostile-${name}.png`), fullPage: name === 'members' });
  }
  // The ledger and the member page name every hostile member as written.
  await page.goto(session.url + `#/groups/${group.id}/members`);
  await page.getByTestId('members-table').waitFor({ timeout: 30000 });
  const table = await page.getByTestId('members-table').innerText();
  for (const h of [IMG, SCRIPT, TEMPLATE, FORMULA]) assert.ok(table.includes(h), `the members table does not show ${h} literally`);
  for (const h of hostile) assert.ok(seen.has(h), `${JSON.stringify(h)} never showed literally on any screen`);
  assert.ok(members.length >= 6);

  // The report preview: a sandboxed frame, escaped text, nothing run inside.
  await page.goto(session.url + '#/reports');
  await page.getByTestId('report-preview').waitFor({ timeout: 30000 });
  await page.frameLocator('[data-testid="report-preview"]').locator('h2').first().waitFor({ timeout: 30000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const inside = await frame.evaluate(injected);
  assert.equal(inside.pwned, undefined, 'code ran inside the report preview');
  assert.equal(inside.imgs + inside.scripts + inside.svgs, 0, 'an injected element exists in the report preview');
  assert.ok(inside.text.includes(IMG), 'the report preview does not show the hostile group name literally');
  await page.screenshot({ path: join(outDir, 'hostile-report.png') });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the weekly report file escapes hostile text', async () => {
  const out = join(dirname(db), 'report.html');
  // The current ISO week, as the report command takes it.
  const now = new Date(Date.now() + 8 * 3600e3);
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3 - ((now.getUTCDay() + 6) % 7)));
  const week1 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const wn = 1 + Math.round(((thursday - week1) / 864e5 - 3 + ((week1.getUTCDay() + 6) % 7)) / 7);
  const week = `${thursday.getUTCFullYear()}-W${pad(wn)}`;
  await run(devBinary, ['--db', db, 'report', '--week', week, '--group', String(group.id), '--out', out], { env: { ...process.env, DISPLAY: '' } });
  const html = readFileSync(out, 'utf8');
  for (const raw of [IMG, SCRIPT, SVG]) assert.ok(!html.includes(raw), `the report holds ${raw} unescaped`);
  assert.ok(html.includes('&lt;img src=x onerror=window.__pwned=1&gt;'), 'the hostile group name is not in the report, escaped');
  // Opened as a page of its own, nothing runs.
  const p = await session.browser.newPage();
  await p.setContent(html, { waitUntil: 'load' });
  await p.waitForTimeout(500);
  const got = await p.evaluate(injected);
  assert.equal(got.pwned, undefined);
  assert.equal(got.imgs + got.scripts + got.svgs, 0);
  await p.close();
});
