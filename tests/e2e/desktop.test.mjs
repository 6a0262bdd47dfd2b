// Desktop smoke test: the real production binary opens a real window under
// Xvfb on a temporary workspace; the screenshot must show a rendered UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { root, outDir, sleep, startXvfb, tempWorkspace, startApp, run, imageStats } from './lib.mjs';

const binary = join(root, 'build/bin/qunzhu');

test('the desktop window opens, renders the app and closes', async () => {
  assert.ok(existsSync(binary), `build the app first (make build): ${binary}`);
  const x = await startXvfb('1400x900x24');
  const db = tempWorkspace();
  const app = startApp(binary, [], { db, display: x.display });
  const env = { ...process.env, DISPLAY: x.display };
  try {
    // xdotool's regex matching of non-ASCII titles depends on the C library's
    // locale; find the window by its ASCII part, then read the whole title.
    let wid = '';
    for (let i = 0; i < 120 && !wid; i++) {
      await sleep(500);
      assert.equal(app.proc.exitCode, null, `the app exited early:\n${app.log()}`);
      try {
        const ids = (await run('xdotool', ['search', '--onlyvisible', '--name', 'Qunzhu'], { env })).stdout.trim().split('\n');
        for (const id of ids) {
          const title = (await run('xdotool', ['getwindowname', id], { env })).stdout.trim();
          if (title === '群主工作台 Qunzhu') wid = id;
        }
      } catch {}
    }
    assert.ok(wid, `no visible window titled 群主工作台 Qunzhu appeared:\n${app.log()}`);

    // Give the webview time to load the demo workspace and draw it.
    // Wait until the screen shows content and has stopped changing (the
    // Overview computes every demo group's week, behind a spinner at first).
    let stats = { colours: 0, sd: 0 };
    let previous = '';
    const shot = join(outDir, 'desktop-window.png');
    for (let i = 0; i < 40; i++) {
      await sleep(1000);
      await run('import', ['-window', 'root', shot], { env });
      stats = await imageStats(shot);
      const sum = (await run('sha256sum', [shot])).stdout.split(' ')[0];
      if (stats.colours > 200 && stats.sd > 0.05 && sum === previous) break;
      previous = sum;
    }
    assert.ok(stats.colours > 200, `the window looks blank: ${stats.colours} colours`);
    assert.ok(stats.sd > 0.05, `the window looks blank: standard deviation ${stats.sd}`);
    assert.ok(existsSync(db), 'the app did not create its workspace');
    assert.ok(existsSync(db + '.key'), 'the app did not create the key file beside the workspace');

    await run('xdotool', ['windowclose', wid], { env }).catch(() => {});
    for (let i = 0; i < 50 && app.proc.exitCode === null; i++) await sleep(100);
  } finally {
    await app.stop();
    x.stop();
  }
});
