// First run in a real browser against the real Go services: a new workspace
// opens on the welcome screen, which says where the data lives; "open the
// demo workspace" fills it, "start empty" creates a first group and opens
// the import wizard on it. Also the About dialog (F1) and Ctrl+N shortcuts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { outDir, cliJSON, devBinary, startDevSession, freshWorkspace, openPage } from './lib.mjs';

test('a new workspace opens on the welcome screen; the demo choice fills it and shows the Overview', async () => {
  const session = await startDevSession(freshWorkspace);
  try {
    const { page, errors } = await openPage(session, { service: 'SystemService' });
    await page.getByTestId('welcome').waitFor({ timeout: 30000 });
    // No rail yet, and the real data path with the promise that it stays here.
    assert.equal(await page.getByTestId('nav-overview').count(), 0);
    assert.equal(await page.getByTestId('welcome-data-path').innerText(), session.db);
    await page.getByText('所有数据只保存在这台电脑上').waitFor();
    assert.deepEqual(await cliJSON(devBinary, session.db, 'group', 'list'), [], 'the welcome screen must not fill the workspace by itself');
    await page.screenshot({ path: join(outDir, 'welcome.png'), fullPage: true });

    // The theme follows the system: the same screen with a dark system setting.
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    // (Naive UI fades the body's colour, so wait for the end of the fade.)
    const dark = () => page.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return r + g + b < 150;
    }, null, { timeout: 5000 });
    await dark().catch(async () => assert.fail(`the dark theme's background is not dark: ${await background()} (light: ${light})`));
    await page.waitForTimeout(800); // the cards' own colour transitions
    await page.screenshot({ path: join(outDir, 'welcome-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // Shortcuts wait for the answer: Ctrl+2 does nothing here.
    await page.keyboard.press('Control+2');
    await page.getByTestId('welcome').waitFor();

    await page.getByTestId('welcome-demo').click();
    await page.getByTestId('overview-card').first().waitFor({ timeout: 60000 });
    assert.equal((await cliJSON(devBinary, session.db, 'group', 'list')).length, 3);
    await page.screenshot({ path: join(outDir, 'welcome-demo-overview.png'), fullPage: true });

    // Answered once: a reload goes to the Overview, not back to the welcome.
    await page.goto(session.url + '#/welcome');
    await page.getByTestId('overview-card').first().waitFor({ timeout: 30000 });

    // Ctrl+2 is the second screen of the rail (Groups); F1 opens About.
    await page.keyboard.press('Control+2');
    await page.getByTestId('group-table').waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('about-version').waitFor();
    assert.notEqual((await page.getByTestId('about-version').innerText()).trim(), '');
    assert.equal(await page.getByTestId('about-data-path').innerText(), session.db);
    await page.screenshot({ path: join(outDir, 'about.png') });
    assert.deepEqual(errors, []);
  } finally {
    await session.stop();
  }
});

test('starting empty creates the first group and opens the import wizard on it', async () => {
  const session = await startDevSession(freshWorkspace);
  try {
    const { page, errors } = await openPage(session, { service: 'SystemService' });
    await page.getByTestId('welcome').waitFor({ timeout: 30000 });
    await page.getByTestId('welcome-empty').click();
    await page.getByTestId('welcome-name-missing').waitFor();
    await page.getByTestId('welcome-group-name').locator('input').fill('考研英语 1 群');
    await page.getByTestId('welcome-empty').click();
    await page.getByTestId('import-path').waitFor({ timeout: 30000 });
    // The wizard stands on the new group, ready for its member list.
    await page.getByTestId('import-group').getByText('考研英语 1 群').waitFor();
    const groups = await cliJSON(devBinary, session.db, 'group', 'list');
    assert.deepEqual(groups.map((g) => g.name), ['考研英语 1 群']);
    await page.screenshot({ path: join(outDir, 'welcome-empty-import.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await session.stop();
  }
});
