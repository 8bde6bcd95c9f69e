// The day of a consultation on the server with the test clock (rules BK-8, BK-9, BK-11,
// BK-12, BK-16). First, on a 390 px phone by keyboard alone, in Japanese and English: from
// the console home to the day page, the meeting details (a refused http:// URL keeps what was
// typed), joined and attended. Then the counsellor books the next consultation on the spot;
// the user misses it and one more, the no-show sweep records both, and online booking is
// paused with the reason shown. axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, demoStaff, launch, newPage, totp } from './lib.mjs';

const CLOCK = process.env.CLOCK_BASE_URL;
const MINUTE = 60_000;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function go(page, path) {
  const response = await page.goto(CLOCK + path);
  await checkA11y(page);
  return response;
}

/** The server's "now" in ms: the wall clock plus the test clock's offset. */
async function serverNow(page) {
  await go(page, '/dev/clock');
  return Date.now() + Number(await page.getAttribute('#clock-offset', 'data-seconds')) * 1000;
}

/** Moves the server clock to `at` (ms) or a little later; the no-show sweep runs at once. */
async function moveTo(page, at) {
  const minutes = Math.ceil((at - (await serverNow(page))) / MINUTE);
  assert.ok(minutes > 0, `the clock only moves forward (${minutes} min)`);
  await page.fill('#minutes', String(minutes));
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '時計を進める' }).click()]);
  await checkA11y(page);
  return page.textContent('[role=status]');
}

/** The JST date (YYYY-MM-DD) of an instant in ms. */
const jstDate = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10);

async function signInSeeker(page, userId = 'demo.seeker') {
  await go(page, '/sign-in?lang=ja');
  await page.fill('#user_id', userId);
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
}

/** The first free slot from the server's tomorrow on, as { id, start (ms) }. */
async function firstFreeSlot(page) {
  const from = jstDate((await serverNow(page)) + 24 * 3600 * 1000);
  const response = await page.request.get(`${CLOCK}/api/v1/offices/28011/slots?from=${from}`);
  assert.equal(response.status(), 200);
  const [slot] = await response.json();
  assert.ok(slot, `a free slot from ${from}`);
  return { id: slot.id, start: Date.parse(slot.start) };
}

/** Signs the demo counsellor in (typing is allowed here) at the server's time; lands on /staff. */
async function signInCounsellor(page, lang) {
  const staff = demoStaff('counsellor', process.env.CLOCK_STDOUT);
  const now = await serverNow(page);
  await go(page, `/staff/sign-in?lang=${lang}`);
  await page.fill('#user_id', staff.userId);
  await page.fill('#password', staff.password);
  await page.fill('#totp_code', totp(staff.secret, now));
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/staff/sign-in"] button').click()]);
  assert.ok(page.url().endsWith('/staff'), page.url());
}

/** What has focus: tag, id, href and text. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute('href'), text: e.textContent.trim() };
  });
}

/** Presses Tab until `pred(focused)` holds; fails after `max` presses. */
async function tabTo(page, pred, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** Enter on what has focus, then the next page is checked. */
async function enter(page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await checkA11y(page);
}

/** From the console home to the day's page, by keyboard; it fits a phone's width. */
async function dayFromConsole(page) {
  await go(page, '/staff');
  await tabTo(page, (f) => f.href === '/staff/day', "the link to the day's consultations");
  await enter(page);
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `no sideways scrolling: ${scroll} > ${width}`);
}

/** Books slot `id` through the booking form; returns the page after sending it. */
async function bookThroughForm(page, id) {
  await go(page, `/book/${id}`);
  await page.fill('#topic', '面接の練習をしたい');
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').click()]);
  await checkA11y(page);
}

const WORDS = {
  ja: { heading: (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`, refused: /URLは https:\/\/ で始めてください/,
    saved: /接続情報を保存しました/, joined: '入室を記録する', attended: '相談済みにする', done: /相談済み/ },
  en: { heading: () => 'Consultations on', refused: /The URL must start with https:\/\//, saved: /Saved/,
    joined: 'Record that the user joined', attended: 'Mark as attended', done: /Attended/ },
};

for (const lang of ['ja', 'en']) {
  test(`keyboard only on a phone, ${lang}: details, joined, attended from the console home`, async () => {
    const t = WORDS[lang];
    const seeker = await newPage(browser);
    await signInSeeker(seeker, 'demo.seeker2');
    const slot = await firstFreeSlot(seeker);
    await bookThroughForm(seeker, slot.id);
    await moveTo(seeker, slot.start - 5 * MINUTE);

    const counsellor = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
    await signInCounsellor(counsellor, lang);
    await dayFromConsole(counsellor);
    assert.ok((await counsellor.textContent('h1')).includes(t.heading(new Date(slot.start + 9 * 3600 * 1000))));
    const card = counsellor.locator('li.day-card').filter({ hasText: '面接の練習をしたい' }).last();
    const id = (await card.getAttribute('id')).slice(1);

    // The details are the first step; an http:// URL is refused and what was typed stays.
    await tabTo(counsellor, (f) => f.id === `meeting_id-${id}`, 'the meeting ID');
    await counsellor.keyboard.type('812 3456 7890');
    await counsellor.keyboard.press('Tab');
    await counsellor.keyboard.type('k0be');
    await counsellor.keyboard.press('Tab');
    await counsellor.keyboard.type('http://zoom.example/j/1');
    await enter(counsellor);
    assert.match(await card.locator('[role=alert]').textContent(), /./);
    assert.match(await card.locator('.error').textContent(), t.refused);
    assert.equal(await counsellor.inputValue(`#meeting_id-${id}`), '812 3456 7890');
    assert.equal(await counsellor.inputValue(`#passkey-${id}`), 'k0be');
    await tabTo(counsellor, (f) => f.id === `join_url-${id}`, 'the join URL');
    await counsellor.keyboard.press('Control+A');
    await counsellor.keyboard.type('https://zoom.example/j/1');
    await enter(counsellor);
    assert.match(await card.locator('[role=status]').textContent(), t.saved);
    assert.match(await card.locator('dl.facts').textContent(), /812 3456 7890[\s\S]*k0be[\s\S]*https:\/\/zoom\.example\/j\/1/);
    assert.equal(await card.locator('button.primary').count(), 0, 'nothing to record before the start');

    // From the start: joined, then attended, each the card's one filled button.
    await moveTo(seeker, slot.start + MINUTE);
    await dayFromConsole(counsellor);
    await tabTo(counsellor, (f) => f.tag === 'button' && f.text === t.joined, t.joined);
    await enter(counsellor);
    await tabTo(counsellor, (f) => f.tag === 'button' && f.text === t.attended, t.attended);
    await enter(counsellor);
    assert.match(await card.locator('h2').textContent(), t.done);
    await counsellor.context().close();
    await seeker.context().close();
  });
}

test('the counsellor marks attendance and books the next one; two no-shows pause booking, ja', async () => {
  const seeker = await newPage(browser);
  await signInSeeker(seeker);
  const first = await firstFreeSlot(seeker);
  await bookThroughForm(seeker, first.id);
  assert.match(await seeker.textContent('h1'), /予約が確定しました/);

  // Five minutes before the consultation, the counsellor opens the day's schedule.
  await moveTo(seeker, first.start - 5 * MINUTE);
  const counsellor = await newPage(browser);
  await signInCounsellor(counsellor, 'ja');
  await go(counsellor, `/staff/day?date=${jstDate(first.start)}`);
  const section = () => counsellor.locator('li.day-card').first();
  // BK-9: the meeting details first; issue 12: recording joined is not offered before the
  // start, and the card says from when.
  await section().locator('[id^=meeting_id-]').fill('812 3456 7890');
  await section().locator('[id^=join_url-]').fill('https://zoom.example/j/81234567890');
  await Promise.all([counsellor.waitForNavigation(), section().getByRole('button', { name: '接続情報を保存する' }).click()]);
  await checkA11y(counsellor);
  assert.equal(await section().getByRole('button', { name: '入室を記録する' }).count(), 0);
  assert.match(await section().textContent(), /から入室を記録できます/);
  // One minute after the start, the user has joined and the counsellor records it.
  await moveTo(seeker, first.start + MINUTE);
  await go(counsellor, `/staff/day?date=${jstDate(first.start)}`);
  await Promise.all([counsellor.waitForNavigation(), section().getByRole('button', { name: '入室を記録する' }).click()]);
  await checkA11y(counsellor);
  await Promise.all([counsellor.waitForNavigation(), section().getByRole('button', { name: '相談済みにする' }).click()]);
  await checkA11y(counsellor);
  assert.match(await section().locator('h2').textContent(), /相談済み/);
  // BK-8: the next consultation, booked on the spot and confirmed at once (behind "more").
  await section().locator('summary', { hasText: 'その他の操作' }).click();
  await Promise.all([counsellor.waitForNavigation(), section().getByRole('button', { name: /次回を予約する/ }).click()]);
  await checkA11y(counsellor);
  assert.match(await section().locator('[role=status]').textContent(), /次回の相談を予約しました/);
  await counsellor.context().close();

  // The user sees both on My Page (the session expired while the clock moved).
  await signInSeeker(seeker);
  const mine = await (await seeker.request.get(`${CLOCK}/api/v1/reservations`)).json();
  assert.deepEqual(mine.map((r) => r.state).sort(), ['attended', 'confirmed']);
  await go(seeker, '/me');
  assert.match(await seeker.textContent('ul.reservations.past'), /相談済み/);
  const next = mine.find((r) => r.state === 'confirmed');

  // BK-11: not joined by start + 10 minutes: the sweep records a no-show.
  assert.match(await moveTo(seeker, Date.parse(next.start) + 11 * MINUTE), /1 件/);
  await signInSeeker(seeker);
  assert.match(await seeker.textContent('ul.reservations.past'), /無断欠席/);

  // A second no-show within 90 days (BK-12) …
  const third = await firstFreeSlot(seeker);
  await bookThroughForm(seeker, third.id);
  assert.match(await seeker.textContent('h1'), /予約が確定しました/);
  assert.match(await moveTo(seeker, third.start + 11 * MINUTE), /1 件/);

  // … pauses online booking: the booking page says why and whom to call before any form
  // (issue 13, item 6), and the inbox says so too.
  await signInSeeker(seeker);
  assert.match(await seeker.textContent('main'), /オンライン予約を一時停止/);
  const fourth = await firstFreeSlot(seeker);
  await go(seeker, `/book/${fourth.id}`);
  assert.match(await seeker.textContent('.gate'), /オンライン予約を一時停止しています/);
  assert.equal(await seeker.locator('#topic').count(), 0, 'no form to fill in vain');
  await seeker.context().close();
});
