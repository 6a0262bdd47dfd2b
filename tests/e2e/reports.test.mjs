// The Reports screen (周报) in a real browser against the real Go services on
// the demo workspace: the weekly report previews in its sandboxed frame with
// every group and every chart drawn.
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

test('the weekly report previews every demo group, with its charts in the appendix', async () => {
  const { page, errors } = await openPage(session, { service: 'ReportService', viewport: { width: 1280, height: 1000 } });
  await page.getByTestId('nav-reports').click();
  await page.getByText('周报', { exact: true }).first().waitFor({ timeout: 30000 });
  const preview = page.getByTestId('report-preview');
  await preview.waitFor({ timeout: 30000 });
  assert.equal(await preview.getAttribute('sandbox'), 'allow-scripts allow-modals');
  const frame = page.frameLocator('[data-testid="report-preview"]');
  const groups = await cliJSON(devBinary, db, 'group', 'list');
  // Without the appendix: a cover and a page per group, no chart.
  await frame.locator('html[data-charts="0"]').waitFor({ timeout: 30000 });
  for (const g of groups) {
    await frame.locator('h2', { hasText: g.name }).first().waitFor();
  }
  assert.equal(await frame.locator('section.page.group').count(), groups.length);
  await page.screenshot({ path: join(outDir, 'reports-preview.png') });
  // The 附录 switch adds four charts per group, drawn by the echarts inlined in the report.
  await page.getByTestId('report-appendix').click();
  await frame.locator(`html[data-charts="${4 * groups.length}"]`).waitFor({ timeout: 30000 });
  assert.ok((await frame.locator('.chart svg').count()) >= 4 * groups.length, 'charts not drawn in the preview');
  await page.screenshot({ path: join(outDir, 'reports-preview-appendix.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
