// Issue 12: staff flows in the browser, in Japanese and English, axe on every page.
// 1. Restriction lift (rule BK-12, on the server with the test clock): both demo job seekers
//    miss two consultations (BK-11) and online booking pauses; a counsellor finds the person
//    from the console home, a refused reason (empty, then ①, AC-4) keeps the page and says so
//    at the field, a good one lifts the pause, and the person books again.
// 2. Request scheduled → the user's inbox (rules BK-7, C6-3, NO-2, BK-9): the office takes
//    requests; the job seeker sends preferences through the page (no JavaScript), staff open
//    the requests from the console home and schedule one; My Page (reservation, request and
//    inbox) and the dev mailbox give the date with weekday, the app and that the meeting
//    details come on My Page, never the details themselves. In Japanese on a 390 px phone by
//    keyboard alone (Tab, Enter, Space, arrows in a select), in English with the mouse; then
//    the decline path with the reason the person is told, in both languages.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { demoStaff, launch, newPage, totp } from './lib.mjs';
import {
  MINUTE, PHONE, SEEKER_PASSWORD, SERVERS, arrowTo, bookThroughForm, firstFreeFor, fitsWidth, freeSlots, go,
  jstDate, jstTime, moveTo, press, screenshots, setBookingMode, signInSeeker, signInStaffAt, submitted, tabTo,
} from './flows.mjs';

const { base: BASE, clock: CLOCK } = SERVERS;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const locale = (lang) => (lang === 'ja' ? 'ja-JP' : 'en-GB');
const SEEKER = { ja: 'demo.seeker', en: 'demo.seeker2' };

const WORDS = {
  ja: {
    restricted: '欠席によりオンライン予約停止中', lift: 'オンライン予約の停止を解除する', required: 'この項目を入力してください。',
    liftLabel: '解除の理由', offence: '10文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。',
    lifted: 'オンライン予約の停止を解除しました。', booked: '予約が確定しました', search: '検索する',
    declineNeeded: 'お断りの理由を入力してください。ご本人にお知らせします。', saved: '記録しました',
    sent: 'お申込みを受け付けました', scheduledState: '決定', declinedState: '調整できませんでした',
  },
  en: {
    restricted: 'online booking paused after no-shows', lift: 'Lift the pause on online booking',
    required: 'Please fill in this field.', liftLabel: 'Why it is lifted',
    offence: 'Character 10, "①" (U+2460), cannot be used. Use "1" instead.',
    lifted: 'Online booking is no longer paused.', booked: 'Your booking is confirmed', search: 'Search',
    declineNeeded: 'Please give the reason for declining; the person is told it.', saved: 'Recorded',
    sent: 'Your request has been sent', scheduledState: 'Scheduled', declinedState: 'Declined',
  },
};

/** The signed-in person's booking blockers (GET /api/v1/me). */
async function blockers(page, server) {
  const response = await page.request.get(`${server.url}/api/v1/me`);
  assert.equal(response.status(), 200);
  return (await response.json()).booking_blockers;
}

/**
 * BK-11, BK-12: each demo job seeker not yet paused books the first free consultation and
 * misses it, until both have two no-shows in 90 days (day.test.mjs may already have paused
 * demo.seeker). Both miss theirs on the same day, so the clock moves once a round.
 */
async function pauseBoth() {
  const page = await newPage(browser);
  for (let round = 0; round < 3; round++) {
    let latest = 0;
    for (const userId of Object.values(SEEKER)) {
      await signInSeeker(page, CLOCK, userId);
      if ((await blockers(page, CLOCK)).includes('booking_restricted')) continue;
      const slot = await firstFreeFor(page, CLOCK);
      const heading = await bookThroughForm(page, CLOCK, slot.id);
      assert.match(heading, /予約が確定しました/, `${userId}: ${await page.textContent('main')}`);
      latest = Math.max(latest, slot.start);
    }
    if (!latest) break;
    assert.match(await moveTo(page, latest + 11 * MINUTE), /件/);
  }
  for (const userId of Object.values(SEEKER)) {
    await signInSeeker(page, CLOCK, userId);
    assert.ok((await blockers(page, CLOCK)).includes('booking_restricted'), `${userId} is paused`);
  }
  await page.context().close();
}

/** The console's lift form and its reason box, on the person's page. */
const liftForm = (page, userId) => page.locator(`form[action="/staff/seekers/${userId}/lift-restriction"]`);

for (const lang of ['ja', 'en']) {
  test(`restriction lift from the console home, ${lang} (rule BK-12)`, async () => {
    if (lang === 'ja') await pauseBoth();
    const t = WORDS[lang];
    const userId = SEEKER[lang];
    const staff = await newPage(browser, { locale: locale(lang) });
    await signInStaffAt(staff, CLOCK, 'counsellor', lang);

    // From the console home: the look-up with its purpose (PV-4), no address typed.
    await staff.fill('#user_id', userId);
    await staff.selectOption('#purpose', 'phone');
    await submitted(staff, () => staff.getByRole('button', { name: t.search, exact: true }).click());
    assert.match(await staff.textContent('dl.hours'), new RegExp(t.restricted));
    // The person's page fits a phone too (the console is used on tablets and phones).
    await staff.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(staff);
    await staff.setViewportSize({ width: 1280, height: 720 });

    // A refused reason keeps the page and says so at the field: none at all stops in the
    // browser (the box is required) …
    const before = staff.url();
    await liftForm(staff, userId).getByRole('button', { name: t.lift }).click();
    assert.ok(await staff.locator('#lift-reason').evaluate((e) => e.validity.valueMissing));
    assert.equal(staff.url(), before);
    // … and only spaces, which the browser lets through, stop at the server …
    await liftForm(staff, userId).locator('#lift-reason').fill('   ');
    await submitted(staff, () => liftForm(staff, userId).getByRole('button', { name: t.lift }).click());
    assert.equal(new URL(staff.url()).pathname, `/staff/seekers/${userId}/lift-restriction`);
    assert.match(await staff.textContent('dl.hours'), new RegExp(t.restricted), 'still paused');
    assert.equal((await staff.textContent('#lift-reason-error-1')).trim(), t.required);
    assert.equal(await staff.getAttribute('#lift-reason', 'aria-invalid'), 'true');
    const summary = await staff.textContent('#error-summary a[href="#lift-reason"]');
    assert.ok(summary.includes(t.liftLabel) && summary.includes(t.required), summary);

    // … then a character N10 lacks (AC-4): named with its position, what was typed kept.
    const typed = '電話で事情を確認し①ました';
    await liftForm(staff, userId).locator('#lift-reason').fill(typed);
    await submitted(staff, () => liftForm(staff, userId).getByRole('button', { name: t.lift }).click());
    assert.equal(await staff.inputValue('#lift-reason'), typed);
    assert.equal((await staff.textContent('#lift-reason-error-1')).trim(), t.offence);
    assert.ok((await staff.textContent('#error-summary a[href="#lift-reason"]')).includes(t.liftLabel));
    await screenshots(staff, `lift-refused-${lang}`);

    // A reason that is fine lifts the pause.
    await liftForm(staff, userId).locator('#lift-reason').fill('電話で事情を確認しました');
    await submitted(staff, () => liftForm(staff, userId).getByRole('button', { name: t.lift }).click());
    assert.equal((await staff.textContent('[role=status]')).trim(), t.lifted);
    assert.doesNotMatch(await staff.textContent('dl.hours'), new RegExp(t.restricted));
    assert.equal(await liftForm(staff, userId).count(), 0, 'nothing left to lift');
    await staff.context().close();

    // The person books online again.
    const seeker = await newPage(browser, { locale: locale(lang) });
    await signInSeeker(seeker, CLOCK, userId, lang);
    assert.deepEqual(await blockers(seeker, CLOCK), []);
    const slot = await firstFreeFor(seeker, CLOCK);
    assert.match(await bookThroughForm(seeker, CLOCK, slot.id, lang), new RegExp(t.booked));
    await seeker.context().close();
  });
}

// --- Requests (BK-7) on the server with the real clock; office 28011 takes requests only
// while these tests run.
const requestMode = { on: false };
async function useRequests() {
  if (requestMode.on) return;
  setBookingMode(BASE, '28011', 'request');
  requestMode.on = true;
}
after(() => { if (requestMode.on) setBookingMode(BASE, '28011', 'direct'); });

/**
 * A free slot the staff page offers (its first 40 from tomorrow) on a day the person has no
 * consultation (BK-4), from the end of that list so other tests' first free slots stay free.
 */
async function slotFor(page) {
  const mine = await (await page.request.get(`${BASE.url}/api/v1/reservations`)).json();
  const busy = new Set(mine.filter((r) => ['confirmed', 'requested'].includes(r.state))
    .map((r) => jstDate(Date.parse(r.start))));
  const offered = (await freeSlots(page, BASE)).slice(0, 40).reverse();
  // The letters checked here name an app whose details come on My Page (not the built-in room).
  const slot = offered.find((s) => s.app !== 'builtin' && !busy.has(jstDate(s.start)));
  assert.ok(slot, 'a free slot on a day without a consultation');
  return slot;
}

/** The request in the staff's list: its section, by the person's user ID. */
const requestOf = (page, userId) => page.locator('section').filter({ hasText: `（${userId}）` }).last();

/** The seeker's inbox entry with `subject`, opened; returns its text. */
async function inboxEntry(page, subject) {
  const entry = page.locator('ul.inbox li').filter({ hasText: subject }).first();
  await entry.locator('summary').click();
  return entry.textContent();
}

/**
 * The dev-mailbox letter to `to` with `subject` that contains `must`, newest first; the
 * outbox worker sends within seconds (NO-3), so the mailbox is read again until it is there.
 */
async function mailTo(page, to, subject, must) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await go(page, BASE, '/dev/mail');
    const links = page.locator('tbody tr').filter({ hasText: to }).filter({ hasText: subject }).locator('a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs.reverse()) {
      await go(page, BASE, href);
      const text = await page.textContent('article');
      if (text.includes(must)) return text;
    }
    await new Promise((r) => setTimeout(r, 1500));
  }
  assert.fail(`no letter to ${to} "${subject}" with ${must}`);
}

const LETTER = {
  scheduled: 'ご希望の職業相談の日時が決まりました',
  declined: '職業相談のご希望日時で調整できませんでした',
};
const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];
/** How letters write the date in Japanese (the demo accounts receive Japanese mail). */
function letterDate(ms) {
  const d = new Date(ms + 9 * 3600 * 1000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAY_JA[d.getUTCDay()]}）`;
}

/** Keyboard only: signs in by typing and Enter. */
async function keyboardSignIn(page, path, fields) {
  await go(page, BASE, path);
  for (const [id, value] of Object.entries(fields)) {
    await page.focus(`#${id}`);
    await page.keyboard.type(value);
  }
  await press(page, 'Enter');
}

/** Keyboard only: the demo counsellor signs in (a code used by an earlier test waits a step). */
async function keyboardStaffSignIn(page) {
  const member = demoStaff('counsellor');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
    await keyboardSignIn(page, '/staff/sign-in?lang=ja',
      { user_id: member.userId, password: member.password, totp_code: totp(member.secret) });
    if (new URL(page.url()).pathname === '/staff') return;
  }
  assert.fail('staff sign-in failed three times');
}

test('request scheduled → My Page and the mailbox, ja, on a phone by keyboard alone (rules BK-7, C6-3)', async () => {
  await useRequests();
  const userId = SEEKER.ja;
  const seeker = await newPage(browser, PHONE);
  await keyboardSignIn(seeker, '/sign-in?lang=ja', { user_id: userId, password: SEEKER_PASSWORD });
  assert.equal(new URL(seeker.url()).pathname, '/me');
  const slot = await slotFor(seeker);

  // My Page → the top page → the office → its request form, by Tab and Enter.
  await go(seeker, BASE, '/me');
  await tabTo(seeker, (f) => f.href === '/', 'the link to the top page');
  await press(seeker);
  await tabTo(seeker, (f) => f.href === '/offices/28011', 'the office');
  await press(seeker);
  await tabTo(seeker, (f) => f.href === '/offices/28011/request', 'the request form');
  await press(seeker);
  await fitsWidth(seeker);
  await tabTo(seeker, (f) => f.id === 'day1', 'the first preference');
  await arrowTo(seeker, 'day1', jstDate(slot.start));
  await tabTo(seeker, (f) => f.id === 'time1', 'its time');
  await arrowTo(seeker, 'time1', jstTime(slot.start));
  await tabTo(seeker, (f) => f.id === 'topic', 'the topic');
  await seeker.keyboard.type('応募書類の書き方を相談したい');
  await tabTo(seeker, (f) => f.tag === 'button' && f.text === '申し込む', 'the send button');
  await press(seeker, 'Space');
  assert.equal(await seeker.textContent('h1'), WORDS.ja.sent);

  // Staff: console home → requests, choose the slot asked for, confirm it; keyboard only.
  const staff = await newPage(browser, PHONE);
  await keyboardStaffSignIn(staff);
  assert.equal(new URL(staff.url()).pathname, '/staff');
  await tabTo(staff, (f) => f.href === '/staff/requests', 'the requests');
  await press(staff);
  await fitsWidth(staff);
  const request = requestOf(staff, userId);
  assert.match(await request.textContent(), /応募書類の書き方を相談したい/);
  const select = await request.locator('select').getAttribute('id');
  await tabTo(staff, (f) => f.id === select, 'the slot to confirm');
  await arrowTo(staff, select, String(slot.id));
  await tabTo(staff, (f) => f.tag === 'button' && f.text === 'この枠で確定する', 'the confirm button');
  await press(staff);
  assert.match(await staff.textContent('[role=status]'), new RegExp(WORDS.ja.saved));
  assert.equal(await requestOf(staff, userId).count(), 0, 'no longer open');
  await staff.context().close();

  // My Page: the consultation, the request's state, the message (date, app, My Page).
  await go(seeker, BASE, '/me');
  const day = letterDate(slot.start);
  assert.match(await seeker.textContent('ul.requests'), new RegExp(WORDS.ja.scheduledState));
  const entry = seeker.locator('ul.inbox li').filter({ hasText: LETTER.scheduled }).first();
  await tabTo(seeker, (f) => f.tag === 'summary' && f.text.includes(LETTER.scheduled), 'the message');
  await seeker.keyboard.press('Enter');
  assert.ok(await entry.locator('details').evaluate((d) => d.open), 'the message opens by keyboard');
  const text = await entry.textContent();
  assert.ok(text.includes(`${day}${jstTime(slot.start)}`), `${day}${jstTime(slot.start)} in ${text}`);
  assert.match(text, /使用するアプリ：(Zoom|TeleOffice)/);
  assert.match(text, /マイページでお知らせします/);
  await fitsWidth(seeker);

  // The dev mailbox: the same, and no meeting secrets in mail (BK-9).
  const mail = await mailTo(seeker, `${userId}@example.jp`, LETTER.scheduled, day);
  assert.match(mail, /使用するアプリ：(Zoom|TeleOffice)/);
  assert.match(mail, /メールではお送りしません/);
  assert.match(mail, /consultation\.ics/);

  // Leave the seat as found: the person cancels it on My Page.
  const mine = await (await seeker.request.get(`${BASE.url}/api/v1/reservations`)).json();
  const booked = mine.find((r) => r.state === 'confirmed' && Date.parse(r.start) === slot.start);
  assert.ok(booked, 'the scheduled consultation is on My Page');
  await go(seeker, BASE, '/me');
  await cancelFromMyPage(seeker, booked.id);
  await seeker.context().close();
});

/** Sends a request with `prefs` ([ms]) through the form; the answer page is checked. */
async function sendRequest(page, lang, prefs, topic) {
  await go(page, BASE, `/offices/28011?lang=${lang}`);
  await submitted(page, () => page.locator('a[href="/offices/28011/request"]').click());
  for (const [i, at] of prefs.entries()) {
    await page.selectOption(`#day${i + 1}`, jstDate(at));
    await page.selectOption(`#time${i + 1}`, jstTime(at));
  }
  await page.fill('#topic', topic);
  await submitted(page, () => page.locator('form[action="/offices/28011/request"] button[type=submit]').click());
  assert.equal(await page.textContent('h1'), WORDS[lang].sent);
}

test('request scheduled → My Page, en', async () => {
  await useRequests();
  const userId = SEEKER.en;
  const seeker = await newPage(browser, { locale: 'en-GB' });
  await signInSeeker(seeker, BASE, userId, 'en');
  const slot = await slotFor(seeker);
  await sendRequest(seeker, 'en', [slot.start], 'CV review, please');

  const staff = await newPage(browser, { locale: 'en-GB' });
  await signInStaffAt(staff, BASE, 'counsellor', 'en');
  await submitted(staff, () => staff.locator('a[href="/staff/requests"]').click());
  const request = requestOf(staff, userId);
  await request.locator('select').selectOption(String(slot.id));
  await submitted(staff, () => request.getByRole('button', { name: 'Confirm in this slot' }).click());
  assert.match(await staff.textContent('[role=status]'), new RegExp(WORDS.en.saved));
  await staff.context().close();

  await go(seeker, BASE, '/me');
  assert.match(await seeker.textContent('ul.requests'), new RegExp(WORDS.en.scheduledState));
  // The account's mail language is Japanese (chosen at registration): the message is too.
  const text = await inboxEntry(seeker, LETTER.scheduled);
  assert.ok(text.includes(letterDate(slot.start)), text);
  assert.match(text, /使用するアプリ：(Zoom|TeleOffice)/);
  const mine = await (await seeker.request.get(`${BASE.url}/api/v1/reservations`)).json();
  const booked = mine.find((r) => r.state === 'confirmed' && Date.parse(r.start) === slot.start);
  assert.ok(booked);
  await cancelFromMyPage(seeker, booked.id);
  await seeker.context().close();
});

for (const lang of ['ja', 'en']) {
  test(`request declined with the reason the person is told, ${lang} (rule C6-3)`, async () => {
    await useRequests();
    const t = WORDS[lang];
    const userId = SEEKER[lang];
    const seeker = await newPage(browser, { locale: locale(lang) });
    await signInSeeker(seeker, BASE, userId, lang);
    const slots = await freeSlots(seeker, BASE);
    const topic = `decline-${lang}-${Date.now()}`;
    await sendRequest(seeker, lang, [slots[0].start, slots[slots.length - 1].start], topic);

    const staff = await newPage(browser, { locale: locale(lang) });
    await signInStaffAt(staff, BASE, 'counsellor', lang);
    await submitted(staff, () => staff.locator('a[href="/staff/requests"]').click());
    const request = () => staff.locator('section').filter({ hasText: topic });
    const decline = () => request().locator('form[action$="/decline"]');
    // No reason: the browser asks for one (the box is required); only spaces reach the
    // server, which refuses at the field; the request stays open.
    const reasonId = await decline().locator('textarea').getAttribute('id');
    const before = staff.url();
    await decline().locator('button').click();
    assert.ok(await staff.locator(`#${reasonId}`).evaluate((e) => e.validity.valueMissing));
    assert.equal(staff.url(), before);
    await decline().locator('textarea').fill('  ');
    await submitted(staff, () => decline().locator('button').click());
    assert.equal((await staff.textContent(`#${reasonId}-error-1`)).trim(), t.declineNeeded);
    assert.equal(await staff.getAttribute(`#${reasonId}`, 'aria-invalid'), 'true');
    assert.ok((await staff.textContent(`#error-summary a[href="#${reasonId}"]`)).includes(t.declineNeeded));
    const reason = lang === 'ja' ? 'ご希望の時間帯に相談員の空きがないため' : 'No counsellor is free at those times';
    await decline().locator('textarea').fill(reason);
    await submitted(staff, () => decline().locator('button').click());
    assert.match(await staff.textContent('[role=status]'), new RegExp(t.saved));
    assert.equal(await request().count(), 0);
    await staff.context().close();

    await go(seeker, BASE, '/me');
    const mine = seeker.locator('ul.requests li').filter({ hasText: reason });
    assert.match(await mine.textContent(), new RegExp(t.declinedState));
    const text = await inboxEntry(seeker, LETTER.declined);
    assert.ok(text.includes(reason), text);
    await mailTo(seeker, `${userId}@example.jp`, LETTER.declined, reason);
    await seeker.context().close();
  });
}

/** BK-10: My Page's cancel link, then the button on its confirmation page (issue 13). */
async function cancelFromMyPage(page, id) {
  await submitted(page, () => page.locator(`a[href="/me/reservations/${id}/cancel"]`).first().click());
  await submitted(page, () => page.locator(`main form[action="/me/reservations/${id}/cancel"] button`).click());
}
