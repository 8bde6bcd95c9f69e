// Issue 13, item 6: every public and job-seeker page fits a 320 px screen (the narrowest
// phones, and 400% zoom on a 1280 px screen: WCAG 1.4.10) with no sideways scrolling, and axe
// finds no serious or critical problem, in Japanese and in English. The job-seeker pages are
// reached signed in as the second demo job seeker, with a booking and a seminar place to show
// (both cancelled again at the end).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page shown now fits 320 px and passes axe. */
async function fitsHere(page) {
  await checkA11y(page);
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= 320, `${page.url()}: scrollWidth ${scroll} > 320 (window ${width})`);
}

async function fits(page, path) {
  await page.goto(BASE + path);
  await fitsHere(page);
}

const PUBLIC = ['/', '/offices', '/offices?postal_code=650-0044', '/offices?postal_code=650', '/offices?prefecture=28',
  '/offices?prefecture=28&municipality=%E7%A5%9E%E6%88%B8%E5%B8%82%E4%B8%AD%E5%A4%AE%E5%8C%BA', '/offices/28011',
  '/offices/28011?from=2026-12-20', '/offices/28011/book', '/offices/28011/book?app=zoom', '/offices/13010/book',
  '/seminars', '/notices', '/privacy', '/terms/consultation', '/terms/seminar', '/terms/system', '/register',
  '/register/sent', '/register/verify?token=x', '/sign-in', '/sign-in?next=/book/1', '/lock?token=x', '/reset?token=x',
  '/connection-test', '/nowhere'];

for (const lang of ['ja', 'en']) {
  test(`320 px, ${lang}: every public page`, async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await page.goto(`${BASE}/?lang=${lang}`);
    for (const path of PUBLIC) await fits(page, path);
    await page.goto(BASE + '/seminars');
    const href = await page.locator('ul.seminars a').first().getAttribute('href');
    assert.ok(href, 'a seminar to show');
    await fits(page, href);
    await page.context().close();
  });

  test(`320 px, ${lang}: every job-seeker page`, async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await page.goto(`${BASE}/sign-in?lang=${lang}`);
    await page.fill('#user_id', 'demo.seeker2');
    await page.fill('#password', 'Sannomiya-Demo#2026');
    await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
    // Something to show: the next free time booked, and a place in the roomy seminar.
    await page.goto(`${BASE}/offices/28011/book`);
    const book = await page.locator('.next-free a').getAttribute('href');
    await fits(page, book);
    await page.fill('#topic', lang === 'ja' ? '面接の練習' : 'Interview practice');
    await Promise.all([page.waitForNavigation(), page.locator('form[action^="/book/"] button').click()]);
    await fitsHere(page);
    await fits(page, '/seminars');
    await page.goto(BASE + '/seminars');
    const roomy = await page.locator('ul.seminars a', { hasText: /応募書類の書き方セミナー|Writing application documents/ }).first().getAttribute('href');
    await fits(page, roomy);
    const register = page.locator(`form[action="${roomy}/register"] button`);
    if (await register.count()) {
      await Promise.all([page.waitForNavigation(), register.click()]);
      await fitsHere(page);
    }

    await fits(page, '/me');
    const prepare = await page.locator('section.next-up a[href$="/prepare"]').getAttribute('href');
    const cancel = await page.locator('section.next-up a[href$="/cancel"]').getAttribute('href');
    const place = await page.locator('a[href^="/seminar-registrations/"]').first().getAttribute('href');
    for (const path of ['/me/eligibility', '/me/password', '/me/delete', '/me/lock', prepare, place, roomy,
      '/offices/28011', '/offices?prefecture=13', '/offices/28011/book', '/offices/13010/request', cancel]) {
      await fits(page, path);
    }
    // Leave nothing behind: the booking and the place are cancelled through their pages.
    await Promise.all([page.waitForURL(/\/me$/), page.locator('main form button').click()]);
    await fitsHere(page);
    await fits(page, place);
    await Promise.all([page.waitForNavigation(), page.locator('main form button').click()]);
    await fitsHere(page);
    await page.context().close();
  });
}
