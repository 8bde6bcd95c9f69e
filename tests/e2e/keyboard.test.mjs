// Keyboard only, no mouse (WCAG 2.1.1, 2.4.1, 2.4.7): the skip link comes first and moves
// focus to the main content; the language switch (rule NO-5), the office finder and an office
// link are reached with Tab and followed with Enter; a registration form is filled and sent
// by keyboard.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What has focus: tag, id, class, href, hreflang. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, href: e.getAttribute('href'),
      hreflang: e.getAttribute('hreflang') };
  });
}

/** Presses Tab until `pred(focused)` holds; fails after `max` presses. */
async function tabTo(page, pred, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('keyboard only: skip link, English switch, an office', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');

  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'a', id: '', cls: 'skip', href: '#main', hreflang: null },
    'the first Tab focuses the skip link');
  assert.ok(await page.locator('a.skip').isVisible(), 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main', 'Enter on the skip link moves focus to main');
  assert.equal((await focused(page)).tag, 'main');

  // From the top again: Tab through the header to the English switch, Enter follows it.
  await page.goto(BASE + '/');
  await tabTo(page, (f) => f.hreflang === 'en', 'the English switch', 15);
  await Promise.all([page.waitForURL(/[?&]lang=en/), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  // On the English page: skip to main, Tab to "Book a consultation", Enter opens the office
  // finder (issue 13); type a postal code, Enter searches, Tab to the office found.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).cls, 'skip');
  await page.keyboard.press('Enter');
  await tabTo(page, (f) => f.href === '/offices', 'the booking button');
  await Promise.all([page.waitForURL((u) => u.pathname === '/offices'), page.keyboard.press('Enter')]);
  await tabTo(page, (f) => f.id === 'postal_code', 'the postal code');
  await page.keyboard.type('650-0044');
  await Promise.all([page.waitForURL(/postal_code=650-0044/), page.keyboard.press('Enter')]);
  const office = await tabTo(page, (f) => /^\/offices\/\d{5}$/.test(f.href ?? ''), 'an office link');
  await Promise.all([page.waitForURL((u) => u.pathname === office.href), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'still English (cookie)');
  assert.ok((await page.textContent('h1')).includes('Public Employment Security Office'));
  await page.context().close();
});

test('keyboard only: a registration form filled and sent', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/register?lang=ja');
  // Tab to each field, type, Space for the checkbox, Enter to send.
  const values = { user_id: 'e2e.keyboard', password: 'Kobe-Sannomiya#2026', name: '鍵盤 太郎', name_kana: 'ケンバン タロウ',
    address: '神戸市中央区', email: 'keyboard@example.jp', phone: '078-231-8609' };
  const typed = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const { id } = await focused(page);
    if (values[id]) {
      await page.keyboard.type(values[id]);
      typed.push(id);
    }
    if (id === 'accept_terms') {
      await page.keyboard.press('Space');
      break;
    }
  }
  assert.deepEqual(typed.sort(), Object.keys(values).sort(), 'every field reached by Tab');
  assert.ok(await page.isChecked('#accept_terms'));
  await Promise.all([page.waitForURL(/\/register\/sent$/), page.keyboard.press('Enter')]);
  await checkA11y(page);
  await page.context().close();
});
