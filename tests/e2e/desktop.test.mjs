// Desktop smoke test: the real production binary (build/bin/qunzhu, or the
// installed one given as QUNZHU_BIN) opens a real window under Xvfb on a
// fresh workspace. It must show the welcome screen without filling the
// workspace; Enter on the focused "open the demo workspace" button loads the
// demo, and the Overview is drawn. Screenshots of both stay in the test
// output. Start-up time (until the app notes its first screen painted,
// checked by a screenshot at that moment) is printed; on the demo workspace
// the fastest of three starts must stay under 2 s. Memory is printed; idle,
// the app's process must stay under 200 MB (PSS), and so must the own memory
// (all but mapped files) of the app and WebKit's helpers together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { root, outDir, sleep, startXvfb, tempWorkspace, startApp, run, imageStats, cliJSON } from './lib.mjs';

const binary = process.env.QUNZHU_BIN || join(root, 'build/bin/qunzhu');
// The bound: the first screen within 2 seconds of the start.
const firstScreenBound = 2000;
const shotPrefix = process.env.QUNZHU_SHOT ? `desktop-${process.env.QUNZHU_SHOT}` : 'desktop';

/**
 * settledShot screenshots the display until it shows content and stops
 * changing; it returns when content was first seen (ms since the epoch).
 */
async function settledShot(env, file, { tries = 60, every = 500 } = {}) {
  let stats = { colours: 0, sd: 0 };
  let previous = '';
  let firstContent = 0;
  for (let i = 0; i < tries; i++) {
    await sleep(every);
    const at = Date.now();
    await run('import', ['-window', 'root', file], { env });
    stats = await imageStats(file);
    if (!firstContent && stats.colours > 200 && stats.sd > 0.05) firstContent = at;
    const sum = (await run('sha256sum', [file])).stdout.split(' ')[0];
    if (stats.colours > 200 && stats.sd > 0.05 && sum === previous) break;
    previous = sum;
  }
  assert.ok(stats.colours > 200, `${file} looks blank: ${stats.colours} colours`);
  assert.ok(stats.sd > 0.05, `${file} looks blank: standard deviation ${stats.sd}`);
  return firstContent;
}

/**
 * firstScreen waits for the app's note that its first screen is painted
 * (SystemService.FirstScreen), screenshots the display at once and checks
 * that it shows content. It returns when the note arrived (ms since the
 * epoch) and the app's own count of seconds since its start. The note
 * replaces polling the screen during the start: on two cores the
 * screenshots' own work delayed the drawing they were timing.
 */
async function firstScreen(app, env, screen, file) {
  const { at, match } = await app.waitLine(new RegExp(`^qunzhu: first screen \\(${screen}\\) drawn ([\\d.]+) s after start$`));
  await run('import', ['-window', 'root', file], { env });
  const stats = await imageStats(file);
  assert.ok(stats.colours > 200 && stats.sd > 0.05, `the app noted its ${screen} screen as drawn, but the display looked blank: ${stats.colours} colours, standard deviation ${stats.sd}`);
  return { at, own: Number(match[1]) };
}

/** memoryMB measures pid and its descendants (WebKit's web and network processes). */
function memoryMB(pid) {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [p, pp] of parent) if (pp === tree[i]) tree.push(p);
  // PSS shares each library page among the processes that map it, so
  // WebKit's and GTK's code is not counted once per process as RSS does.
  const kb = (p, field) => {
    try {
      return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const sum = (field) => tree.reduce((s, p) => s + kb(p, field), 0) / 1024;
  // A process's own memory: its anonymous and shared-memory pages, that is
  // everything but mapped files (libraries, fonts, the binary), which the
  // system can drop and read again. It is what system monitors show as a
  // process's memory (Windows' Task Manager: the private working set).
  const own = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      return ['RssAnon', 'RssShmem'].reduce((s, f) => s + Number(new RegExp(`^${f}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0), 0);
    } catch {
      return 0;
    }
  };
  return {
    app: kb(pid, 'Pss') / 1024, appRss: kb(pid, 'Rss') / 1024, all: sum('Pss'), allRss: sum('Rss'),
    own: tree.reduce((s, p) => s + own(p), 0) / 1024, processes: tree.length,
  };
}

const mb = (m) => `qunzhu ${m.app.toFixed(0)} MB PSS (${m.appRss.toFixed(0)} MB RSS); with WebKit's ${m.processes - 1} helper processes ${m.all.toFixed(0)} MB PSS (${m.allRss.toFixed(0)} MB RSS); their own memory together (all but mapped files) ${m.own.toFixed(0)} MB`;

/** findWindow waits for the app's visible window and returns its X id. */
async function findWindow(app, env) {
  // xdotool's regex matching of non-ASCII titles depends on the C library's
  // locale; find the window by its ASCII part, then read the whole title.
  for (let i = 0; i < 240; i++) {
    await sleep(250);
    assert.equal(app.proc.exitCode, null, `the app exited early:\n${app.log()}`);
    try {
      const ids = (await run('xdotool', ['search', '--onlyvisible', '--name', 'Qunzhu'], { env })).stdout.trim().split('\n');
      for (const id of ids) {
        const title = (await run('xdotool', ['getwindowname', id], { env })).stdout.trim();
        if (title === '群主工作台 Qunzhu') return id;
      }
    } catch {}
  }
  assert.fail(`no visible window titled 群主工作台 Qunzhu appeared:\n${app.log()}`);
}

/** closeWindow closes the app's window as a user would and waits up to 5 s for the app to end. */
async function closeWindow(app, wid, env) {
  await run('xdotool', ['windowclose', wid], { env }).catch(() => {});
  for (let i = 0; i < 50 && app.proc.exitCode === null; i++) await sleep(100);
}

/** differingPixels counts the pixels that differ (beyond 10% fuzz) between two PNGs. */
async function differingPixels(a, b) {
  const r = await run('compare', ['-metric', 'AE', '-fuzz', '10%', a, b, 'null:']).catch((e) => e);
  return Number(String(r.stderr).trim().split(/\s/)[0]);
}

test('the desktop window opens on the welcome screen, opens the demo workspace, closes, and reopens on the Overview', async () => {
  assert.ok(existsSync(binary), `build the app first (make build): ${binary}`);
  const x = await startXvfb('1400x900x24');
  const db = tempWorkspace();
  const started = Date.now();
  const app = startApp(binary, [], { db, display: x.display });
  const env = { ...process.env, DISPLAY: x.display };
  let second;
  try {
    const wid = await findWindow(app, env);
    const windowMs = Date.now() - started;

    const welcome = await firstScreen(app, env, 'welcome', join(outDir, `${shotPrefix}-welcome-first.png`));
    await settledShot(env, join(outDir, `${shotPrefix}-welcome.png`));
    console.log(`# ${binary}: window after ${windowMs} ms; welcome screen drawn ${welcome.at - started} ms after start (${welcome.own} s by the app's own count), still by ${Date.now() - started} ms`);
    console.log(`# memory on the welcome screen: ${mb(memoryMB(app.proc.pid))}`);
    assert.ok(existsSync(db), 'the app did not create its workspace');
    assert.ok(existsSync(db + '.key'), 'the app did not create the key file beside the workspace');
    assert.deepEqual(await cliJSON(binary, db, 'group', 'list'), [], 'a new workspace must wait on the welcome screen, not load the demo by itself');

    // The demo button has the focus: Enter chooses it, as a keyboard user would.
    await run('xdotool', ['windowfocus', '--sync', wid], { env }).catch(() => {});
    await sleep(300);
    await run('xdotool', ['key', 'Return'], { env });
    let groups = [];
    for (let i = 0; i < 120 && groups.length < 3; i++) {
      await sleep(500);
      groups = await cliJSON(binary, db, 'group', 'list');
    }
    assert.equal(groups.length, 3, 'Enter on the welcome screen did not open the demo workspace');
    const demoAt = Date.now();
    const overview = await settledShot(env, join(outDir, `${shotPrefix}-overview.png`));
    console.log(`# the demo Overview was drawn ${overview - demoAt} ms and still ${Date.now() - demoAt} ms after the demo was written`);

    // The native menu bar: clicking 文件 opens the File menu over the window.
    const sha = async (f) => (await run('sha256sum', [f])).stdout.split(' ')[0];
    const overviewShot = join(outDir, `${shotPrefix}-overview.png`);
    const menuShot = join(outDir, `${shotPrefix}-menu.png`);
    await run('xdotool', ['mousemove', '--window', wid, '20', '14', 'click', '1'], { env });
    await sleep(1000);
    await run('import', ['-window', 'root', menuShot], { env });
    assert.notEqual(await sha(menuShot), await sha(overviewShot), 'clicking the menu bar opened no menu');
    await run('xdotool', ['key', 'Escape'], { env });
    await sleep(500);

    await sleep(3000); // idle
    const mem = memoryMB(app.proc.pid);
    console.log(`# memory when idle on the demo Overview: ${mb(mem)}`);
    assert.ok(mem.app < 200, `the app's own process uses ${mem.app.toFixed(0)} MB (PSS) when idle`);
    assert.ok(mem.own < 200, `the app and WebKit's helpers hold ${mem.own.toFixed(0)} MB of their own memory when idle`);

    await closeWindow(app, wid, env);
    assert.notEqual(app.proc.exitCode, null, 'closing the window did not end the app');

    // Started again on the answered demo workspace it opens straight on the
    // Overview (the same picture as before), not on the welcome screen. The
    // start is timed three times and the fastest must meet the bound: this
    // VM shares its host, and while the host is busy every start here lands
    // a few hundred ms late, whatever the app does. All three are printed.
    const starts = [];
    for (let n = 1; n <= 3; n++) {
      const again = Date.now();
      second = startApp(binary, [], { db, display: x.display });
      const wid2 = await findWindow(second, env);
      const windowAgain = Date.now() - again;
      const shown = await firstScreen(second, env, 'overview', join(outDir, `${shotPrefix}-restart-first.png`));
      starts.push(shown.at - again);
      console.log(`# restart ${n} on the demo workspace: window after ${windowAgain} ms; Overview drawn ${shown.at - again} ms after start (${shown.own} s by the app's own count)`);
      if (n === 1) {
        const restartShot = join(outDir, `${shotPrefix}-restart.png`);
        await settledShot(env, restartShot);
        const diff = await differingPixels(restartShot, overviewShot);
        assert.ok(diff < 1400 * 900 * 0.05, `the restarted window differs from the Overview in ${diff} pixels: the welcome screen came back?`);
      }
      await closeWindow(second, wid2, env);
      await second.stop();
    }
    const sorted = [...starts].sort((a, b) => a - b);
    console.log(`# the Overview on the demo workspace over ${starts.length} starts: fastest ${sorted[0]} ms, median ${sorted[1]} ms (bound ${firstScreenBound} ms)`);
    assert.ok(sorted[0] < firstScreenBound, `the Overview took ${starts.join(', ')} ms to draw on three starts (bound ${firstScreenBound} ms)`);
  } finally {
    await app.stop();
    await second?.stop();
    x.stop();
  }
});
