// Rule NO-5, two languages: every page is Japanese by default and English through the
// switch on every page (or `?lang=en`); the choice is kept in a cookie, so later pages
// without `?lang` stay in the chosen language. Also the 404 page in each language.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The offices `serve --demo` seeds: code, Japanese name, English name.
const OFFICES = [
  ['28011', '灘公共職業安定所三宮分室', 'Nada Public Employment Security Office, Sannomiya Branch'],
  ['13010', '飯田橋公共職業安定所', 'Iidabashi Public Employment Security Office'],
  ['27020', '大阪東公共職業安定所', 'Osaka-Higashi Public Employment Security Office'],
  ['01010', '札幌公共職業安定所', 'Sapporo Public Employment Security Office'],
];

/** The office names the office finder links to, by code, over the demo's prefectures. */
async function officeLinks(page) {
  const links = [];
  for (const pref of ['28', '13', '27', '01']) {
    await visit(page, `/offices?prefecture=${pref}`);
    links.push(...await page.locator('ul.offices h3 a').evaluateAll((as) =>
      as.map((a) => [a.getAttribute('href'), a.textContent.trim()])));
  }
  return Object.fromEntries(links);
}

test('NO-5: top page in Japanese, switch to English, the choice persists by cookie', async () => {
  const page = await newPage(browser);
  await visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja', 'Japanese by default');
  // The switch: the current language is not a link, the other one is.
  assert.equal(await page.locator('nav.lang [aria-current="true"]').getAttribute('lang'), 'ja');
  assert.deepEqual(await officeLinks(page), Object.fromEntries(OFFICES.map(([c, ja]) => [`/offices/${c}`, ja])));

  await visit(page, '/');
  await Promise.all([page.waitForURL(/[?&]lang=en/), page.click('nav.lang a[hreflang=en]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('nav.lang [aria-current="true"]').getAttribute('lang'), 'en');
  assert.deepEqual(await officeLinks(page), Object.fromEntries(OFFICES.map(([c, , en]) => [`/offices/${c}`, en])));

  // No `?lang` from here on: the cookie the switch left decides.
  await visit(page, '/offices/28011');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice persists on an office page');
  assert.equal((await page.textContent('h1')).trim(), OFFICES[0][2]);
  await visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'and on the top page');

  // And back to Japanese through the switch on the office page.
  await visit(page, '/offices/13010');
  await Promise.all([page.waitForURL(/[?&]lang=ja/), page.click('nav.lang a[hreflang=ja]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.equal((await page.textContent('h1')).trim(), OFFICES[1][1]);
  assert.match(page.url(), /\/offices\/13010\?lang=ja$/, 'the switch keeps the page');
  await visit(page, '/offices/13010');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.context().close();
});

test('NO-5: the 404 page speaks the visitor\'s language', async () => {
  const page = await newPage(browser);
  let response = await visit(page, '/nowhere');
  assert.equal(response.status(), 404);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.equal((await page.textContent('h1')).trim(), 'ページが見つかりません');
  response = await visit(page, '/nowhere?lang=en');
  assert.equal(response.status(), 404);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal((await page.textContent('h1')).trim(), 'Page not found');
  await page.context().close();
});

// Issue 16, item 3: with no choice made, the browser's Accept-Language decides (en-US → en);
// a choice made by the switch or ?lang= comes first.
test('issue 16: Accept-Language picks the page language when nothing was chosen', async () => {
  const page = await newPage(browser, { locale: 'en-US' });
  await visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await visit(page, '/?lang=ja');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await visit(page, '/offices');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja', 'the cookie the switch left comes first');
  await page.context().close();
});

// Issue 16, items 3 and 7: a signed-in job seeker's switch sets the account's language (which
// their mail follows) with a button per language, each in its own name, and keeps the page.
test('issue 16: a job seeker switches language for pages and mail', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 800 } });
  await visit(page, '/sign-in');
  await page.fill('#user_id', 'demo.seeker2');
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
  const names = await page.locator('nav.lang [lang]').evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.textContent.trim()]));
  assert.deepEqual(names.slice(0, 2), [['ja', '日本語'], ['en', 'English']]);
  await visit(page, '/seminars');
  await Promise.all([page.waitForURL(/\/seminars$/), page.locator('nav.lang button[value="en"]').click()]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.context().clearCookies({ name: 'lang' });
  await visit(page, '/me');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the account keeps the choice');
  // Back to Japanese for the other tests that use this account.
  await page.locator('nav.lang button[value="ja"]').focus();
  // The URL stays /me, so wait for the new page itself, not for the address.
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.context().close();
});
