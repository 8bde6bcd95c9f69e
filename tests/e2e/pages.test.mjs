// The public pages: both languages (rule NO-5), the office calendar (rule TM-3), a phone
// viewport without sideways scrolling, keyboard-only use, and axe on each page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('top page in Japanese, then English through the switch, kept by the cookie', async () => {
  const page = await newPage(browser);
  await visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  for (const name of ['灘公共職業安定所三宮分室', '飯田橋公共職業安定所', '大阪東公共職業安定所', '札幌公共職業安定所']) {
    assert.ok((await page.textContent('main')).includes(name), name);
  }
  await page.click('nav.lang a[hreflang=en]');
  await checkA11y(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await visit(page, '/offices/28011');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice persists');
  assert.ok((await page.textContent('h1')).includes('Sannomiya'));
  await page.context().close();
});

test('office calendar: 元日 and 年末年始 are closed (rule TM-3)', async () => {
  const page = await newPage(browser);
  await visit(page, '/offices/28011?lang=ja&from=2026-12-20');
  const row = async (iso) => page.locator('tr', { has: page.locator(`time[datetime="${iso}"]`) }).textContent();
  assert.match(await row('2027-01-01'), /閉庁[\s\S]*元日/);
  assert.match(await row('2026-12-29'), /閉庁[\s\S]*年末年始/);
  await page.click('.pager a >> nth=1');
  await checkA11y(page);
  assert.ok(page.url().includes('from=2027-02-18'), page.url());
  await visit(page, '/offices/28011?lang=en&from=2026-12-20');
  assert.match(await row('2027-01-01'), /Closed[\s\S]*New Year/);
  assert.match(await row('2026-12-29'), /Year-end holidays/);
  await visit(page, '/nowhere');
  await page.context().close();
});

test('a phone: no sideways scrolling', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  for (const path of ['/?lang=ja', '/offices/28011', '/register', '/sign-in', '/?lang=en', '/register']) {
    await visit(page, path);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= width, `${path}: ${scroll} > ${width}`);
  }
  await page.context().close();
});

test('keyboard only: skip link, language switch, an office, and registration', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/?lang=ja');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Tab until the first office link, then open it with Enter.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (href && href.startsWith('/offices/')) break;
  }
  await Promise.all([page.waitForURL(/\/offices\/\d{5}$/), page.keyboard.press('Enter')]);

  // Registration by keyboard alone: Tab to each field, type, Space for the checkbox, Enter to send.
  await page.goto(BASE + '/register');
  const values = { user_id: 'e2e.keyboard', password: 'Kobe-Sannomiya#2026', name: '鍵盤 太郎', name_kana: 'ケンバン タロウ',
    address: '神戸市中央区', email: 'keyboard@example.jp', phone: '078-231-8609' };
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.id);
    if (values[id]) await page.keyboard.type(values[id]);
    if (id === 'accept_terms') {
      await page.keyboard.press('Space');
      break;
    }
  }
  await Promise.all([page.waitForURL(/\/register\/sent$/), page.keyboard.press('Enter')]);
  await checkA11y(page);
  await page.context().close();
});
