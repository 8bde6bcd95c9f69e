// Statistics in the browser (rule PV-5): the demo national admin signs in with TOTP and
// opens the statistics page; each table is an SVG chart with a title and an HTML table with
// a caption, hidden counts show as "x" (秘匿) with an explanation, the CSV link downloads, and axe finds nothing serious.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, launch, newPage, signInStaff, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('statistics charts and tables for the national admin, ja and en', async () => {
  const page = await newPage(browser);
  await signInStaff(page, 'national_admin');
  await Promise.all([page.waitForURL(/\/staff\/stats/), page.getByRole('link', { name: '統計' }).click()]);
  await checkA11y(page);
  assert.equal(await page.locator('svg[role="img"]').count(), 6, 'one chart per table (four of consultations and seminars, two of interviews)');
  assert.equal(await page.locator('table caption').count(), 6, 'one captioned table per table');
  assert.match(await page.textContent('#cap-weekday_hour'), /曜日別/);
  assert.ok(await page.locator('td abbr[title]', { hasText: 'x' }).count() > 0, 'small counts are withheld as x');
  assert.doesNotMatch(await page.textContent('main'), /<5/, 'no <5 labels');
  // The demo's finished consultations at 28011 are counted.
  assert.match(await page.textContent('table:has(#cap-office_service)'), /灘公共職業安定所三宮分室/);

  // The period form works by keyboard and keeps the chosen dates.
  await page.fill('#from', '2026-01-01');
  await page.fill('#to', '2027-01-01');
  await page.locator('#to').press('Enter');
  await page.waitForURL(/from=2026-01-01&to=2027-01-01/);
  await checkA11y(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSVをダウンロードする' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^madoguchi-stats-2026-01-01-2027-01-01\.csv$/);

  await visit(page, '/staff/stats?lang=en');
  assert.match(await page.textContent('h1'), /Statistics/);
  assert.match(await page.textContent('main'), /By weekday and starting hour/);
  await page.setViewportSize({ width: 360, height: 740 });
  await checkA11y(page);
  await page.context().close();
});
