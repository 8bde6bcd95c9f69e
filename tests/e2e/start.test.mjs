// Issue 13, items 1, 2 and 6 in the browser: a job seeker starts at the top page, finds the
// demo office (by prefecture and municipality, or by postal code), opens its week, picks a
// time, signs in and comes back to that time, books, and cancels from My Page after a
// confirmation page. No URL is typed after the top page. In Japanese on a phone (390 px,
// touch) and in English by keyboard only (1280 px). Every target on the way is measured:
// at least 44×44 px. axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Every visible element of `locator` is at least 44×44 px. */
async function assertTargets(locator, what) {
  const n = await locator.count();
  assert.ok(n > 0, `${what}: none found`);
  for (let i = 0; i < n; i++) {
    const one = locator.nth(i);
    if (!(await one.isVisible())) continue;
    const box = await one.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44,
      `${what} #${i} is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px: ${await one.textContent()}`);
  }
}

async function noSidewaysScroll(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${page.url()}: scrollWidth ${scroll} > ${width}`);
}

/** Follows a link or button by tapping it; checks the page it leads to. */
async function tap(page, locator, url) {
  await Promise.all([page.waitForNavigation({ url }), locator.tap()]);
  await checkA11y(page);
  await noSidewaysScroll(page);
}

test('a phone, ja: top page → prefecture and municipality → week → time → sign in → back → book → cancel', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(`${BASE}/?lang=ja`);
  await checkA11y(page);
  await noSidewaysScroll(page);
  assert.match(await page.textContent('h1'), /ハローワークのオンライン窓口/);
  await assertTargets(page.locator('main .actions a.button'), 'the top page\'s two ways in');
  await tap(page, page.getByRole('link', { name: '相談を予約する' }), /\/offices$/);

  // Item 1: by prefecture, then municipality (no script: each choice is sent with 探す).
  await page.selectOption('#prefecture', { label: '兵庫県' });
  const placeForm = page.locator('form').filter({ has: page.locator('#prefecture') });
  await assertTargets(placeForm.locator('button'), 'the search button');
  await tap(page, placeForm.locator('button'), /prefecture=28/);
  await page.selectOption('#municipality', { label: '神戸市中央区' });
  await tap(page, placeForm.locator('button'), /municipality=/);
  assert.match(await page.textContent('#results'), /兵庫県 神戸市中央区 を担当するハローワーク/);
  const bookHere = page.getByRole('link', { name: /この窓口で相談を予約する/ });
  await assertTargets(bookHere, 'book here');
  await tap(page, bookHere, /\/offices\/28011\/book$/);

  // Item 2: one day at a time on a phone, with the week's days and next/previous buttons.
  assert.ok(await page.locator('nav.day-strip').isVisible(), 'the day strip shows on a phone');
  assert.equal(await page.locator('.week .day:visible').count(), 1, 'one day at a time');
  await assertTargets(page.locator('nav.day-strip a'), 'the day strip');
  await assertTargets(page.locator('a.next-free, .next-free a'), 'the next free time');
  const day = page.locator('.week .day.selected');
  await assertTargets(day.locator('a.slot'), 'the times');
  // Move one day on with the button (no swiping) until a day with free times shows.
  const firstDay = await day.getAttribute('aria-labelledby');
  await tap(page, page.locator('.day-step a', { hasText: '次の日' }), /day=/);
  assert.notEqual(await page.locator('.week .day.selected').getAttribute('aria-labelledby'), firstDay);
  for (let i = 0; i < 7 && !(await page.locator('.week .day.selected a.slot').count()); i++) {
    await tap(page, page.locator('.day-step a', { hasText: '次の日' }), /day=/);
  }
  const slot = page.locator('.week .day.selected a.slot').first();
  const name = (await slot.textContent()).replace(/\s+/g, ' ').trim();
  assert.match(name, /^\d{4}年\d{1,2}月\d{1,2}日（.）\s?\d\d:\d\d (Zoom|TeleOffice) · 残り\d+席$/, `the time's name: ${name}`);
  await tap(page, slot, /\/sign-in\?next=/);

  // Item 1: sign in, and come back to the time picked.
  assert.match(await page.textContent('main'), /ログインすると、選んでいたページに戻ります/);
  await page.fill('#user_id', 'demo.seeker');
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await assertTargets(page.locator('form[action="/sign-in"] button'), 'sign in');
  await tap(page, page.locator('form[action="/sign-in"] button'), /\/book\/\d+$/);
  assert.match(await page.textContent('main'), /灘公共職業安定所三宮分室/);
  await page.fill('#topic', '事務職への転職について相談したい');
  await assertTargets(page.locator('form[action^="/book/"] button'), 'book');
  await tap(page, page.locator('form[action^="/book/"] button'), /\/book\/\d+$/);
  assert.match(await page.textContent('h1'), /予約が確定しました/);

  // Item 6: My Page leads with it; cancelling takes a confirmation page.
  await tap(page, page.locator('nav.account').getByRole('link', { name: 'マイページ' }), /\/me$/);
  const next = page.locator('section.next-up');
  assert.match(await next.textContent(), /灘公共職業安定所三宮分室/);
  await assertTargets(next.locator('a.button'), 'the next consultation\'s actions');
  const cancelHref = await next.getByRole('link', { name: '取り消す' }).getAttribute('href');
  await tap(page, next.getByRole('link', { name: '取り消す' }), /\/cancel$/);
  await assertTargets(page.locator('main form button'), 'confirm');
  await tap(page, page.getByRole('button', { name: '取り消す' }), /\/me$/);
  // The booking is gone from what is coming (other tests' bookings of this person may stay).
  assert.equal(await page.locator(`main a[href="${cancelHref}"]`).count(), 0, 'cancelled');
  await page.context().close();
});

/** What has focus: tag, id, href, and its accessible text. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute('href') ?? '', cls: e.className,
      text: e.textContent.replace(/\s+/g, ' ').trim() };
  });
}

async function tabTo(page, pred, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

async function enter(page, url) {
  await Promise.all([page.waitForNavigation({ url }), page.keyboard.press('Enter')]);
  await checkA11y(page);
}

test('keyboard only, en: top page → postal code → week → time → sign in → back → book → cancel', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await page.goto(`${BASE}/?lang=en`);
  await checkA11y(page);
  await tabTo(page, (f) => f.id === 'postal_code', 'the postal code');
  await page.keyboard.type('650-0044');
  await enter(page, /postal_code=650-0044/);
  assert.match(await page.textContent('#results'), /Offices serving 650-0044 \(Hyogo 神戸市中央区\)/);
  await tabTo(page, (f) => f.href === '/offices/28011/book', 'book here');
  await enter(page, /\/offices\/28011\/book$/);

  // Item 2: days are columns on a desktop; the strip is for phones.
  assert.ok(!(await page.locator('nav.day-strip').isVisible()), 'no day strip on a desktop');
  assert.ok((await page.locator('.week .day:visible').count()) === 7, 'seven columns');
  await assertTargets(page.locator('.week a.slot'), 'the times');
  await assertTargets(page.locator('.week-nav a'), 'the week\'s previous and next');
  // The English filter: Zoom only (a select and a button, by keyboard).
  await tabTo(page, (f) => f.id === 'app', 'the app filter');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Show', 'the filter button');
  await enter(page, /app=/);
  const chosen = new URL(page.url()).searchParams.get('app');
  assert.ok(chosen, 'an app is chosen');
  const slot = await tabTo(page, (f) => f.cls === 'slot', 'a time');
  assert.match(slot.text, /^\w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d (Zoom|TeleOffice) · Seats left: \d+$/, slot.text);
  assert.ok(slot.text.includes(chosen === 'zoom' ? 'Zoom' : 'TeleOffice'), `${slot.text} is of the chosen app`);
  await enter(page, /\/sign-in\?next=/);

  await tabTo(page, (f) => f.id === 'user_id', 'the user ID');
  await page.keyboard.type('demo.seeker2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sannomiya-Demo#2026');
  await enter(page, new RegExp(`/book${slot.href.slice('/book'.length)}$`));
  await tabTo(page, (f) => f.id === 'topic', 'the topic');
  await page.keyboard.type('Changing to office work');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Book this consultation', 'book');
  await enter(page, /\/book\/\d+$/);
  assert.match(await page.textContent('h1'), /confirmed/i);

  await tabTo(page, (f) => f.href === '/me', 'My page in the header');
  await enter(page, /\/me$/);
  const cancel = await tabTo(page, (f) => /\/me\/reservations\/\d+\/cancel$/.test(f.href), 'cancel');
  assert.equal(cancel.text, 'Cancel');
  await enter(page, /\/cancel$/);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Cancel it', 'confirm');
  await enter(page, /\/me$/);
  // The booking is gone from what is coming (other tests' bookings of this person may stay).
  assert.equal(await page.locator(`main a[href="${cancel.href}"]`).count(), 0, 'cancelled');
  await page.context().close();
});
