// Issue 13's acceptance walk: a new user goes from the top page to a confirmed consultation
// with no URL typed: start → register → mail → verify → sign in → job-seeker number → staff
// confirm → find the office → pick a time in the week view → confirm → add to calendar, and
// cancels it at the end (the demo's free times are shared by the other tests). In Japanese on
// a phone (390 px, touch) and in English by keyboard alone (Tab, Shift+Tab, Enter, Space) at
// desktop width. The only addresses typed are the top page, the development mailbox (it
// stands in for the person's mail client, opened in a tab of its own) and the staff sign-in
// (a second browser context: the counsellor at the office). axe checks every page visited;
// the booking path's targets are measured (at least 44×44 px).
import { readFileSync } from 'node:fs';
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, demoStaff, launch, newPage, totp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'Kobe-Motomachi#2026';

const TEXT = {
  ja: {
    title: /ハローワークのオンライン窓口/, register: '利用者登録', registerSubmit: '登録する', sent: '確認メールを送りました',
    verifySubject: 'メールアドレスの確認', verified: '登録が完了しました', signIn: 'ログイン', signInSubmit: 'ログインする',
    fixNumber: '求職番号を登録する', save: '保存する', unconfirmed: '求職番号をハローワークが確認中です。',
    confirmations: '確認待ちの求職番号', confirm: '求職登録を確認済みにする', confirmedDone: '求職登録を確認済みにしました。', confirmedSubject: '求職登録を確認しました',
    book: '相談を予約する', search: '探す', bookHere: /この窓口で相談を予約する/, office: '灘公共職業安定所三宮分室',
    nextDay: '次の日', bookSubmit: 'この内容で予約する', booked: '予約が確定しました', bookedSubject: '職業相談の予約が確定しました',
    calendar: 'カレンダーに追加（.ics ファイル）', summary: 'オンライン職業相談（灘公共職業安定所三宮分室）',
    me: 'マイページ', cancel: '取り消す', cancelIt: '取り消す', none: '予約している相談はありません',
    topic: '事務職への転職について相談したい', accept: '同意して進む',
  },
  en: {
    title: /Hello Work's online counter/, register: 'Register', registerSubmit: 'Register', sent: 'Check your email',
    verifySubject: 'confirm your email', verified: 'Registration complete', signIn: 'Sign in', signInSubmit: 'Sign in',
    fixNumber: 'Record your job-seeker number', save: 'Save', unconfirmed: 'Hello Work is confirming your job-seeker number.',
    confirmations: 'Job-seeker numbers to confirm', confirm: 'Confirm the job-seeker registration', confirmedDone: 'The registration is confirmed.',
    confirmedSubject: 'Your job-seeker registration is confirmed',
    book: 'Book a consultation', search: 'Search', bookHere: /Book a consultation here/, office: null,
    nextDay: 'Next day', bookSubmit: 'Book this consultation', booked: 'Your booking is confirmed',
    bookedSubject: 'Your consultation is booked', calendar: 'Add to calendar (.ics file)', summary: /^Online job consultation \(.+\)$/,
    me: 'My page', cancel: 'Cancel', cancelIt: 'Cancel it', none: 'You have no consultation booked',
    topic: 'Changing to office work', accept: 'Accept and continue',
  },
};

/** Every visible element of `locator` is at least 44×44 px. */
async function assertTargets(locator, what) {
  const n = await locator.count();
  assert.ok(n > 0, `${what}: none found`);
  for (let i = 0; i < n; i++) {
    const one = locator.nth(i);
    if (!(await one.isVisible())) continue;
    const box = await one.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44,
      `${what} #${i} is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px: ${(await one.textContent()).trim()}`);
  }
}

async function fitsWidth(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${page.url()}: scrollWidth ${scroll} > ${width}`);
}

/**
 * How the person moves: `tap` on a phone (touch), or `keys` (Tab, Shift+Tab, Enter and Space
 * only; never the mouse). Both type text with the keyboard.
 */
function mover(mode) {
  /** Tab (or Shift+Tab) until `locator` has focus. */
  async function focus(page, locator, what, back = false) {
    const one = locator.first();
    await one.waitFor({ state: 'attached' });
    for (let i = 0; i < 200; i++) {
      if (await one.evaluate((e) => e === document.activeElement)) return;
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    assert.fail(`${back ? 'Shift+Tab' : 'Tab'} never reached ${what} on ${page.url()}`);
  }
  async function checked(page) {
    await checkA11y(page);
    if (mode === 'tap') await fitsWidth(page);
  }
  return {
    mode,
    focus,
    /** Follows a link or presses a button; checks the page it leads to. */
    async go(page, locator, what, url) {
      if (mode === 'tap') {
        await Promise.all([page.waitForNavigation(url ? { url } : {}), locator.first().tap()]);
      } else {
        await focus(page, locator, what);
        await Promise.all([page.waitForNavigation(url ? { url } : {}), page.keyboard.press('Enter')]);
      }
      await checked(page);
    },
    /** Types into a field (its current value replaced). */
    async type(page, locator, text, what) {
      if (mode === 'tap') {
        await locator.tap();
        await locator.fill('');
      } else {
        await focus(page, locator, what);
        assert.equal(await locator.inputValue(), '', `${what} starts empty`);
      }
      await page.keyboard.type(text);
    },
    /** Ticks a checkbox. */
    async tick(page, locator, what) {
      if (mode === 'tap') await locator.tap();
      else {
        await focus(page, locator, what);
        await page.keyboard.press('Space');
      }
      assert.ok(await locator.isChecked(), `${what} is ticked`);
    },
    /** Starts a download from a link; the download. */
    async download(page, locator, what) {
      if (mode === 'tap') {
        const [d] = await Promise.all([page.waitForEvent('download'), locator.tap()]);
        return d;
      }
      await focus(page, locator, what);
      const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      return d;
    },
  };
}

/**
 * The person's mail client: a tab of its own on the development mailbox (the one address
 * typed besides the top page), where the newest letter to `to` with `subject` is opened.
 */
async function openMail(context, move, to, subject) {
  const mail = await context.newPage();
  const row = mail.locator('table tbody tr', { hasText: to }).filter({ hasText: subject }).first();
  await mail.goto(`${BASE}/dev/mail`);
  for (let i = 0; i < 60 && !(await row.count()); i++) {
    await mail.waitForTimeout(500);
    await mail.goto(`${BASE}/dev/mail`);
  }
  assert.ok(await row.count(), `a mail to ${to}: ${subject}`);
  await checkA11y(mail);
  await move.go(mail, row.locator('a'), `the mail "${subject}"`, /\/dev\/mail\/./);
  return mail;
}

/** The counsellor (or office admin) at the office, signed in to the console in `lang`. */
async function staffSignIn(page, role, lang) {
  const staff = demoStaff(role);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(`${BASE}/staff/sign-in?lang=${lang}`);
    await checkA11y(page);
    await page.fill('#user_id', staff.userId);
    await page.fill('#password', staff.password);
    const now = Date.now();
    await page.fill('#totp_code', totp(staff.secret, now));
    await Promise.all([page.waitForNavigation(), page.locator('form[action="/staff/sign-in"] button').click()]);
    await checkA11y(page);
    if (new URL(page.url()).pathname === '/staff') return;
    // A code is accepted once: another test used this one; wait for the next.
    await page.waitForTimeout(30_000 - (now % 30_000) + 500);
  }
  assert.fail(`staff sign-in as ${role} failed three times`);
}

/** "HH:MM" in JST of an iCalendar UTC time (20261202T000000Z). */
function jstClock(ics, prop) {
  const m = ics.match(new RegExp(`^${prop}:(\\d{4})(\\d\\d)(\\d\\d)T(\\d\\d)(\\d\\d)(\\d\\d)Z\\r$`, 'm'));
  assert.ok(m, `${prop} in UTC: ${ics}`);
  const at = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) + 9 * 3600 * 1000;
  return new Date(at).toISOString().slice(11, 16);
}

/** An iCalendar property's value, unfolded and unescaped enough to compare. */
function prop(ics, name) {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const m = unfolded.match(new RegExp(`^${name}(?:;[^:]*)?:(.*)\\r$`, 'm'));
  return m?.[1].replace(/\\([,;\\])/g, '$1');
}

const WALKS = [
  { lang: 'ja', mode: 'tap', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    staff: 'counsellor', how: 'a phone, 390 px, touch' },
  { lang: 'en', mode: 'keys', options: { viewport: { width: 1280, height: 900 }, locale: 'en-GB' },
    staff: 'office_admin', how: 'desktop, keyboard only' },
];

for (const walk of WALKS) {
  test(`a newcomer, ${walk.lang}, ${walk.how}: top page → register → mail → verify → sign in → number → staff confirm → week → book → calendar`, async () => {
    const t = TEXT[walk.lang];
    const move = mover(walk.mode);
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const userId = `nc.${walk.lang}.${stamp}`;
    const email = `nc-${walk.lang}-${stamp}@example.jp`;
    const number = `28011-${String(Date.now() % 1e8).padStart(8, '0')}`;
    const context = await browser.newContext({ bypassCSP: true, locale: 'ja-JP', acceptDownloads: true, ...walk.options });
    let page = await context.newPage();
    let booked = null;
    try {
      // The top page: the one address typed. English is chosen from the header.
      await page.goto(`${BASE}/`);
      await checkA11y(page);
      if (walk.lang === 'en') {
        // Issue 16: this browser asks for English (Accept-Language en-GB), so the top page
        // already speaks it and the switch shows English as the current language.
        assert.equal(await page.getAttribute('nav.lang [aria-current="true"]', 'lang'), 'en');
      }
      assert.equal(await page.getAttribute('html', 'lang'), walk.lang);
      assert.match(await page.textContent('h1'), t.title);
      await assertTargets(page.locator('main .actions a.button'), 'the top page\'s two ways in');

      // Register (from the header's link).
      await move.go(page, page.locator('nav.account').getByRole('link', { name: t.register, exact: true }), 'register',
        /\/register$/);
      const form = page.locator('form[action="/register"]');
      await move.type(page, form.locator('#user_id'), userId, 'the user ID');
      await move.type(page, form.locator('#password'), PASSWORD, 'the password');
      await move.type(page, form.locator('#name'), '山田 花子', 'the name');
      await move.type(page, form.locator('#name_kana'), 'ヤマダ ハナコ', 'the name in kana');
      await move.type(page, form.locator('#address'), '兵庫県神戸市中央区雲井通５－３－１', 'the address');
      await move.type(page, form.locator('#email'), email, 'the email');
      await move.type(page, form.locator('#phone'), '078-231-8609', 'the phone');
      await move.tick(page, form.locator('#accept_terms'), 'the terms');
      await assertTargets(form.locator('button[type=submit]'), 'register');
      await move.go(page, form.locator('button[type=submit]'), 'register', /\/register\/sent$/);
      assert.match(await page.textContent('h1'), new RegExp(t.sent));

      // The mail: open it and follow its link; the walk goes on in the tab the link opened.
      const mail = await openMail(context, move, email, t.verifySubject);
      await move.go(mail, mail.locator('article a[href*="/register/verify?token="]'), 'the link in the mail',
        /\/register\/verify\?token=/);
      await page.close();
      page = mail;
      await move.go(page, page.locator('form[action="/register/verify"] button[type=submit]'), 'verify');
      assert.match(await page.textContent('h1'), new RegExp(t.verified));

      // Sign in from the page that says it is done.
      await move.go(page, page.locator('main').getByRole('link', { name: t.signIn, exact: true }), 'sign in', /\/sign-in/);
      await move.type(page, page.locator('#user_id'), userId, 'the user ID');
      await move.type(page, page.locator('#password'), PASSWORD, 'the password');
      await assertTargets(page.locator('form[action="/sign-in"] button'), 'sign in');
      await move.go(page, page.locator('form[action="/sign-in"] button[type=submit]'), 'sign in', /\/me$/);

      // My Page says what stands in the way, with the page that fixes it.
      const gate = page.locator('section.next-up .gate');
      assert.match(await gate.textContent(), new RegExp(t.fixNumber));
      await move.go(page, gate.getByRole('link', { name: t.fixNumber }), 'record the number', /\/me\/eligibility/);
      const jobForm = page.locator('form[action="/me/job-seeker"]');
      await move.type(page, jobForm.locator('#job_seeker_number'), number, 'the job-seeker number');
      if (walk.mode === 'tap') {
        await jobForm.locator('#job_seeker_expires').fill('2030-03-31');
      } else {
        // A date field by keyboard: its parts take their digits in the order the browser
        // shows them (month/day/year or day/month/year or year/month/day, by its locale).
        // Tab enters the field at its first part; Shift+Tab leaves it to try another order.
        const expires = jobForm.locator('#job_seeker_expires');
        for (const digits of ['03312030', '31032030', '20300331']) {
          await move.focus(page, jobForm.locator('#job_seeker_number'), 'the number', true);
          await page.keyboard.press('Tab');
          await page.keyboard.type(digits);
          if ((await expires.inputValue()) === '2030-03-31') break;
        }
        assert.equal(await expires.inputValue(), '2030-03-31', 'the expiry typed');
      }
      await move.go(page, jobForm.locator('button[type=submit]'), 'save the number', /\/me\/job-seeker$/);
      assert.equal(await page.inputValue('#job_seeker_number'), number, 'the number is kept');
      assert.equal(await page.inputValue('#job_seeker_expires'), '2030-03-31', 'the expiry is kept');
      // Back to My Page: the number now waits for the office.
      await move.go(page, page.locator('main').getByRole('link', { name: t.me }).first(), 'My Page', /\/me$/);
      assert.match(await page.textContent('section.next-up'), new RegExp(t.unconfirmed));

      // At the office: the counsellor confirms the number from the console's pending list.
      const staffPage = await newPage(browser, { viewport: { width: 1280, height: 900 } });
      await staffSignIn(staffPage, walk.staff, walk.lang);
      await Promise.all([staffPage.waitForURL(/\/staff\/confirmations$/),
        staffPage.getByRole('link', { name: t.confirmations }).first().click()]);
      await checkA11y(staffPage);
      const row = staffPage.locator('table tbody tr', { hasText: userId });
      assert.match(await row.textContent(), new RegExp(number));
      await Promise.all([staffPage.waitForNavigation(), row.getByRole('button', { name: t.confirm }).click()]);
      await checkA11y(staffPage);
      assert.equal((await staffPage.textContent('main [role=status]')).trim(), t.confirmedDone);
      // Back to the list: the person is no longer waiting.
      await Promise.all([staffPage.waitForURL(/\/staff$/), staffPage.locator('nav.account a[href="/staff"]').click()]);
      await Promise.all([staffPage.waitForURL(/\/staff\/confirmations$/),
        staffPage.getByRole('link', { name: t.confirmations }).first().click()]);
      await checkA11y(staffPage);
      assert.equal(await staffPage.locator('table tbody tr', { hasText: userId }).count(), 0, 'no longer pending');
      await staffPage.context().close();

      // The person hears by mail.
      const told = await openMail(context, move, email, t.confirmedSubject);
      await told.close();

      // From the top page (the header's brand link) to the office and its week.
      await move.go(page, page.locator('header a.brand'), 'the top page', (u) => new URL(u).pathname === '/');
      if (walk.lang === 'ja') {
        // By postal code on the top page: the office finder.
        const finder = page.locator('form.finder-inline');
        await move.type(page, finder.locator('#postal_code'), '650-0044', 'the postal code');
        await assertTargets(finder.locator('button'), 'the search button');
        await move.go(page, finder.locator('button'), 'search', /postal_code=650-0044/);
        const bookHere = page.locator('#results ~ ul.offices a.button, section.results a.button').filter({ hasText: t.bookHere });
        await assertTargets(bookHere, 'book here');
        await move.go(page, bookHere, 'book here', /\/offices\/28011\/book$/);
      } else {
        // The first way in: the office that issued the number.
        const book = page.locator('main .actions').getByRole('link', { name: t.book, exact: true });
        await move.go(page, book, 'book a consultation', /\/offices\/(\d+\/book|$)/);
        if (new URL(page.url()).pathname === '/offices') {
          await move.type(page, page.locator('#postal_code'), '650-0044', 'the postal code');
          await move.go(page, page.locator('form:has(#postal_code) button'), 'search', /postal_code=/);
          await move.go(page, page.getByRole('link', { name: t.bookHere }).first(), 'book here', /\/offices\/28011\/book$/);
        }
      }
      assert.equal(new URL(page.url()).pathname, '/offices/28011/book');
      assert.equal(await page.locator('.gate').count(), 0, `nothing in the way: ${await page.locator('main').textContent()}`);

      // Pick a time in the week view.
      let slot;
      if (walk.mode === 'tap') {
        assert.equal(await page.locator('.week .day:visible').count(), 1, 'one day at a time on a phone');
        await assertTargets(page.locator('nav.day-strip a'), 'the day strip');
        await assertTargets(page.locator('.next-free a'), 'the next free time');
        for (let i = 0; i < 14 && !(await page.locator('.week .day.selected a.slot').count()); i++) {
          await move.go(page, page.locator('.day-step a', { hasText: t.nextDay }), 'the next day', /day=/);
        }
        slot = page.locator('.week .day.selected a.slot').first();
      } else {
        assert.equal(await page.locator('.week .day:visible').count(), 7, 'seven columns on a desktop');
        await assertTargets(page.locator('.week-nav a'), 'the week\'s previous and next');
        slot = page.locator('.week a.slot').first();
      }
      await assertTargets(page.locator('.week a.slot'), 'the times');
      const picked = (await slot.locator('.time').textContent()).trim();
      const slotHref = await slot.getAttribute('href');
      await move.go(page, slot, 'a time', /\/book\/\d+$/);
      assert.equal(new URL(page.url()).pathname, slotHref);
      assert.ok((await page.textContent('main')).includes(picked), `the form shows the time picked (${picked})`);

      // Terms to accept first, if the office's service asks for them (AC-13).
      const terms = page.locator('.gate a[href^="/terms/"]');
      if (await terms.count()) {
        await move.go(page, terms, 'the terms', /\/terms\//);
        await move.go(page, page.getByRole('button', { name: t.accept }), 'accept', /\/book\/\d+$/);
      }
      await move.type(page, page.locator('#topic'), t.topic, 'the topic');
      const bookButton = page.locator('form[action^="/book/"] button[type=submit]');
      await assertTargets(bookButton, 'book');
      await move.go(page, bookButton, 'book', /\/book\/\d+$|\/me\/reservations\/\d+/);
      assert.match(await page.textContent('h1'), new RegExp(t.booked), await page.textContent('main'));
      const facts = await page.textContent('dl.facts');
      assert.ok(facts.includes(picked), `the confirmation shows ${picked}: ${facts}`);
      if (t.office) assert.ok(facts.includes(t.office), facts);

      // Add to calendar: the download is an iCalendar file for this reservation.
      const calendar = page.getByRole('link', { name: t.calendar });
      const id = (await calendar.getAttribute('href')).match(/reservations\/(\d+)\/calendar/)[1];
      booked = id;
      await assertTargets(calendar, 'add to calendar');
      const download = await move.download(page, calendar, 'add to calendar');
      assert.equal(download.suggestedFilename(), `consultation-${id}.ics`);
      const ics = readFileSync(await download.path(), 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /METHOD:PUBLISH\r\n/);
      const summary = prop(ics, 'SUMMARY');
      if (typeof t.summary === 'string') assert.equal(summary, t.summary);
      else assert.match(summary, t.summary);
      assert.equal(jstClock(ics, 'DTSTART'), picked, 'the time picked');
      assert.equal(prop(ics, 'URL'), `${BASE}/me/reservations/${id}`);
      const uid = prop(ics, 'UID');
      assert.match(uid, /^r-.+@madoguchi$/);
      // The same UID as the booking mail's attachment: one calendar entry, not two.
      const bookedMail = await openMail(context, move, email, t.bookedSubject);
      assert.ok((await bookedMail.textContent('section.attachment pre')).includes(`UID:${uid}`), 'the same UID');
      await bookedMail.close();

      // Leave the demo as it was: cancel from My Page, through its confirmation page.
      await move.go(page, page.locator('nav.account').getByRole('link', { name: t.me }), 'My Page', /\/me$/);
      const next = page.locator('section.next-up');
      await assertTargets(next.locator('a.button'), 'the next consultation\'s actions');
      await move.go(page, next.getByRole('link', { name: t.cancel, exact: true }), 'cancel', /\/cancel$/);
      await assertTargets(page.locator('main form button'), 'confirm the cancellation');
      await move.go(page, page.locator('main form').getByRole('button', { name: t.cancelIt }), 'cancel it', /\/me$/);
      assert.match(await page.textContent('main'), new RegExp(t.none));
      booked = null;
    } finally {
      if (booked) {
        // The walk failed after booking: give the time back all the same.
        const cleanup = await context.newPage();
        await cleanup.goto(`${BASE}/me/reservations/${booked}/cancel`);
        await cleanup.locator('main form button[type=submit]').click().catch(() => {});
      }
      await context.close();
    }
  });
}
