// Issue 12: every staff form and every job-seeker form with typed values, sent through the
// browser with one bad field (a character N10 lacks such as ① or 髙 (AC-4), a closed day,
// a time outside the office's hours, a number out of range, a malformed number…): every
// other value comes back as typed (never a password), the bad field is marked with its
// problem beside it, and the summary above the form (or, on the day page, the card's alert)
// names the field by its label. In Japanese, many in English too; axe on every page.
// Left out: sign-in and buttons without typed values (confirm, lock, withdraw, accept the
// terms), the seminar and closure forms (their own tests) and the reset form (token mail).
// SCREENSHOTS=dir saves the refused forms fixed by issue 12 at 390 and 1280 px.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage } from './lib.mjs';
import {
  SEEKER_PASSWORD, SERVERS, bookThroughForm, freeSlots, go, jstDate, jstTime, screenshots, setBookingMode,
  signInSeeker, signInStaffAt, submitted,
} from './flows.mjs';

const BASE = SERVERS.base;
const SEEKER = 'demo.seeker2';
let browser;
/** One signed-in page per staff role and one for the job seeker, shared by the cases. */
const pages = {};
/** What the set-up made: a consultation of the job seeker, a request, the office's mode. */
const made = { mode: 'direct' };

async function pageFor(who) {
  if (pages[who]) return pages[who];
  const page = await newPage(browser);
  if (who === 'seeker') await signInSeeker(page, BASE, SEEKER);
  else if (who !== 'visitor') await signInStaffAt(page, BASE, who);
  pages[who] = page;
  return page;
}

/** BK-7: the office's booking mode for the next case (switched back in `after`). */
function mode(wanted) {
  if (made.mode !== wanted) setBookingMode(BASE, '28011', wanted);
  made.mode = wanted;
}

/**
 * The job seeker books a consultation on a day with a second free slot among the 40 the
 * staff pages offer, from the end so other tests' first free slots stay free: its card on
 * the day page, its slot on the slot page, its checklist; the second slot is where staff
 * cannot schedule that person's request (BK-4).
 */
before(async () => {
  browser = await launch();
  const seeker = await pageFor('seeker');
  const mine = await (await seeker.request.get(`${BASE.url}/api/v1/reservations`)).json();
  const busy = new Set(mine.filter((r) => r.state === 'confirmed').map((r) => jstDate(Date.parse(r.start))));
  const offered = (await freeSlots(seeker, BASE)).slice(0, 40);
  const byDay = new Map();
  for (const s of offered) byDay.set(jstDate(s.start), [...(byDay.get(jstDate(s.start)) ?? []), s]);
  const [day, slots] = [...byDay].reverse().find(([d, s]) => s.length >= 2 && !busy.has(d));
  assert.match(await bookThroughForm(seeker, BASE, slots[0].id), /予約が確定しました/);
  const now = await (await seeker.request.get(`${BASE.url}/api/v1/reservations`)).json();
  const booked = now.find((r) => r.state === 'confirmed' && Date.parse(r.start) === slots[0].start);
  const free = offered.find((s) => jstDate(s.start) !== day && !busy.has(jstDate(s.start)));
  Object.assign(made, { day, slot: slots[0], other: slots[1], reservation: booked.id, free });
});

after(async () => {
  try {
    // The request made for the staff's request forms is declined; the consultation cancelled.
    if (made.request) {
      const staff = await pageFor('counsellor');
      await go(staff, BASE, '/staff/requests?lang=ja');
      const decline = staff.locator(`form[action="/staff/requests/${made.request}/decline"]`);
      if (await decline.count()) {
        await decline.locator('textarea').fill('試験のため');
        await submitted(staff, () => decline.locator('button').click());
      }
    }
    const seeker = await pageFor('seeker');
    await go(seeker, BASE, '/me');
    const cancel = seeker.locator(`form[action="/me/reservations/${made.reservation}/cancel"] button`);
    if (await cancel.count()) await submitted(seeker, () => cancel.click());
  } finally {
    if (made.mode !== 'direct') setBookingMode(BASE, '28011', 'direct');
    await browser?.close();
  }
});

/** The next Saturday from a week ahead: office 28011 is closed on Saturdays (TM-2). */
function saturday() {
  const d = new Date(Date.now() + 9 * 3600e3 + 7 * 86400e3);
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const inDays = (n) => new Date(Date.now() + 9 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);

/** A character N10 lacks, as the message names it (AC-4). */
const N10 = {
  ja: (pos, ch) => new RegExp(`^${pos}文字目の「${ch}」（U\\+[0-9A-F]{4}）は使用できません。`),
  en: (pos, ch) => new RegExp(`^Character ${pos}, "${ch}" \\(U\\+[0-9A-F]{4}\\), cannot be used\\.`),
};

/**
 * The forms. `who` signs in ('seeker', 'visitor' or a staff role), `path` is the page,
 * `typed` the values by element id (select and radio values, `on` for a ticked box), `bad`
 * the id of the one field that is wrong and `expect` what its problem says. `noValidate`
 * sends what the browser's own checks (min, max, required) would stop, to reach the
 * server's; `blank` are fields never drawn again (passwords); `label` overrides the field's
 * label where the summary calls it otherwise; `named` replaces the summary check where the
 * page answers elsewhere (the day page's card); `shot` names the screenshots.
 */
const CASES = [
  // --- Staff: slots and the office's booking policy (BK-1, BK-2, BK-3)
  { name: 'weekly slot template: a time the office is closed', who: 'office_admin', path: '/staff/slots',
    typed: { weekday: '1', starts: '18:00', app: 'teleoffice', capacity: '2' }, bad: 'starts',
    expect: { ja: /開庁時間外/, en: /./ }, langs: ['ja', 'en'] },
  { name: 'one-off slot: a closed day', who: 'office_admin', path: '/staff/slots',
    typed: () => ({ 'one-day': saturday(), 'one-starts': '10:30', 'one-app': 'e_tumo', 'one-capacity': '3' }),
    bad: 'one-day', expect: { ja: /休所日/ } },
  { name: 'booking policy: a cut-off of 20 days', who: 'office_admin', path: '/staff/slots', noValidate: true,
    typed: { cutoff_days: '20', horizon_days: '25' }, bad: 'cutoff_days' },
  // MT-3: the office's grace period for its built-in rooms, 0 to 60 minutes.
  { name: 'room grace period: 61 minutes', who: 'office_admin', path: '/staff/slots', noValidate: true,
    typed: { grace_minutes: '61' }, bad: 'grace_minutes', expect: { ja: /0〜60/, en: /0 to 60/ }, langs: ['ja', 'en'] },
  { name: 'removing a booked slot: the reason', who: 'office_admin', path: '/staff/slots',
    typed: () => ({ [`reason-${made.slot.id}`]: '庁舎の都合①' }), bad: () => `reason-${made.slot.id}`,
    expect: { ja: N10.ja(6, '①') } },
  // --- Staff: notices, maintenance, terms (NT-1…NT-3)
  { name: 'office notice', who: 'office_admin', path: '/staff/notices', langs: ['ja', 'en'],
    typed: { kind: 'information', title: '窓口のご案内①', body: '受付時間が変わります。', publish_from: '2027-01-05T09:00',
      publish_until: '2027-01-20T17:00' }, bad: 'title', expect: { ja: N10.ja(7, '①'), en: N10.en(7, '①') } },
  { name: 'maintenance switch', who: 'national_admin', path: '/staff/notices',
    typed: { mode: 'read_only', 'switch-title': '点検①', 'switch-body': '点検中は閲覧のみです。' }, bad: 'switch-title',
    expect: { ja: N10.ja(3, '①') } },
  { name: 'new terms: no version', who: 'national_admin', path: '/staff/notices', noValidate: true,
    typed: { 'terms-service': 'seminar', 'terms-version': '', 'terms-effective': '2027-02-01T00:00',
      'terms-body': 'セミナー利用規約（第2版）' }, bad: 'terms-version' },
  // --- Staff: people (PV-4, N15, BK-4, BK-12 in staff_flows), staff accounts
  { name: 'console look-up: nobody by that ID', who: 'counsellor', path: '/staff',
    typed: { user_id: 'nobody.here', purpose: 'phone' }, bad: 'user_id', langs: ['ja', 'en'] },
  { name: 'console suspension: the reason', who: 'counsellor', path: `/staff/seekers?user_id=${SEEKER}&purpose=counter`,
    typed: { reason: '迷惑行為①' }, bad: 'reason', expect: { ja: N10.ja(5, '①') } },
  { name: 'second consultation on a day: the reason', who: 'counsellor', langs: ['ja', 'en'], shot: 'second',
    path: `/staff/seekers?user_id=${SEEKER}&purpose=counter`,
    typed: () => ({ 'second-day': inDays(20), 'second-reason': '通訳の都合で分ける①' }), bad: 'second-reason',
    expect: { ja: N10.ja(10, '①'), en: N10.en(10, '①') } },
  { name: 'deleting a registration: the reason', who: 'office_admin', path: `/staff/seekers/${SEEKER}/delete`,
    langs: ['ja', 'en'], shot: 'delete', typed: { reason: '本人から髙の申出' }, bad: 'reason',
    expect: { ja: N10.ja(5, '髙'), en: N10.en(5, '髙') } },
  { name: 'new staff account: the name', who: 'office_admin', path: '/staff/members',
    typed: { role: 'counsellor', office: '28011', user_id: 'kobe.newcomer', name: '髙橋 一郎' }, bad: 'name',
    expect: { ja: N10.ja(1, '髙') } },
  // --- Staff: the day page (BK-9, BK-16); its answer is on the consultation's card
  { name: 'day page meeting details: an http:// join URL', who: 'counsellor', langs: ['ja', 'en'],
    path: () => `/staff/day?date=${made.day}`,
    typed: () => ({ [`meeting_id-${made.reservation}`]: '812 3456 7890', [`passkey-${made.reservation}`]: 'k0be',
      [`join_url-${made.reservation}`]: 'http://zoom.example/j/1' }),
    bad: () => `join_url-${made.reservation}`, errorId: () => `join_url-${made.reservation}-error`,
    expect: { ja: /https:\/\/ で始めて/, en: /must start with https:\/\// }, named: namedOnCard },
  { name: 'day page cancellation by the office: the reason', who: 'counsellor', langs: ['ja', 'en'], shot: 'day-note',
    path: () => `/staff/day?date=${made.day}`, open: () => `#office-cancel-${made.reservation}`,
    typed: () => ({ [`office-cancel-${made.reservation}`]: '庁舎の都合①', [`confirm-office-cancel-${made.reservation}`]: 'on' }),
    bad: () => `office-cancel-${made.reservation}`, errorId: () => `office-cancel-${made.reservation}-error`,
    expect: { ja: N10.ja(6, '①'), en: N10.en(6, '①') }, named: namedOnCard },
  // --- Staff: records (PV-2, PV-4, PV-5)
  { name: 'disclosure export: the authority', who: 'national_admin', path: '/staff/disclosures',
    typed: { legal_basis: '刑事訴訟法第197条第2項に基づく照会', authority: '兵庫県警①', subject: SEEKER, from: '2026-11-01',
      until: '2026-11-27', format: 'json' }, bad: 'authority', expect: { ja: N10.ja(5, '①') } },
  { name: 'statistics period: the end before the start', who: 'national_admin', path: '/staff/stats',
    typed: { from: '2026-12-31', to: '2026-12-01' }, bad: 'to' },
  // --- Job seeker: registration, eligibility, booking, password, deletion, checklist
  { name: 'registration: the phone number', who: 'visitor', path: '/register', langs: ['en'],
    typed: { user_id: 'e2e.all.forms', name: 'Hanako Takahashi', name_kana: 'タカハシ ハナコ',
      address: '兵庫県神戸市中央区雲井通５－３－１', email: 'all.forms@example.jp', phone: '078-231-86O9', password: 'Kobe-Sannomiya#2026',
      accept_terms: 'on' }, bad: 'phone', blank: ['password'] },
  { name: 'job-seeker number: malformed', who: 'seeker', path: '/me/eligibility', langs: ['ja', 'en'],
    typed: { job_seeker_number: '28011-12', job_seeker_expires: '2027-12-31' }, bad: 'job_seeker_number' },
  { name: 'residence: a status is needed', who: 'seeker', path: '/me/eligibility',
    typed: { nationality: 'other', residence_status: '', stay_until: '2027-06-30' }, bad: 'residence_status' },
  { name: 'booking: the companion', who: 'seeker', path: () => `/book/${made.free.id}`, langs: ['ja', 'en'],
    typed: { verify_name: '見本 次郎', verify_number: '28011-00012346', topic: '事務職への転職について', companion: '手話通訳者①' },
    bad: 'companion', expect: { ja: N10.ja(6, '①'), en: N10.en(6, '①') } },
  { name: 'password change: a new password too short', who: 'seeker', path: '/me/password', langs: ['ja', 'en'],
    typed: { current_password: SEEKER_PASSWORD, new_password: 'short#1' }, bad: 'new_password',
    blank: ['current_password', 'new_password'], expect: { ja: /12文字以上/ } },
  { name: 'deleting my registration: a wrong password', who: 'seeker', path: '/me/delete',
    typed: { current_password: 'Not-my-password#2026' }, bad: 'current_password', blank: ['current_password'] },
  { name: 'checklist before joining: one box left', who: 'seeker', langs: ['ja', 'en'], shot: 'checklist',
    path: () => `/me/reservations/${made.reservation}/prepare`,
    typed: { 'check-private_room': 'on', 'check-os_updated': 'on', 'check-firewall_on': 'on', 'check-antivirus_updated': 'on',
      'check-no_file_sharing': '' }, bad: 'check-no_file_sharing' },
  // --- Requests (BK-7, C6-2, C6-3): the office takes requests for these
  { name: 'request form: the topic', who: 'seeker', path: '/offices/28011/request', mode: 'request', langs: ['ja', 'en'],
    shot: 'request', typed: () => ({ day1: jstDate(made.other.start), time1: jstTime(made.other.start),
      day2: jstDate(made.free.start), time2: jstTime(made.free.start), topic: '応募書類①の書き方' }),
    bad: 'topic', expect: { ja: N10.ja(5, '①'), en: N10.en(5, '①') } },
  { name: 'scheduling a request: a day the person already has one', who: 'counsellor', path: '/staff/requests',
    mode: 'request', prepare: sendRequest, typed: () => ({ [`slot-${made.request}`]: String(made.other.id) }),
    bad: () => `slot-${made.request}`, expect: { ja: /1日1件まで/ } },
  { name: 'declining a request: the reason', who: 'counsellor', path: '/staff/requests', mode: 'request',
    langs: ['ja', 'en'], shot: 'decline', prepare: sendRequest,
    typed: () => ({ [`reason-${made.request}`]: 'ご希望の時間に空きがないため①' }), bad: () => `reason-${made.request}`,
    expect: { ja: N10.ja(15, '①'), en: N10.en(15, '①') } },
];

/** The job seeker asks for the second slot's time, on the day of their consultation. */
async function sendRequest() {
  if (made.request) return;
  const seeker = await pageFor('seeker');
  await go(seeker, BASE, '/offices/28011/request?lang=ja');
  await seeker.selectOption('#day1', jstDate(made.other.start));
  await seeker.selectOption('#time1', jstTime(made.other.start));
  await seeker.fill('#topic', 'forms_all の申込み');
  await submitted(seeker, () => seeker.locator('form[action="/offices/28011/request"] button[type=submit]').click());
  const staff = await pageFor('counsellor');
  await go(staff, BASE, '/staff/requests');
  const action = await staff.locator('section').filter({ hasText: 'forms_all の申込み' })
    .locator('form[action$="/decline"]').getAttribute('action');
  made.request = action.split('/')[3];
}

/**
 * The day page answers on the consultation's card: the problem sits in the field with its
 * label, and the card's alert says what happened (naming the field when it is the note).
 */
async function namedOnCard(page, bad, label, problem) {
  const field = page.locator('.field.has-error').filter({ has: page.locator(`#${bad}`) });
  assert.ok((await field.locator(`label[for="${bad}"]`).textContent()).includes(label));
  assert.ok((await field.textContent()).includes(problem), 'the problem is in the labelled field');
  const alert = await page.locator(`#r${made.reservation} [role=alert]`).textContent();
  if (alert.includes(label)) assert.ok(alert.includes(problem), `${alert} says ${problem}`);
  else assert.match(alert, /下に示した項目|field shown below/);
}

const value = (c, key) => (typeof c[key] === 'function' ? c[key]() : c[key]);
const withLang = (path, lang) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/** What kind of control the element with `id` is: radio (a fieldset), select, checkbox, other. */
function kindOf(page, id) {
  return page.evaluate((id) => {
    const e = document.getElementById(id);
    if (e.tagName === 'FIELDSET') return 'radio';
    return e.tagName === 'SELECT' ? 'select' : e.type;
  }, id);
}

async function fill(page, id, v) {
  const kind = await kindOf(page, id);
  if (kind === 'radio') await page.check(`#${id}-${v}`);
  else if (kind === 'select') await page.selectOption(`#${id}`, { value: v });
  else if (kind === 'checkbox') await page.setChecked(`#${id}`, v === 'on');
  else await page.fill(`#${id}`, v);
}

/** The value the element would send: a radio group's choice, `on` for a ticked box. */
function valueOf(page, id) {
  return page.evaluate((id) => {
    const e = document.getElementById(id);
    if (e.tagName === 'FIELDSET') return e.querySelector('input:checked')?.value ?? '';
    if (e.type === 'checkbox') return e.checked ? 'on' : '';
    return e.value;
  }, id);
}

/** The field's label (or legend) as the page shows it, without the "required" mark. */
function labelOf(page, id) {
  return page.evaluate((id) => {
    const e = document.getElementById(id);
    const l = e.tagName === 'FIELDSET' ? e.querySelector('legend') : document.querySelector(`label[for="${id}"]`);
    const copy = l.cloneNode(true);
    copy.querySelectorAll('.req, input').forEach((n) => n.remove());
    return copy.textContent.trim();
  }, id);
}

for (const c of CASES) {
  for (const lang of c.langs ?? ['ja']) {
    test(`${c.name}, ${lang}`, async () => {
      mode(c.mode ?? 'direct');
      if (c.prepare) await c.prepare();
      const page = await pageFor(c.who);
      await go(page, BASE, withLang(value(c, 'path'), lang));
      const bad = value(c, 'bad');
      const typed = value(c, 'typed');
      if (c.open) {
        await page.locator('details').filter({ has: page.locator(value(c, 'open')) }).locator('summary').click();
      }
      for (const [id, v] of Object.entries(typed)) await fill(page, id, v);
      const form = page.locator('form').filter({ has: page.locator(`#${bad}`) });
      assert.equal(await form.count(), 1, `one form holds #${bad}`);
      if (c.noValidate) await form.evaluate((f) => { f.noValidate = true; });
      await submitted(page, () => form.locator('button[type=submit], button:not([type])').last().click());

      // Every value as typed (passwords never), the bad one included.
      for (const [id, v] of Object.entries(typed)) {
        const expected = (c.blank ?? []).includes(id) ? '' : v;
        assert.equal(await valueOf(page, id), expected, `#${id} after the refusal`);
      }
      // The bad field: marked, its problem beside it, named by its label above the form.
      const errorId = value(c, 'errorId') ?? `${bad}-error-1`;
      const problem = (await page.textContent(`#${errorId}`)).trim();
      assert.ok(problem.length > 0, `#${errorId} says what is wrong`);
      if (c.expect?.[lang]) assert.match(problem, c.expect[lang]);
      assert.doesNotMatch(problem, /problem-|field-/, 'words, never message ids');
      const marked = page.locator(`#${bad}`);
      if ((await kindOf(page, bad)) !== 'radio') assert.equal(await marked.getAttribute('aria-invalid'), 'true');
      assert.ok((await marked.getAttribute('aria-describedby')).split(' ').includes(errorId), 'the problem is read with it');
      const label = c.label?.[lang] ?? (await labelOf(page, bad));
      if (c.named) {
        await c.named(page, bad, label, problem);
      } else {
        const line = await page.textContent(`#error-summary a[href="#${bad}"]`);
        assert.ok(line.includes(label), `the summary names ${label}: ${line}`);
        assert.ok(line.includes(problem), `the summary says ${problem}: ${line}`);
      }
      if (c.shot) await screenshots(page, `refused-${c.shot}-${lang}`);
    });
  }
}
