// Shared harness of the end-to-end tests: a private X display, the real Qunzhu
// binaries on a temporary workspace, Debian's chromium, and the CLI to check
// what landed in the database.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import net from 'node:net';

const run = promisify(execFile);
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = process.env.QUNZHU_OUT || join(root, 'test-output');
mkdirSync(outDir, { recursive: true });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** freePort asks the kernel for an unused loopback port. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** startXvfb starts a private X server and returns its DISPLAY and a stop function. */
export async function startXvfb(size = '1400x900x24') {
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = spawn('Xvfb', [`:${n}`, '-screen', '0', size, '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      if (existsSync(`/tmp/.X11-unix/X${n}`)) {
        return { display: `:${n}`, stop: () => proc.kill('SIGTERM') };
      }
      if (proc.exitCode !== null) break;
    }
    proc.kill('SIGKILL');
  }
  throw new Error('could not start Xvfb');
}

/** tempWorkspace returns a fresh database path in a new temporary folder. */
export function tempWorkspace() {
  return join(mkdtempSync(join(tmpdir(), 'qunzhu-e2e-')), 'qunzhu.db');
}

/** startApp runs a Qunzhu binary on db with a display; resolves once started. */
export function startApp(binary, args, { db, display, lang }) {
  const env = { ...process.env, QUNZHU_DB: db, DISPLAY: display, LANG: lang || 'zh_CN.UTF-8', NO_AT_BRIDGE: '1' };
  delete env.WAYLAND_DISPLAY;
  const proc = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const lines = []; // each whole line printed, with when it arrived
  let partial = '';
  const waiting = new Set();
  const take = (d) => {
    const at = Date.now();
    log += d;
    const parts = (partial + d).split('\n');
    partial = parts.pop();
    for (const text of parts) lines.push({ at, text });
    for (const w of waiting) w();
  };
  proc.stdout.on('data', take);
  proc.stderr.on('data', take);
  return {
    proc,
    log: () => log,
    /**
     * waitLine resolves with the first whole line the app printed matching
     * re: { at, match }, where at is when the line arrived (ms since the
     * epoch), whether before or after the call. Nothing polls meanwhile.
     */
    waitLine(re, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(check);
          proc.off('exit', check);
        };
        const check = () => {
          for (const l of lines) {
            const match = re.exec(l.text);
            if (match) {
              done();
              return resolve({ at: l.at, match });
            }
          }
          if (proc.exitCode !== null) {
            done();
            reject(new Error(`the app exited before printing ${re}:\n${log}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`the app did not print ${re} within ${timeoutMs} ms:\n${log}`));
        }, timeoutMs);
        waiting.add(check);
        proc.on('exit', check);
        check();
      });
    },
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      for (let i = 0; i < 50 && proc.exitCode === null; i++) await sleep(100);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** waitHTTP polls url until it answers 200. */
export async function waitHTTP(url, app, timeoutMs = 60000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (app && app.proc.exitCode !== null) throw new Error(`app exited early:\n${app.log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${app ? app.log() : ''}`);
}

/** cli runs a Qunzhu binary as the command line and parses its --json output. */
export async function cliJSON(binary, db, ...args) {
  const { stdout } = await run(binary, ['--db', db, '--json', ...args], { env: { ...process.env, DISPLAY: '' } });
  return JSON.parse(stdout);
}

/** launchChromium starts Debian's chromium headless; playwright gives every
 * launch a fresh temporary profile (it refuses --user-data-dir in args). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
}

/** imageStats returns the number of distinct colours and the standard deviation of a PNG. */
export async function imageStats(png) {
  const { stdout } = await run('convert', [png, '-format', '%k %[fx:standard_deviation]', 'info:']);
  const [colours, sd] = stdout.trim().split(/\s+/).map(Number);
  return { colours, sd };
}

export { run };

/** devBinary is the app built in Wails dev mode (make build-dev). */
export const devBinary = join(root, 'build/bin/qunzhu-dev');

/**
 * demoWorkspace fills a workspace with the demo through the CLI (`qunzhu
 * demo`), as the welcome screen's "open the demo workspace" does in the app.
 */
export const demoWorkspace = (db) => cliJSON(devBinary, db, 'demo');

/** freshWorkspace leaves a workspace new: the app opens on the welcome screen. */
export const freshWorkspace = async () => {};

/**
 * startDevSession starts a private X display, the dev binary serving the UI
 * and its bound Go methods on loopback over a workspace prepared by
 * setup(db) (CLI commands; by default the demo workspace), and chromium.
 */
export async function startDevSession(setup = demoWorkspace) {
  const x = await startXvfb();
  const db = tempWorkspace();
  let app;
  try {
    if (setup) await setup(db);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    app = startApp(devBinary, ['-assetdir', join(root, 'frontend/dist'), '-devserver', `127.0.0.1:${port}`], { db, display: x.display });
    await waitHTTP(url, app);
    const browser = await launchChromium();
    return {
      db, url, browser,
      async stop() {
        await browser.close();
        await app.stop();
        x.stop();
      },
    };
  } catch (e) {
    await app?.stop();
    x.stop();
    throw e;
  }
}

/** openPage opens the app in a new page once the bound service is reachable; errors collects page errors. */
export async function openPage(session, { viewport = { width: 1280, height: 800 }, service = 'GroupService' } = {}) {
  const page = await session.browser.newPage({ viewport, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => {
    // Wails' dev-mode IPC in a browser (ipc_websocket.js) hands an event from
    // Go (the automatic backup's backups:changed, 10 s after the start) to
    // window.wails before runtime.js has defined it when the event arrives while
    // the page is still loading. The desktop window injects the runtime first;
    // this is the test harness's race, not the app's.
    if (/reading 'EventsNotify'/.test(String(e))) return;
    errors.push(String(e));
  });
  await page.goto(session.url);
  await page.waitForFunction((s) => window.go && window.go.app && window.go.app[s], service, { timeout: 30000 });
  return { page, errors };
}

// talkNow has a member of the group say something now, through a typed chat
// import: the checks count only in a week with messages (a silent week has
// no score), and early on a Monday the demo's week has none yet.
export const talkNow = (db, group) => talkAt(db, group, new Date());

// talkAt has a member of the group say something at the instant `at` (a
// Date), written in the group's wall-clock time.
export async function talkAt(db, group, at) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: group.time_zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const members = await cliJSON(devBinary, db, 'members', '--group', String(group.id));
  const who = members.find((m) => m.present && m.tier === 'normal');
  const file = join(outDir, `now-${group.id}-${Date.now()}.csv`);
  writeFileSync(file, `时间,发送人,内容\n${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}:${parts.second},${who.name},早上好，今天的分享几点开始？\n`);
  await cliJSON(devBinary, db, 'import', 'chat', '--group', String(group.id), file);
}
