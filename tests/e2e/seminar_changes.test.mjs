// Seminar operations in the browser (rules SE-6, S11-1, S6-3, BK-11, BK-12, NO-1, NO-2, AC-4).
// The demo office admin walks from the console home to a seminar the demo job seeker
// registered for and cancels it after the confirmation step; the job seeker's My Page inbox
// has the notice (Japanese, 1280 px). The same by keyboard alone on a 390 px phone, in
// English. Each new form sent with one bad field (a ① in a reason, a day that has passed)
// comes back with every other typed value and the problem at its field, in English and
// Japanese: move (with "go back" on the confirmation page), suspend and resume, a phone
// cancellation. On the server with the test clock, a no-show the sweep recorded is
// corrected. axe checks every page; SCREENSHOTS=dir saves the new pages at 390 and 1280 px.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage, signInStaff, visit } from './lib.mjs';

const CLOCK = process.env.CLOCK_BASE_URL;
let browser;
let admin;
before(async () => {
  browser = await launch();
  admin = await newPage(browser);
  await signInStaff(admin, 'office_admin');
});
after(async () => { await browser?.close(); });

const TEXT = {
  ja: {
    create: 'セミナーを作成する', register: '参加を申し込む', registered: /参加登録が完了しました/,
    cancel: 'このセミナーを中止する', move: '日時を変更する', suspend: '申込みの受付を一時停止する',
    resume: '申込みの受付を再開する', phone: '電話での取消を記録する', correct: '無断欠席を訂正する',
    continue: '確認へ進む', back: '戻って修正する', confirmCancel: '中止する', confirmMove: '日時を変更する',
    confirmPhone: '取消を記録する', confirmCorrect: '訂正する',
    reasonBad: '5文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。',
    past: '今日以降の日付を入力してください。', daySummary: '新しい日付: ', reasonSummary: '理由: ',
    cancelled: /中止しました/, moved: /日時を変更しました/, stopped: /受付を停止しました/, reopened: /受付を再開しました/,
    saved: /記録しました/, status: /このセミナーは中止になりました。理由：講師急病のため/,
    who: /参加登録 1 人とキャンセル待ち 0 人/, phoneState: '取消（ご本人）', suspendedBadge: '受付停止中',
  },
  en: {
    create: 'Create a seminar', register: 'Register', registered: /You are registered/,
    cancel: 'Cancel this seminar', move: 'Change the date or time', suspend: 'Stop taking registrations for now',
    resume: 'Take registrations again', phone: 'Record a cancellation by phone', correct: 'Correct the no-show',
    continue: 'Continue', back: 'Go back and change it', confirmCancel: 'Cancel the seminar', confirmMove: 'Move the seminar',
    confirmPhone: 'Record the cancellation', confirmCorrect: 'Correct it',
    reasonBad: 'Character 5, "①" (U+2460), cannot be used. Use "1" instead.',
    past: 'Enter today or a later date.', daySummary: 'New date: ', reasonSummary: 'Reason: ',
    cancelled: /Cancelled/, moved: /Moved/, stopped: /Registrations stopped/, reopened: /Registrations reopened/,
    saved: /Recorded/, status: /This seminar is cancelled\. Reason: Speaker ill/,
    who: /1 registered and 0 waiting/, phoneState: 'Cancelled by the user', suspendedBadge: 'Not taking registrations',
  },
};

/** The page as a phone and a desktop show it, when SCREENSHOTS names a folder. */
async function screenshots(page, name) {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  const { width: before, height } = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: before, height });
}

async function click(page, name, within = page) {
  await Promise.all([page.waitForNavigation(), within.getByRole('button', { name, exact: true }).click()]);
  await checkA11y(page);
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

async function enter(page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await checkA11y(page);
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** An open weekday of office 28011, `ahead` days or more after `now` (ms, JST-shifted inside). */
async function openDay(base, now, ahead) {
  const from = now + 9 * 3600e3 + ahead * 86400e3;
  const to = from + 30 * 86400e3;
  const closed = await (await fetch(`${base}/api/v1/calendar?from=${iso(from)}&to=${iso(to)}&office=28011`)).json();
  for (let d = from; d < to; d += 86400e3) {
    const weekday = new Date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !closed.some((c) => c.date === iso(d))) return iso(d);
  }
  throw new Error('no open weekday in the next month');
}

/** Creates a seminar through the staff page (setup); returns its id. */
async function createSeminar(page, base, title, day, starts, lang = 'ja') {
  await page.goto(`${base}/staff/seminars?lang=${lang}`);
  await page.fill('#title', title);
  await page.fill('#day', day);
  await page.fill('#starts', starts);
  await page.fill('#minutes', '60');
  await page.fill('#capacity', '5');
  await page.fill('#waitlist_limit', '5');
  await click(page, TEXT[lang].create);
  const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
  return Number(href.split('/').pop());
}

async function signInSeeker(page, base, userId = 'demo.seeker') {
  await page.goto(`${base}/sign-in?lang=ja`);
  await page.fill('#user_id', userId);
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
}

/** The demo job seeker registers for seminar `id` through its page. */
async function seekerRegisters(base, id, userId = 'demo.seeker') {
  const seeker = await newPage(browser);
  await signInSeeker(seeker, base, userId);
  await seeker.goto(`${base}/seminars/${id}?lang=ja`);
  await click(seeker, TEXT.ja.register);
  assert.match(await seeker.textContent('h1'), TEXT.ja.registered);
  return seeker;
}

async function openDetails(page, summary) {
  await page.locator('summary', { hasText: summary }).first().click();
}

test('cancel a seminar after the confirmation step; the job seeker is told, ja', async () => {
  const t = TEXT.ja;
  await admin.setViewportSize({ width: 1280, height: 900 });
  const title = '中止の確認セミナー';
  const id = await createSeminar(admin, BASE, title, await openDay(BASE, Date.now(), 8), '10:00');
  const seeker = await seekerRegisters(BASE, id);

  // From the console home to the seminar.
  await visit(admin, '/staff?lang=ja');
  await Promise.all([admin.waitForURL(/\/staff\/seminars$/), admin.getByRole('link', { name: 'セミナー・企業見学' }).click()]);
  await checkA11y(admin);
  await Promise.all([admin.waitForURL(/\/staff\/seminars\/\d+$/), admin.getByRole('link', { name: title, exact: true }).click()]);
  await checkA11y(admin);
  assert.match(await admin.textContent('main'), /28011-/, 'the participant is listed');

  // One bad character: the reason comes back as typed, the character named.
  await openDetails(admin, t.cancel);
  await admin.fill('#cancel-reason', '講師急病①のため');
  await click(admin, t.continue, admin.locator(`form[action="/staff/seminars/${id}/cancel"]`));
  assert.equal(await admin.inputValue('#cancel-reason'), '講師急病①のため');
  assert.equal((await admin.textContent('#cancel-reason-error-1')).trim(), t.reasonBad);
  assert.ok((await admin.textContent('#error-summary a[href="#cancel-reason"]')).includes(t.reasonSummary));
  await screenshots(admin, 'seminar-cancel-refused-ja');

  await admin.fill('#cancel-reason', '講師急病のため');
  await click(admin, t.continue, admin.locator(`form[action="/staff/seminars/${id}/cancel"]`));
  assert.match(await admin.textContent('h1'), /このセミナーを中止しますか/);
  assert.match(await admin.textContent('#consequence'), t.who);
  await screenshots(admin, 'seminar-cancel-confirm-ja');
  await click(admin, t.confirmCancel);
  assert.match(await admin.textContent('[role=status]'), t.cancelled);
  assert.match(await admin.textContent('#seminar-status'), t.status);
  await screenshots(admin, 'seminar-cancel-done-ja');

  // The job seeker's My Page inbox, and the seminar's public page.
  await visit(seeker, '/me');
  const main = await seeker.textContent('main');
  assert.match(main, /セミナーが中止になりました/);
  assert.match(main, /講師急病のため/);
  await visit(seeker, `/seminars/${id}`);
  assert.match(await seeker.textContent('#seminar-status'), t.status);
  assert.equal(await seeker.getByRole('button', { name: t.register }).count(), 0, 'no registration');
  await screenshots(seeker, 'seminar-public-cancelled-ja');
  await seeker.context().close();
});

test('keyboard only on a phone, en: from the console home to a seminar, cancelled after the confirmation step', async () => {
  const t = TEXT.en;
  const title = 'Keyboard cancellation';
  const id = await createSeminar(admin, BASE, title, await openDay(BASE, Date.now(), 9), '10:00');
  const seeker = await seekerRegisters(BASE, id);
  await admin.setViewportSize({ width: 390, height: 844 });

  await visit(admin, '/staff?lang=en');
  await tabTo(admin, (f) => f.href === '/staff/seminars', 'the link to the seminars');
  await enter(admin);
  await tabTo(admin, (f) => f.href === `/staff/seminars/${id}`, 'the seminar');
  await enter(admin);
  const [scroll, width] = await admin.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `no sideways scrolling: ${scroll} > ${width}`);
  await tabTo(admin, (f) => f.tag === 'summary' && f.text === t.cancel, 'the cancellation disclosure');
  await admin.keyboard.press('Enter');
  await tabTo(admin, (f) => f.id === 'cancel-reason', 'the reason');
  await admin.keyboard.type('Speaker ill');
  await tabTo(admin, (f) => f.tag === 'button' && f.text === t.continue, 'Continue');
  await enter(admin);
  assert.match(await admin.textContent('h1'), /Cancel this seminar\?/);
  assert.match(await admin.textContent('#consequence'), t.who);
  await screenshots(admin, 'seminar-cancel-confirm-en');
  await tabTo(admin, (f) => f.tag === 'button' && f.text === t.confirmCancel, 'the confirmation');
  await enter(admin);
  assert.match(await admin.textContent('[role=status]'), t.cancelled);
  assert.match(await admin.textContent('#seminar-status'), t.status);
  await screenshots(admin, 'seminar-cancel-done-en');

  await visit(seeker, '/me');
  assert.match(await seeker.textContent('main'), /Speaker ill/, 'the notice with the reason');
  await seeker.context().close();
  await admin.setViewportSize({ width: 1280, height: 900 });
});

for (const lang of ['en', 'ja']) {
  test(`move, suspend and a phone cancellation keep what was typed when one field is wrong, ${lang}`, async () => {
    const t = TEXT[lang];
    const day = await openDay(BASE, Date.now(), 10);
    const title = `Forms ${lang}`;
    const id = await createSeminar(admin, BASE, title, day, '10:00', lang);
    const seeker = await seekerRegisters(BASE, id);
    await visit(admin, `/staff/seminars/${id}?lang=${lang}`);
    const form = (what) => admin.locator(`form[action="/staff/seminars/${id}/${what}"]`);

    // Move: a day that has passed; the time and the reason stay, the day is named.
    const yesterday = iso(Date.now() + 9 * 3600e3 - 86400e3);
    await openDetails(admin, t.move);
    await admin.fill('#move-day', yesterday);
    await admin.fill('#move-starts', '10:30');
    await admin.fill('#move-reason', 'Room 3');
    await click(admin, t.continue, form('move'));
    assert.equal(await admin.inputValue('#move-day'), yesterday);
    assert.equal(await admin.inputValue('#move-starts'), '10:30');
    assert.equal(await admin.inputValue('#move-reason'), 'Room 3');
    assert.equal((await admin.textContent('#move-day-error-1')).trim(), t.past);
    assert.ok((await admin.textContent('#error-summary a[href="#move-day"]')).includes(t.daySummary));
    await screenshots(admin, `seminar-move-refused-${lang}`);
    const later = await openDay(BASE, Date.now(), 12);
    await admin.fill('#move-day', later);
    await click(admin, t.continue, form('move'));
    await screenshots(admin, `seminar-move-confirm-${lang}`);
    await click(admin, t.back);
    assert.equal(await admin.inputValue('#move-day'), later, 'going back keeps what was typed');
    assert.equal(await admin.inputValue('#move-reason'), 'Room 3');
    await click(admin, t.continue, form('move'));
    await click(admin, t.confirmMove);
    assert.match(await admin.textContent('[role=status]'), t.moved);

    // Suspend: a bad reason keeps the box ticked; then suspended, then reopened.
    await openDetails(admin, t.suspend);
    await admin.fill('#suspend-reason', 'Typhoon①');
    await admin.check('#suspend-tell');
    await click(admin, t.suspend, form('suspend'));
    assert.equal(await admin.inputValue('#suspend-reason'), 'Typhoon①');
    assert.ok(await admin.isChecked('#suspend-tell'), 'the box stays ticked');
    assert.match(await admin.textContent('#suspend-reason-error-1'), /U\+2460/);
    await admin.fill('#suspend-reason', 'Typhoon warning');
    await click(admin, t.suspend, form('suspend'));
    assert.match(await admin.textContent('[role=status]'), t.stopped);
    assert.match(await admin.textContent('h1'), new RegExp(t.suspendedBadge));
    await screenshots(admin, `seminar-suspended-${lang}`);
    await click(admin, t.resume, form('resume'));
    assert.match(await admin.textContent('[role=status]'), t.reopened);

    // A phone cancellation of the job seeker's place.
    const card = admin.locator('li.day-card').first();
    await card.locator('summary', { hasText: t.phone }).click();
    const reasonId = await card.locator('details[open] input[name=reason]').getAttribute('id');
    await admin.fill(`#${reasonId}`, 'Phoned①');
    await click(admin, t.continue, card.locator('details[open] form'));
    assert.equal(await admin.inputValue(`#${reasonId}`), 'Phoned①');
    assert.match(await admin.textContent(`#${reasonId}-error-1`), /U\+2460/);
    await screenshots(admin, `seminar-phone-refused-${lang}`);
    await admin.fill(`#${reasonId}`, 'Phoned the office');
    await click(admin, t.continue, admin.locator('li.day-card details[open] form'));
    await screenshots(admin, `seminar-phone-confirm-${lang}`);
    await click(admin, t.confirmPhone);
    assert.match(await admin.textContent('[role=status]'), t.saved);
    assert.match(await admin.locator('li.day-card').first().textContent(), new RegExp(t.phoneState));
    await visit(seeker, '/me');
    assert.match(await seeker.textContent('main'), /日時が変更になりました/);
    await seeker.context().close();
  });
}

/** The clock server's "now" in ms: the wall clock plus its offset. */
async function serverNow(page) {
  await page.goto(`${CLOCK}/dev/clock`);
  return Date.now() + Number(await page.getAttribute('#clock-offset', 'data-seconds')) * 1000;
}

test('a no-show the sweep recorded is corrected with a reason (test clock), ja', async () => {
  const t = TEXT.ja;
  const boss = await newPage(browser);
  let now = await serverNow(boss);
  await signInStaff(boss, 'office_admin', CLOCK, process.env.CLOCK_STDOUT, now - Date.now());
  const day = await openDay(CLOCK, now, 2);
  const id = await createSeminar(boss, CLOCK, '訂正の確認セミナー', day, '10:00');
  const seeker = await seekerRegisters(CLOCK, id, 'demo.seeker2');
  await seeker.context().close();

  // Past the start + 10 minutes: the sweep records the no-show.
  const start = Date.parse(`${day}T10:00:00+09:00`);
  now = await serverNow(boss);
  await boss.fill('#minutes', String(Math.ceil((start + 15 * 60e3 - now) / 60e3)));
  await Promise.all([boss.waitForNavigation(), boss.getByRole('button', { name: '時計を進める' }).click()]);
  now = await serverNow(boss);
  await signInStaff(boss, 'office_admin', CLOCK, process.env.CLOCK_STDOUT, now - Date.now());
  await boss.goto(`${CLOCK}/staff/seminars/${id}?lang=ja`);
  await checkA11y(boss);
  const card = boss.locator('li.day-card').first();
  assert.match(await card.textContent(), /無断欠席/);
  await card.locator('summary', { hasText: t.correct }).click();
  await card.locator('details[open] input[value=excused]').check();
  const reasonId = await card.locator('details[open] input[name=reason]').getAttribute('id');
  await boss.fill(`#${reasonId}`, '急病①の連絡');
  await click(boss, t.continue, card.locator('details[open] form'));
  assert.ok(await boss.locator('li.day-card details[open] input[value=excused]').isChecked(), 'the outcome stays');
  assert.equal(await boss.inputValue(`#${reasonId}`), '急病①の連絡');
  assert.match(await boss.textContent(`#${reasonId}-error-1`), /U\+2460/);
  await screenshots(boss, 'seminar-correct-refused-ja');
  await boss.fill(`#${reasonId}`, '急病の連絡があった');
  await click(boss, t.continue, boss.locator('li.day-card details[open] form'));
  assert.match(await boss.textContent('h1'), /無断欠席の記録を訂正しますか/);
  await screenshots(boss, 'seminar-correct-confirm-ja');
  await click(boss, t.confirmCorrect);
  assert.match(await boss.locator('li.day-card').first().textContent(), /取消（ご本人）/);
  await boss.context().close();

  const again = await newPage(browser);
  await signInSeeker(again, CLOCK, 'demo.seeker2');
  await again.goto(`${CLOCK}/me`);
  await checkA11y(again);
  assert.match(await again.textContent('main'), /無断欠席の記録を訂正しました/);
  await again.context().close();
});
