// Issue 18: an online interview with an employer (rules IV-1, IV-4, IV-5), on the server with
// the test clock, in Japanese and in English, axe on every page. The demo counsellor walks
// from the console home to the interviews page and arranges one for a demo job seeker; the
// job seeker accepts it on My Page sharing the phone only; the employer opens the link mailed
// to them (read from the development mailbox) in a second browser context and sees the name
// and the phone but not the address; a third browser is refused the same link; the clock
// moves past the start, the counsellor records the outcome, and My Page shows it.
// Named to run last of the files on the shared test-clock server: it moves that clock days
// ahead to pass the interview's start, which would leave later files without free times.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, launch, newPage } from './lib.mjs';
import { MINUTE, SERVERS, go, jstDate, moveTo, serverNow, signInSeeker, signInStaffAt, submitted } from './flows.mjs';

const { clock: CLOCK } = SERVERS;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SEEKER = { ja: 'demo.seeker', en: 'demo.seeker2' };
const WORDS = {
  ja: {
    link: '面接の設定と結果', arrange: '面接を設定する', arranged: '面接を設定しました', accept: /^承諾する/,
    proposed: '回答待ち', accepted: '承諾済み', open: '詳細', employerTitle: 'オンライン面接のご案内',
    notShared: '求職者が共有を選んでいません', used: '使用済み', record: '記録する', hired: '採用', saved: '結果を記録しました',
  },
  en: {
    link: 'Interviews: arrange and record results', arrange: 'Arrange an interview', arranged: 'The interview is arranged',
    accept: /^Accept/, proposed: 'Awaiting answer', accepted: 'Accepted', open: 'Details',
    employerTitle: 'オンライン面接のご案内', notShared: 'The job seeker chose not to share this', used: 'used',
    record: 'Record', hired: 'Hired', saved: 'The result is recorded',
  },
};
const EMPLOYER = { ja: '株式会社みなと製作所', en: 'Minato Works Co.' };
const CONTACT = { ja: 'saiyo.ja@minato.example.jp', en: 'saiyo.en@minato.example.jp' };

/** Arranges on the first day from `from` (ms) the office accepts at `time`; the interview's page. */
async function arrange(page, lang, from, time) {
  const w = WORDS[lang];
  for (let d = 0; d < 20; d++) {
    const day = jstDate(from + d * 24 * 60 * MINUTE);
    await page.fill('#seeker', SEEKER[lang]);
    await page.fill('#employer_name', EMPLOYER[lang]);
    await page.fill('#contact_name', 'Saiyo Tanto');
    await page.fill('#contact_email', CONTACT[lang]);
    await page.fill('#job_number', '28010-12345678');
    await page.fill('#job_title', lang === 'ja' ? '機械オペレーター' : 'Machine operator');
    await page.fill('#date', day);
    await page.fill('#time', time);
    await submitted(page, () => page.locator('form[action="/staff/interviews"] button[type=submit]').click());
    if (/\/staff\/interviews\/\d+/.test(new URL(page.url()).pathname)) {
      assert.match(await page.textContent('[role=status]'), new RegExp(w.arranged));
      return { url: page.url().split('?')[0], day };
    }
    // A closed day (a weekend, a holiday, the demo closure) keeps every value typed.
    assert.equal(await page.inputValue('#employer_name'), EMPLOYER[lang]);
    assert.equal(await page.inputValue('#date'), day);
  }
  throw new Error('no open day to arrange an interview on');
}

/** The newest mail to `to` in the clock server's development mailbox, as text. */
async function mailTo(page, to) {
  const row = page.locator('table tbody tr', { hasText: to }).first();
  await go(page, CLOCK, '/dev/mail');
  for (let i = 0; i < 60 && !(await row.count()); i++) {
    await page.waitForTimeout(500);
    await go(page, CLOCK, '/dev/mail');
  }
  assert.ok(await row.count(), `a mail to ${to}`);
  await submitted(page, () => row.locator('a').first().click());
  return page.textContent('main');
}

for (const lang of ['ja', 'en']) {
  test(`interview: arrange, accept, employer link, outcome (${lang})`, async () => {
    const w = WORDS[lang];
    const staff = await newPage(browser);
    await signInStaffAt(staff, CLOCK, 'counsellor', lang);
    await submitted(staff, () => staff.getByRole('link', { name: w.link }).click());
    assert.equal(new URL(staff.url()).pathname, '/staff/interviews');
    const now = await serverNow(staff, CLOCK);
    await go(staff, CLOCK, `/staff/interviews?lang=${lang}`);
    const time = lang === 'ja' ? '10:00' : '11:00';
    const interview = await arrange(staff, lang, now + 2 * 24 * 60 * MINUTE, time);
    assert.match(await staff.textContent('#interview-state'), new RegExp(w.proposed));

    // IV-1, IV-5: the job seeker accepts on My Page, sharing the phone only.
    const seeker = await newPage(browser);
    await signInSeeker(seeker, CLOCK, SEEKER[lang], lang);
    await checkA11y(seeker);
    const item = seeker.locator('ul.my-interviews > li', { hasText: EMPLOYER[lang] }).first();
    await item.locator('input[name=share_phone]').check();
    await submitted(seeker, () => item.getByRole('button', { name: w.accept }).click());
    assert.match(await seeker.locator('ul.my-interviews > li', { hasText: EMPLOYER[lang] }).first().textContent(),
      new RegExp(w.accepted));

    // The employer's mail, then the link in a browser of their own.
    const mailbox = await newPage(browser);
    const text = await mailTo(mailbox, CONTACT[lang]);
    const link = text.match(/https?:\/\/[^\s"<]+\/interviews\/join\/[A-Za-z0-9_-]+/);
    assert.ok(link, 'the link is in the mail');
    const path = new URL(link[0]).pathname;
    const employer = await newPage(browser, { locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
    await go(employer, CLOCK, `${path}?lang=${lang}`);
    await submitted(employer, () => employer.locator('main form button[type=submit]').click());
    assert.match(new URL(employer.url()).pathname, /^\/interviews\/\d+\/employer$/);
    assert.match(await employer.textContent('#seeker-name'), /見本/);
    assert.match(await employer.textContent('#seeker-phone'), /078-231-8609/);
    assert.ok((await employer.textContent('main')).includes(w.notShared), 'the address is not shown');
    // The same browser may come back; another browser is refused.
    await employer.reload();
    await checkA11y(employer);
    const other = await newPage(browser);
    await go(other, CLOCK, `${path}?lang=${lang}`);
    await submitted(other, () => other.locator('main form button[type=submit]').click());
    assert.ok((await other.textContent('main')).includes(w.used), 'a second browser is refused');

    // IV-4: after the start, the counsellor records the outcome; My Page shows it.
    const starts = Date.parse(`${interview.day}T${time}:00+09:00`);
    await moveTo(staff, starts + 5 * MINUTE);
    await signInStaffAt(staff, CLOCK, 'counsellor', lang);
    await go(staff, CLOCK, new URL(interview.url).pathname + `?lang=${lang}`);
    await staff.locator('input[name=outcome][value=hired]').check();
    await submitted(staff, () => staff.locator('form[action$="/outcome"] button[type=submit]').click());
    assert.match(await staff.textContent('[role=status]'), new RegExp(w.saved));
    assert.match(await staff.textContent('#interview-outcome'), new RegExp(w.hired));
    // The clock moved past the sessions' idle limit: the job seeker signs in again.
    await signInSeeker(seeker, CLOCK, SEEKER[lang], lang);
    assert.match(await seeker.locator('ul.my-interviews > li', { hasText: EMPLOYER[lang] }).first().textContent(),
      new RegExp(w.hired));
    for (const p of [staff, seeker, mailbox, employer, other]) await p.context().close();
  });
}
