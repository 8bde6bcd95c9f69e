// Issue 13 in the browser. Rules BK-17, NO-1, NO-4: the demo job seeker books, downloads the
// calendar file from the confirmation page, moves the consultation to another time from My
// Page and sees the "changed" mail (same UID, SEQUENCE 1) in the development mailbox; in
// Japanese on a desktop. Rule AC-8: the forgotten-password walk from the sign-in page
// through the mailed link to signing in with the new password; in English on a phone.
// axe runs on every page. SCREENSHOTS=dir saves the new pages at 390 and 1280 px.
import { readFileSync } from 'node:fs';
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage, visit } from './lib.mjs';

const SEEKER = { id: 'demo.seeker', password: 'Sannomiya-Demo#2026', mail: 'demo.seeker@example.jp' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page as a phone and a desktop show it, when SCREENSHOTS names a folder. */
async function screenshots(page, name) {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

/** Shots of a GET page in both languages (the page's own language cookie is restored). */
async function bothLanguages(page, path, name, back) {
  if (!process.env.SCREENSHOTS) return;
  for (const lang of ['en', 'ja']) {
    await page.goto(`${BASE}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await checkA11y(page);
    await screenshots(page, `${name}-${lang}`);
  }
  await page.goto(`${BASE}/?lang=${back}`);
}

async function submit(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
  await checkA11y(page);
}

async function signIn(page, userId, password) {
  await visit(page, '/sign-in');
  await page.fill('#user_id', userId);
  await page.fill('#password', password);
  await submit(page, page.locator('form[action="/sign-in"] button[type=submit]'));
}

/** Opens the newest mail to `to` whose subject has `subject`, waiting for the mailer. */
async function openMail(page, to, subject) {
  const row = page.locator('table tbody tr', { hasText: to }).filter({ hasText: subject }).first();
  await page.goto(`${BASE}/dev/mail`);
  for (let i = 0; i < 40 && !(await row.count()); i++) {
    await page.waitForTimeout(500);
    await page.goto(`${BASE}/dev/mail`);
  }
  await checkA11y(page);
  await submit(page, row.locator('a'));
}

test('book, add to calendar, move to another time from My Page, ja', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, SEEKER.id, SEEKER.password);
  await visit(page, '/?lang=ja');

  // Book the latest free time the rules allow (earlier ones may be someone's test data).
  await visit(page, '/offices/28011/book');
  const slots = await page.locator('.week a.slot').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(slots.length > 1, 'free times to book and to move to');
  let booked = false;
  for (const href of slots.reverse()) {
    await visit(page, href);
    await page.fill('#topic', '面接の準備について相談したい');
    await submit(page, page.locator('main form[action^="/book/"] button[type=submit]'));
    if ((await page.textContent('h1')).includes('予約が確定しました')) { booked = true; break; }
  }
  assert.ok(booked, 'a consultation was booked');
  // The confirmation: what, when (JST, weekday), where, how details come, how to prepare.
  const facts = await page.textContent('dl.facts');
  assert.match(facts, /オンライン職業相談（30分）/);
  assert.match(facts, /\d{4}年\d{1,2}月\d{1,2}日（[月火水木金土日]） \d\d:\d\d～\d\d:\d\d/);
  assert.match(facts, /灘公共職業安定所三宮分室/);
  assert.match(await page.textContent('main'), /前日までにマイページに掲載/);
  assert.ok(await page.locator('a[href="/connection-test"]').count());
  assert.ok(await page.locator('a[href$="/prepare"]').count());
  assert.ok(await page.locator('main a[href="/me"]').count());
  await screenshots(page, 'reservation-booked-ja');
  const calendar = page.getByRole('link', { name: 'カレンダーに追加（.ics ファイル）' });
  const id = (await calendar.getAttribute('href')).match(/reservations\/(\d+)\/calendar/)[1];

  // NO-4: the calendar file from the confirmation page.
  const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
  assert.equal(download.suggestedFilename(), `consultation-${id}.ics`);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /PRODID:-\/\/Madoguchi\/\//);
  assert.match(ics, /SEQUENCE:0\r\n/);
  assert.equal(ics.match(/BEGIN:VALARM/g).length, 2);
  const uid = ics.match(/UID:(\S+)\r\n/)[1];
  await bothLanguages(page, `/me/reservations/${id}`, 'reservation', 'ja');

  // BK-17: My Page → change → pick a time → confirm.
  await visit(page, '/me');
  await submit(page, page.locator(`a[href="/me/reservations/${id}/change"]`).first());
  assert.match(await page.textContent('h1'), /予約の日時を変更する/);
  await screenshots(page, 'change-list-ja');
  await bothLanguages(page, `/me/reservations/${id}/change`, 'change-list', 'ja');
  await visit(page, `/me/reservations/${id}/change`);
  await submit(page, page.locator('ul.slots a').last());
  assert.match(await page.textContent('h1'), /この日時に変更しますか/);
  await screenshots(page, 'change-confirm-ja');
  await submit(page, page.getByRole('button', { name: 'この日時に変更する' }));
  assert.match(await page.textContent('h1'), /予約の日時を変更しました/);
  assert.match(await page.textContent('[role=status]'), /新しい日時に変更しました/);
  assert.ok(await page.locator('dl.facts s').count(), 'the earlier time, struck through');
  await screenshots(page, 'reservation-moved-ja');

  // NO-1, NO-4: the changed mail carries the same UID with SEQUENCE 1.
  await openMail(page, SEEKER.mail, '職業相談の日時を変更しました');
  const attachment = await page.textContent('section.attachment pre');
  assert.match(attachment, /METHOD:PUBLISH/);
  assert.match(attachment, /SEQUENCE:1/);
  assert.ok(attachment.includes(`UID:${uid}`), 'the same UID');

  // Leave the demo as it was: cancel it from its page.
  await visit(page, `/me/reservations/${id}`);
  await submit(page, page.getByRole('button', { name: '取り消す' }));
  // Coming and past bookings are separate lists now (issue 13): the cancelled one is past.
  assert.match((await page.locator('ul.reservations').allTextContents()).join('\n'), /取消（ご本人）/);
  await page.context().close();
});

test('forgot password: sign-in page, mailed link, new password, en, phone', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const NEW = 'Motomachi-Walk#2027';
  await visit(page, '/sign-in?lang=en');
  await submit(page, page.getByRole('link', { name: 'Forgot your password?' }).first());
  assert.match(await page.textContent('h1'), /Forgot your password\?/);
  await screenshots(page, 'forgot-en');
  await bothLanguages(page, '/password-reset', 'forgot', 'en');
  await visit(page, '/password-reset');
  await page.fill('#user_id', SEEKER.id);
  await submit(page, page.locator('form[action="/password-reset"] button[type=submit]'));
  assert.match(await page.textContent('h1'), /Please check your mail/);
  await screenshots(page, 'forgot-sent-en');

  await openMail(page, SEEKER.mail, 'パスワード再設定のご案内');
  const href = await page.locator('a[href*="/reset?token="]').first().getAttribute('href');
  assert.ok(href, 'a reset link in the mail');
  await page.goto(href);
  await checkA11y(page);
  await screenshots(page, 'reset-form-en');
  try {
    await page.fill('#password', NEW);
    await submit(page, page.locator('form[action="/reset"] button[type=submit]'));
    assert.match(await page.textContent('h1'), /Your password is set/);
    await submit(page, page.getByRole('link', { name: 'Sign in' }).last());
    await page.fill('#user_id', SEEKER.id);
    await page.fill('#password', NEW);
    await submit(page, page.locator('form[action="/sign-in"] button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/me', 'signed in with the new password');
  } finally {
    // Give the demo job seeker the password the other browser tests sign in with (AC-7).
    await visit(page, '/me/password');
    await page.fill('#current_password', NEW);
    await page.fill('#new_password', SEEKER.password);
    await submit(page, page.locator('form[action="/me/password"] button[type=submit]'));
  }
  await signIn(page, SEEKER.id, SEEKER.password);
  assert.equal(new URL(page.url()).pathname, '/me', 'the demo password is back');
  await page.context().close();
});
