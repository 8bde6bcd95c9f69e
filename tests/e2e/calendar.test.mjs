// Rule TM-3, the office calendar: 60 days of open and closed days with the reason for each
// closed day, here the New Year (元日, 2027-01-01) and the year-end holidays (年末年始,
// 2026-12-29), in Japanese and in English (rule NO-5), and the paging links. `?from=` fixes
// the range so the test does not depend on today's date.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The cells of the calendar row for an ISO date: [date, status, reason or hours]. */
async function row(page, iso) {
  const tr = page.locator('table tbody tr', { has: page.locator(`time[datetime="${iso}"]`) });
  assert.equal(await tr.count(), 1, `one row for ${iso}`);
  return (await tr.locator('th, td').allTextContents()).map((s) => s.trim());
}

/** The first and last dates of the calendar table. */
async function range(page) {
  const dates = await page.locator('table tbody time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  return [dates[0], dates.at(-1), dates.length];
}

test('TM-3: 元日 and 年末年始 are closed days, in Japanese', async () => {
  const page = await newPage(browser);
  await visit(page, '/offices/28011?lang=ja&from=2026-12-20');
  assert.deepEqual(await range(page), ['2026-12-20', '2027-02-17', 60]);
  const newYear = await row(page, '2027-01-01');
  assert.equal(newYear[0], '2027年1月1日（金）');
  assert.deepEqual(newYear.slice(1), ['閉庁', '元日']);
  assert.deepEqual((await row(page, '2026-12-29')).slice(1), ['閉庁', '年末年始']);
  assert.equal((await row(page, '2026-12-28'))[1], '開庁', 'the last working day of the year is open');
  await page.context().close();
});

test('TM-3: New Year\'s Day and the year-end holidays, in English', async () => {
  const page = await newPage(browser);
  await visit(page, '/offices/28011?lang=en&from=2026-12-20');
  const newYear = await row(page, '2027-01-01');
  assert.equal(newYear[0], 'Fri, 1 Jan 2027');
  assert.deepEqual(newYear.slice(1), ['Closed', "New Year's Day"]);
  assert.deepEqual((await row(page, '2026-12-29')).slice(1), ['Closed', 'Year-end holidays']);
  await page.context().close();
});

test('TM-3: the calendar pages forward and back by 60 days', async () => {
  const page = await newPage(browser);
  await visit(page, '/offices/28011?lang=ja&from=2026-12-20');
  await Promise.all([page.waitForURL(/from=2027-02-18/), page.click('nav.pager a >> nth=1')]);
  assert.deepEqual(await range(page), ['2027-02-18', '2027-04-18', 60]);
  assert.equal(new URL(page.url()).hash, '#calendar');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await Promise.all([page.waitForURL(/from=2026-12-20/), page.click('nav.pager a >> nth=0')]);
  assert.deepEqual(await range(page), ['2026-12-20', '2027-02-17', 60]);
  await Promise.all([page.waitForURL(/from=2026-10-21/), page.click('nav.pager a >> nth=0')]);
  assert.deepEqual(await range(page), ['2026-10-21', '2026-12-19', 60]);
  await page.context().close();
});
