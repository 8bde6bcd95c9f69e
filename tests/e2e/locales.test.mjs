// Issue 16's browser acceptance in three locales (rules NO-5, AC-4, AC-12, BK-6, NO-1):
// やさしい日本語 (`ja-x-easy`), Tiếng Việt (`vi`) and Português (Brasil) (`pt-BR`). For each,
// a newcomer chooses the language through the switch on the top page (the first visit is the
// only address typed besides the development mailbox, which stands in for the mail client,
// and the staff sign-in), registers with the name as the residence card writes it, confirms
// the email, records the job-seeker number and, as a foreign national, the residence status
// and period of stay; the counsellor confirms the number; the person books through the week
// view and the form, reads the confirmation mail, and cancels at the end (the demo's free
// times are shared by the other tests).
//
// Every page visited is checked with axe and its `<html lang>` must be the locale's tag
// (docs/translating.md: the folder name is the tag, `ja-x-easy` included). The words compared
// are read from the locale's own files (crates/web/locales/<tag>/main.ftl and mail.ftl) by a
// small reader below, never copied here; ruby `｜漢字《かんじ》` is compared as the pages'
// text and the mail show it, `漢字（かんじ）`. A message missing from the locale's own file
// fails the test (fallback would show another language). vi and ja-x-easy walk on a phone
// (390 px, touch) where no page may scroll sideways; pt-BR at desktop width.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch } from './lib.mjs';
import { PHONE, SERVERS, fitsWidth, signInStaffAt } from './flows.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '../../crates/web/locales');

/**
 * The messages of one Fluent file as { id: value }: `id = value` lines, with indented
 * continuation lines joined by a newline; attributes, terms and comments are skipped.
 */
function readFtl(tag, file) {
  const messages = {};
  let last = null;
  for (const line of readFileSync(join(LOCALES, tag, `${file}.ftl`), 'utf8').split('\n')) {
    const m = line.match(/^([a-zA-Z][\w-]*)[ \t]*=[ \t]?(.*)$/);
    if (m) {
      last = m[1];
      messages[last] = m[2].trim();
    } else if (last && /^[ \t]+[^ \t.]/.test(line)) {
      messages[last] = `${messages[last]}\n${line.trim()}`.trim();
    } else {
      last = null;
    }
  }
  return messages;
}

/** Ruby as plain text, the way pages' text and mail show it: `｜漢字《かんじ》` → `漢字（かんじ）`. */
const plain = (s) => s.replace(/｜([^｜《\n]+)《([^》\n]*)》/g, '$1（$2）');

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of one locale: `t(id)` from main.ftl, `mail(id)` from mail.ftl, as plain text. */
function words(tag) {
  const files = { main: readFtl(tag, 'main'), mail: readFtl(tag, 'mail'), meta: readFtl(tag, 'meta') };
  const get = (file) => (id) => {
    const value = files[file][id];
    assert.ok(value !== undefined, `${id} is in ${tag}/${file}.ftl`);
    return plain(value);
  };
  return {
    t: get('main'),
    mail: get('mail'),
    meta: get('meta'),
    /**
     * A message with arguments as a pattern: its text literally, each `{ $arg }` a named
     * group, so the test reads back what the product put there.
     */
    pattern(file, id) {
      const value = get(file)(id);
      const parts = value.split(/(\{\s*\$[\w-]+\s*\})/);
      return new RegExp(parts.map((p) => {
        const arg = p.match(/^\{\s*\$([\w-]+)\s*\}$/);
        return arg ? `(?<${arg[1].replace(/-/g, '_')}>.+?)` : escapeRe(p);
      }).join(''));
    },
  };
}

const WALKS = [
  {
    tag: 'ja-x-easy', short: 'easy', phone: true, name: 'NGUYEN THI MAI', kana: 'グエン・ティー・マイ',
    status: 'engineer_humanities', topic: 'しごとをさがしたいです',
  },
  {
    tag: 'vi', short: 'vi', phone: true, name: 'NGUYEN VAN AN', kana: 'グエン・ヴァン・アン',
    status: 'specified_skilled_1', topic: 'Muon tim viec lam o Kobe',
  },
  {
    tag: 'pt-BR', short: 'pt', phone: false, name: 'JOAO GONCALVES', kana: 'ジョアン・ゴンサウヴェス',
    status: 'long_term_resident', topic: 'Quero mudar de emprego',
  },
];

/** The ICS property `name` of a calendar text, unfolded and unescaped. */
function icsProp(ics, name) {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const m = unfolded.match(new RegExp(`^${name}(?:;[^:\\n]*)?:(.*?)\\r?$`, 'm'));
  return m?.[1].replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');
}

for (const walk of WALKS) {
  test(`issue 16, NO-5, AC-4, AC-12: ${walk.tag}: switch → register with a residence-card name → verify → eligibility → book → mail in ${walk.tag} → cancel`, async () => {
    const w = words(walk.tag);
    const ja = words('ja');
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const userId = `loc.${walk.short}.${stamp}`;
    const email = `loc-${walk.short}-${stamp}@example.jp`;
    const number = `28011-${String((Date.now() + WALKS.indexOf(walk)) % 1e8).padStart(8, '0')}`;
    const password = 'Kobe-Motomachi#2026';
    const options = walk.phone ? PHONE : { viewport: { width: 1280, height: 900 } };
    // The browser asks for Japanese: the page's language must come from the switch.
    const context = await browser.newContext({ bypassCSP: true, locale: 'ja-JP', ...options });
    let page = await context.newPage();
    let booked = null;

    /** Every page: axe, `<html lang>`, and on a phone no sideways scrolling. */
    async function checked(p, lang = walk.tag) {
      await checkA11y(p);
      assert.equal(await p.getAttribute('html', 'lang'), lang, `<html lang> on ${p.url()}`);
      if (walk.phone) await fitsWidth(p);
    }
    /** Follows a link or sends a form by clicking `locator`; checks the page it leads to. */
    async function follow(p, locator, url) {
      const one = locator.first();
      assert.ok(await one.count(), `${locator} on ${p.url()}`);
      await Promise.all([p.waitForNavigation(url ? { url } : {}), walk.phone ? one.tap() : one.click()]);
      await checked(p);
    }
    const h1 = async (p) => (await p.textContent('h1')).trim();

    /** The mail client: the development mailbox in a tab of its own, the newest letter opened. */
    async function openMail(subject) {
      const mail = await context.newPage();
      const row = mail.locator('table tbody tr', { hasText: email }).filter({ hasText: subject }).first();
      await mail.goto(`${BASE}/dev/mail`);
      for (let i = 0; i < 60 && !(await row.count()); i++) {
        await mail.waitForTimeout(500);
        await mail.goto(`${BASE}/dev/mail`);
      }
      assert.ok(await row.count(), `a mail to ${email} with the subject "${subject}": ${await mail.textContent('main')}`);
      await checked(mail);
      await follow(mail, row.locator('a'), /\/dev\/mail\/./);
      assert.equal((await mail.textContent('article h2')).trim(), subject, 'the subject in the locale');
      return { mail, body: (await mail.textContent('article p.pre')).trim() };
    }

    try {
      // The top page, then the switch: the current language is not a link, the others are.
      await page.goto(`${BASE}/`);
      await checked(page, 'ja');
      await follow(page, page.locator(`nav.lang a[hreflang="${walk.tag}"]`), new RegExp(`[?&]lang=${escapeRe(walk.tag)}`));
      const current = page.locator('nav.lang [aria-current="true"]');
      assert.equal(await current.getAttribute('lang'), walk.tag);
      assert.equal((await current.textContent()).trim(), w.meta('locale-name'), 'the switch names it in itself');
      assert.equal(await h1(page), w.t('start-title'));

      // Register from the header, with the name as on the residence card (AC-4).
      await follow(page, page.locator('nav.account a[href="/register"]'), /\/register$/);
      assert.equal(await h1(page), w.t('register-title'));
      const form = page.locator('form[action="/register"]');
      const typed = {
        user_id: userId, name: walk.name, name_kana: walk.kana, address: '兵庫県神戸市中央区雲井通５－３－１',
        email, phone: '078-231-8609',
      };
      for (const [id, value] of Object.entries(typed)) await form.locator(`#${id}`).fill(value);
      await form.locator('#password').fill(password);
      await form.locator('#accept_terms').check();
      await follow(page, form.locator('button[type=submit]'), /\/register(\/sent)?$/);
      assert.match(page.url(), /\/register\/sent$/, `registered: ${await page.textContent('main')}`);
      assert.equal(await h1(page), w.t('sent-title'));

      // The verification mail, in the locale; its link opens in the mail client's tab.
      const verification = await openMail(w.mail('mail-verification-subject'));
      assert.ok(verification.body.includes(w.mail('mail-verification-body')), verification.body);
      assert.match(verification.body, w.pattern('mail', 'mail-greeting'));
      assert.equal(verification.body.match(w.pattern('mail', 'mail-greeting')).groups.name, walk.name);
      await follow(verification.mail, verification.mail.locator('article a[href*="/register/verify?token="]'),
        /\/register\/verify\?token=/);
      await page.close();
      page = verification.mail;
      await follow(page, page.locator('form[action="/register/verify"] button[type=submit]'));
      assert.equal(await h1(page), w.t('verified-title'));

      // Sign in from the page that says it is done.
      await follow(page, page.locator('main a[href="/sign-in"]'), /\/sign-in/);
      assert.equal(await h1(page), w.t('sign-in-title'));
      await page.fill('#user_id', userId);
      await page.fill('#password', password);
      await follow(page, page.locator('form[action="/sign-in"] button[type=submit]'), /\/me$/);
      assert.equal(await h1(page), w.t('me-title'));
      // Signed in, the switch is the account's setting: the one chosen before registering.
      assert.equal(await page.locator('nav.lang [aria-current="true"]').getAttribute('lang'), walk.tag,
        'the account keeps the language it registered in (mail follows it)');

      // AC-11, AC-12: My Page says what is missing, with the page that records it.
      await follow(page, page.locator('section.next-up .gate a[href^="/me/eligibility"]'), /\/me\/eligibility/);
      assert.equal(await h1(page), w.t('eligibility-title'));
      const jobForm = page.locator('form[action="/me/job-seeker"]');
      await jobForm.locator('#job_seeker_number').fill(number);
      await jobForm.locator('#job_seeker_expires').fill('2030-03-31');
      await follow(page, jobForm.locator('button[type=submit]'), /\/me\/job-seeker$/);
      assert.equal((await page.textContent('main [role=status]')).trim(), w.t('saved'), await page.textContent('main'));
      assert.equal(await page.inputValue('#job_seeker_number'), number);
      const residence = page.locator('form[action="/me/residence"]');
      await residence.locator('#nationality').selectOption('other');
      await residence.locator('#residence_status').selectOption(walk.status);
      await residence.locator('#stay_until').fill('2029-09-30');
      await follow(page, residence.locator('button[type=submit]'), /\/me\/residence$/);
      assert.equal((await page.textContent('main [role=status]')).trim(), w.t('saved'), await page.textContent('main'));
      assert.equal(await page.inputValue('#nationality'), 'other');
      assert.equal(await page.inputValue('#residence_status'), walk.status);
      assert.equal(await page.inputValue('#stay_until'), '2029-09-30');

      // Back to My Page: only the office's confirmation is left.
      await follow(page, page.locator('nav.account a[href="/me"]'), /\/me$/);
      const gate = page.locator('section.next-up .gate');
      assert.ok((await gate.textContent()).includes(w.t('blocker-registration_unconfirmed')), await gate.textContent());
      assert.equal(await gate.locator('li').count(), 1, `one thing left: ${await gate.textContent()}`);

      // At the office (Japanese, a context of its own): the counsellor confirms the number.
      const staffContext = await browser.newContext({ bypassCSP: true, locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
      try {
        const staff = await staffContext.newPage();
        await signInStaffAt(staff, SERVERS.base, 'counsellor');
        assert.equal(await staff.getAttribute('html', 'lang'), 'ja');
        await Promise.all([staff.waitForURL(/\/staff\/confirmations$/), staff.locator('main a[href="/staff/confirmations"]').first().click()]);
        await checkA11y(staff);
        const row = staff.locator('table tbody tr', { hasText: userId });
        assert.equal(await row.count(), 1, `${userId} waits for confirmation`);
        assert.ok((await row.textContent()).includes(walk.name), 'the name as typed');
        await Promise.all([staff.waitForNavigation(), row.locator('form button[type=submit]').click()]);
        await checkA11y(staff);
        assert.equal(await staff.getAttribute('html', 'lang'), 'ja');
      } finally {
        await staffContext.close();
      }
      // The person hears by mail, in their language although staff worked in Japanese.
      const told = await openMail(w.mail('mail-registration-confirmed-subject'));
      assert.ok(told.body.includes(w.mail('mail-registration-confirmed-body')), told.body);
      await told.mail.close();

      // My Page: nothing in the way; its button leads to the office's week.
      await follow(page, page.locator('nav.account a[href="/me"]'), /\/me$/);
      assert.equal(await page.locator('section.next-up .gate').count(), 0, await page.textContent('section.next-up'));
      await follow(page, page.locator('section.next-up a.button[href$="/book"]'), /\/offices\/28011\/book$/);
      assert.ok((await h1(page)).startsWith(w.t('book-title')), await h1(page));
      assert.equal(await page.locator('.gate').count(), 0, 'nothing in the way');

      // Pick a time in the week view: on a phone, a day with free times from the day strip.
      const slots = walk.phone ? page.locator('.week .day.selected a.slot') : page.locator('.week a.slot');
      for (let i = 0; i < 14 && !(await slots.count()); i++) {
        const open = page.locator('nav.day-strip a.day-link.st-open');
        if (walk.phone && (await open.count())) await follow(page, open, /day=/);
        else if (walk.phone) await follow(page, page.locator('.day-step > a.step:last-child'), /day=/);
        else await follow(page, page.locator('.week-nav > a.step:last-child'), /week=/);
      }
      const slot = slots.first();
      assert.ok(await slot.count(), 'a free time in the week view');
      const picked = (await slot.locator('.time').textContent()).trim();
      await follow(page, slot, /\/book\/\d+$/);
      assert.equal(await h1(page), w.t('book-form-title'));
      // AC-13: terms in force not yet accepted come first, as a gate with its fix.
      const terms = page.locator('.gate a[href^="/terms/"]');
      if (!(await page.locator('#topic').count()) && (await terms.count())) {
        await follow(page, terms, /\/terms\//);
        await follow(page, page.locator('form[action$="/accept"] button[type=submit]'), /\/book\/\d+$/);
      }
      assert.equal(await page.inputValue('#verify_name'), walk.name, 'the name as registered');
      await page.fill('#topic', walk.topic);
      await follow(page, page.locator('form[action^="/book/"] button[type=submit]'));
      assert.equal(await h1(page), w.t('booked-title'), await page.textContent('main'));
      assert.equal((await page.textContent('main [role=status]')).trim(), w.t('reservation-booked-status'));
      const facts = page.locator('dl.facts dd');
      const when = (await facts.nth(1).textContent()).trim();
      const office = (await facts.nth(2).textContent()).trim();
      assert.ok(when.includes(picked), `the time picked (${picked}): ${when}`);
      booked = (await page.locator('a[href$="/calendar.ics"]').getAttribute('href')).match(/reservations\/(\d+)\//)[1];

      // NO-1, NO-5: the confirmation mail in the account's language, word for word from mail.ftl.
      const letter = await openMail(w.mail('mail-booked-subject'));
      const greeting = letter.body.match(w.pattern('mail', 'mail-greeting'));
      assert.ok(greeting, `the greeting of ${walk.tag}: ${letter.body}`);
      assert.equal(greeting.groups.name, walk.name, 'the name as on the residence card');
      const body = letter.body.match(w.pattern('mail', 'mail-booked-body'));
      assert.ok(body, `mail-booked-body of ${walk.tag} in: ${letter.body}`);
      assert.ok(body.groups.when.includes(picked), `the time picked (${picked}): ${body.groups.when}`);
      assert.equal(body.groups.office, office, 'the office as the confirmation page names it');
      for (const id of ['mail-how-to-join', 'mail-to-prepare', 'mail-change-or-cancel']) {
        assert.ok(letter.body.includes(w.mail(id)), `${id} of ${walk.tag} in: ${letter.body}`);
      }
      // Nothing of the Japanese letter where the locale has its own words.
      if (walk.tag !== 'ja-x-easy') assert.ok(!letter.body.includes(ja.mail('mail-how-to-join')), letter.body);
      // The calendar file attached: its summary in the locale too.
      const ics = (await letter.mail.textContent('section.attachment pre')) ?? '';
      const summary = icsProp(ics, 'SUMMARY');
      const expected = w.pattern('mail', 'ics-consultation-summary');
      assert.match(summary ?? '', expected, `SUMMARY of ${walk.tag}: ${ics}`);
      assert.equal(summary.match(expected).groups.office, office);
      await letter.mail.close();

      // Leave the demo as it was: cancel from My Page, through its confirmation page.
      await follow(page, page.locator('nav.account a[href="/me"]'), /\/me$/);
      await follow(page, page.locator(`section.next-up a[href="/me/reservations/${booked}/cancel"]`), /\/cancel$/);
      assert.equal(await h1(page), w.t('cancel-confirm-title'));
      await follow(page, page.locator('main form button[type=submit]'), /\/me$/);
      booked = null;
      assert.ok((await page.textContent('section.next-up')).includes(w.t('next-none')), await page.textContent('section.next-up'));
      const cancelled = await openMail(w.mail('mail-cancelled-subject'));
      assert.match(cancelled.body, w.pattern('mail', 'mail-cancelled-body'));
      await cancelled.mail.close();
    } finally {
      if (booked) {
        // The walk failed after booking: give the time back all the same.
        const cleanup = await context.newPage();
        await cleanup.goto(`${BASE}/me/reservations/${booked}/cancel`).catch(() => {});
        await cleanup.locator('main form button[type=submit]').click().catch(() => {});
      }
      await context.close();
    }
  });
}
