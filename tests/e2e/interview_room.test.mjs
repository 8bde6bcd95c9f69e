// An interview in the built-in room (rules IV-3, MT-3, IV-4) in Chromium with fake camera
// and microphone, on a test-clock server of its own, in Japanese and in English; the pages
// keep the product's CSP and axe checks each one. The counsellor arranges a built-in
// interview, the job seeker accepts it on My Page, the employer opens the mailed link in a
// browser of their own, and the three meet in the room: the counsellor admits the job
// seeker and the employer from the waiting room, and every peer connection reaches
// "connected". The interview's page shows each side's attendance as recorded by the room;
// the counsellor records the outcome and My Page shows it. A last test seats five (the
// second representative by the staff form, a companion by the counsellor's link) and
// prints what the machine spent on it (docs/performance.md, "An interview room of five").
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { launch } from './lib.mjs';
import { axeStrict, connected, moveTo, serverNow, signInCounsellor, signInSeeker, startServer, stopAll, videoFlows } from './room-lib.mjs';

const MINUTE = 60_000;
let browser;
let server;
before(async () => {
  browser = await launch({ media: true });
  server = await startServer();
});
after(async () => {
  await browser?.close();
  stopAll();
});

const SEEKER = { ja: 'demo.seeker', en: 'demo.seeker2' };
const WORDS = {
  ja: { title: '面接ルーム', waiting: /待合室/, hired: '採用', join: '面接ルームに入る',
    joined: { seeker: 'ルームに参加 (求職者)', employer: 'ルームに参加 (企業担当者1)', staff: 'ルームに参加 (職員)' } },
  en: { title: 'Interview room', waiting: /waiting room/i, hired: 'Hired', join: 'Join the interview room',
    joined: { seeker: 'Joined the room (job seeker)', employer: 'Joined the room (employer representative 1)',
      staff: 'Joined the room (staff)' } },
};
const jstDate = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10);
const context = (locale, width = 1280) => browser.newContext({ locale, viewport: { width, height: 900 } });

async function submit(page, action) {
  await Promise.all([page.waitForNavigation(), action()]);
}

/** Arranges a built-in interview with a counsellor on the first open day from `from` at `time`. */
async function arrange(page, lang, from, time, contact) {
  const { base } = server;
  for (let d = 0; d < 20; d++) {
    const day = jstDate(from + d * 24 * 60 * MINUTE);
    await page.goto(`${base}/staff/interviews?lang=${lang}`);
    await page.fill('#seeker', SEEKER[lang]);
    await page.fill('#employer_name', '株式会社みなと製作所');
    await page.fill('#contact_name', 'Saiyo Tanto');
    await page.fill('#contact_email', contact);
    await page.fill('#job_number', '28010-12345678');
    await page.fill('#job_title', lang === 'ja' ? '機械オペレーター' : 'Machine operator');
    await page.fill('#date', day);
    await page.fill('#time', time);
    await page.locator('input[name=app][value=builtin]').check();
    await page.locator('input[name=counsellor]').check();
    await submit(page, () => page.locator('form[action="/staff/interviews"] button[type=submit]').click());
    const m = new URL(page.url()).pathname.match(/^\/staff\/interviews\/(\d+)$/);
    if (m) return { id: Number(m[1]), start: Date.parse(`${day}T${time}:00+09:00`) };
  }
  throw new Error('no open day to arrange an interview on');
}

/** The newest link to `/interviews/join/…` mailed to `to`, from the development mailbox. */
async function mailedLink(page, to) {
  const row = page.locator('table tbody tr', { hasText: to }).first();
  for (let i = 0; i < 60; i++) {
    await page.goto(`${server.base}/dev/mail`);
    if (await row.count()) break;
    await page.waitForTimeout(500);
  }
  await submit(page, () => row.locator('a').first().click());
  const link = (await page.textContent('main')).match(/https?:\/\/[^\s"<]+\/interviews\/join\/[A-Za-z0-9_-]+/);
  assert.ok(link, `a link in the mail to ${to}`);
  return new URL(link[0]).pathname;
}

/** Opens the mailed link in a browser of its own and goes into the room from the employer's page. */
async function employerEnters(lang, path, id) {
  const ctx = await context(lang === 'ja' ? 'ja-JP' : 'en-GB');
  const page = await ctx.newPage();
  await page.goto(`${server.base}${path}?lang=${lang}`);
  await axeStrict(page);
  await submit(page, () => page.locator('main form button[type=submit]').click());
  assert.match(new URL(page.url()).pathname, new RegExp(`^/interviews/${id}/employer$`));
  await axeStrict(page);
  await submit(page, () => page.click('#join-room'));
  assert.equal(new URL(page.url()).pathname, `/rooms/i${id}`);
  await page.waitForFunction(() => document.getElementById('preview')?.srcObject);
  await axeStrict(page);
  await page.click('#join');
  return page;
}

/** The job seeker accepts on My Page, then (at the time) enters from My Page through the checklist. */
async function seekerAccepts(page, lang) {
  const { base } = server;
  await signInSeeker(page, base, SEEKER[lang], lang);
  await page.goto(`${base}/me?lang=${lang}`);
  const item = page.locator('ul.my-interviews > li', { hasText: '株式会社みなと製作所', has: page.locator('form[action$="/accept"]') }).first();
  await submit(page, () => item.locator('form[action$="/accept"] button[type=submit]').click());
}

async function seekerEnters(page, lang, id) {
  const { base } = server;
  await signInSeeker(page, base, SEEKER[lang], lang);
  await page.goto(`${base}/me?lang=${lang}`);
  await axeStrict(page);
  await submit(page, () => page.click(`a[href="/rooms/i${id}"]`));
  assert.equal((await page.textContent('h1')).trim(), WORDS[lang].title);
  await axeStrict(page);
  for (const box of await page.locator('form[action$="/checklist"] input[type=checkbox]').all()) await box.check();
  await submit(page, () => page.locator('form[action$="/checklist"] button').click());
  await page.waitForFunction(() => document.getElementById('preview')?.srcObject);
  // C12-2, BK-15: no recording, said on the page.
  assert.match(await page.textContent('main'), lang === 'ja' ? /録画/ : /record/i);
  await axeStrict(page);
  await page.click('#join');
  await page.waitForFunction((re) => new RegExp(re, 'i').test(document.getElementById('room-status').textContent),
    WORDS[lang].waiting.source);
}

/** The counsellor enters from the interview's page and admits everyone waiting, one by one. */
async function counsellorAdmits(page, lang, id, n) {
  const { base } = server;
  await page.goto(`${base}/staff/interviews/${id}?lang=${lang}`);
  await axeStrict(page);
  await submit(page, () => page.click('#join-room'));
  await page.waitForFunction(() => document.getElementById('preview')?.srcObject);
  await page.click('#join');
  const admit = page.locator('#waiting-list button');
  for (let i = 0; i < n; i++) {
    await admit.first().waitFor({ timeout: 30_000 });
    const before = await admit.count();
    if (i === 0) await axeStrict(page);
    await admit.first().click();
    await page.waitForFunction((b) => document.querySelectorAll('#waiting-list button').length < b, before);
  }
}

for (const lang of ['ja', 'en']) {
  test(`an interview in the built-in room: counsellor, job seeker and employer connected (${lang})`, async () => {
    const { base, stdout } = server;
    const contact = `saiyo.room.${lang}@minato.example.jp`;
    const staffCtx = await context(lang === 'ja' ? 'ja-JP' : 'en-US');
    const staff = await staffCtx.newPage();
    await signInCounsellor(staff, base, stdout);
    const now = await serverNow(staff, base);
    const { id, start } = await arrange(staff, lang, now + 2 * 24 * 60 * MINUTE, lang === 'ja' ? '10:00' : '11:00', contact);
    await axeStrict(staff);

    const seekerCtx = await context(lang === 'ja' ? 'ja-JP' : 'en-US', 390);
    const seeker = await seekerCtx.newPage();
    await seekerAccepts(seeker, lang);

    // Five minutes before the start: everyone signs in again (the clock moved) and enters.
    await moveTo(staff, base, start - 5 * MINUTE);
    await signInCounsellor(staff, base, stdout);
    await seekerEnters(seeker, lang, id);
    const mailbox = await staffCtx.newPage();
    const employer = await employerEnters(lang, await mailedLink(mailbox, contact), id);
    await counsellorAdmits(staff, lang, id, 2);

    // IV-3: all three connected to each other, video flowing.
    for (const p of [seeker, employer, staff]) await connected(p, 2);
    await videoFlows(employer);
    await axeStrict(seeker);
    await axeStrict(employer);
    await axeStrict(staff);

    // IV-3: each side's attendance as the room recorded it, on the interview's page.
    const detail = await staffCtx.newPage();
    for (let i = 0; i < 60; i++) {
      await detail.goto(`${base}/staff/interviews/${id}?lang=${lang}`);
      const text = await detail.textContent('main');
      if (text.includes(WORDS[lang].joined.seeker) && text.includes(WORDS[lang].joined.employer)) break;
      await detail.waitForTimeout(500);
    }
    // The history reads in the page's language: what happened and whose it was.
    const events = await detail.textContent('main');
    assert.ok(events.includes(WORDS[lang].joined.seeker), events);
    assert.ok(events.includes(WORDS[lang].joined.employer), events);
    assert.ok(events.includes(WORDS[lang].joined.staff), events);
    await axeStrict(detail);

    // IV-4: after the start the counsellor records the outcome; My Page shows it.
    await moveTo(detail, base, start + MINUTE);
    await detail.goto(`${base}/staff/interviews/${id}?lang=${lang}`);
    await detail.locator('input[name=outcome][value=hired]').check();
    await submit(detail, () => detail.locator('form[action$="/outcome"] button[type=submit]').click());
    assert.match(await detail.textContent('#interview-outcome'), new RegExp(WORDS[lang].hired));
    const mine = await seekerCtx.newPage();
    await mine.goto(`${base}/me?lang=${lang}`);
    assert.match(await mine.locator('ul.my-interviews > li', { hasText: '株式会社みなと製作所' }).first().textContent(),
      new RegExp(WORDS[lang].hired));
    await axeStrict(mine);
    for (const p of [staff, seeker, employer]) await p.context().close();
  });
}

/**
 * Waits until every page has `n` peer connections, all connected. Five browsers encoding for
 * four peers each take their time on a busy 2-core machine, so the wait is long; on a
 * timeout it says which page stood where.
 */
async function allConnected(pages, n) {
  try {
    await Promise.all(pages.map((p) => p.waitForFunction((n) => {
      const pcs = [...(window.__room?.mesh?.pcs.values() ?? [])];
      return pcs.length === n && pcs.every((pc) => pc.connectionState === 'connected');
    }, n, { timeout: 180_000 })));
  } catch (e) {
    const where = await Promise.all(pages.map((p) => p.evaluate(() => ({
      role: window.__room?.role, admitted: window.__room?.admitted, peers: [...(window.__room?.peers.values() ?? [])],
      pcs: [...(window.__room?.mesh?.pcs.values() ?? [])].map((pc) => pc.connectionState),
    }))));
    throw new Error(`${e.message}: ${JSON.stringify(where)}`);
  }
}

/** Processes under this test (the browser's and the server's): pid → { comm, ppid, ticks, pssKiB }. */
function processes() {
  const all = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // PSS: shared pages divided among the processes sharing them, so the sum is fair.
      let pss = 0;
      try { pss = Number((readFileSync(`/proc/${d}/smaps_rollup`, 'utf8').match(/Pss:\s+(\d+)/) ?? [0, 0])[1]); } catch { /* not ours */ }
      all.set(Number(d), { comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), pssKiB: pss });
    } catch { /* gone meanwhile */ }
  }
  const mine = new Map();
  const under = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = all.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, p] of all) if (pid !== process.pid && under(pid)) mine.set(pid, p);
  return mine;
}

/** Busy and total jiffies of the whole machine. */
function machine() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((x, y) => x + y, 0);
  return { busy: total - idle, total };
}

/** CPU (cores, over `ms`) and proportional memory (MiB) of the browser's and the server's processes. */
async function spend(ms) {
  const a = processes();
  const ma = machine();
  await new Promise((r) => setTimeout(r, ms));
  const b = processes();
  const mb = machine();
  const sum = { browser: { cores: 0, mib: 0, n: 0 }, server: { cores: 0, mib: 0, n: 0 } };
  for (const [pid, p] of b) {
    const side = p.comm.startsWith('madoguchi') ? sum.server : (p.comm.startsWith('chrom') ? sum.browser : null);
    if (!side) continue;
    side.cores += (p.ticks - (a.get(pid)?.ticks ?? p.ticks)) / 100 / (ms / 1000);
    side.mib += p.pssKiB / 1024;
    side.n += 1;
  }
  // The whole machine, other people's work included (cores busy of all cores).
  sum.machine = { cores: ((mb.busy - ma.busy) / (mb.total - ma.total)) * os.cpus().length, of: os.cpus().length };
  return sum;
}

test('five in one interview room: every pair connected; what it costs (IV-3)', async () => {
  const { base, stdout } = server;
  const lang = 'en';
  const contact = 'saiyo.five@minato.example.jp';
  const staffCtx = await context('en-US');
  const staff = await staffCtx.newPage();
  await signInCounsellor(staff, base, stdout);
  const now = await serverNow(staff, base);
  const { id, start } = await arrange(staff, lang, now + 2 * 24 * 60 * MINUTE, '14:00', contact);
  const seekerCtx = await context('en-US', 390);
  const seeker = await seekerCtx.newPage();
  await seekerAccepts(seeker, lang);
  await moveTo(staff, base, start - 5 * MINUTE);
  await signInCounsellor(staff, base, stdout);

  // The second representative's link, mailed by the staff form (IV-3).
  await staff.goto(`${base}/staff/interviews/${id}?lang=${lang}`);
  await staff.fill('#rep_name', 'Hanako Jinji');
  await staff.fill('#rep_email', 'hanako.five@minato.example.jp');
  await submit(staff, () => staff.locator('form[action$="/representative"] button[type=submit]').click());
  await axeStrict(staff);

  await seekerEnters(seeker, lang, id);
  const mailbox = await staffCtx.newPage();
  const one = await employerEnters(lang, await mailedLink(mailbox, contact), id);
  const two = await employerEnters(lang, await mailedLink(mailbox, 'hanako.five@minato.example.jp'), id);
  // A companion of the job seeker, through the counsellor's single-use link.
  const linkPage = await staffCtx.newPage();
  await linkPage.goto(`${base}/rooms/i${id}?lang=en`);
  await submit(linkPage, () => linkPage.locator('form[action$="/companion-link"] button').click());
  const link = await linkPage.inputValue('#companion-link');
  await linkPage.close();
  const guest = await (await context('en-US')).newPage();
  await guest.goto(`${link}?lang=en`);
  await submit(guest, () => guest.locator('form button').click());
  await guest.waitForFunction(() => document.getElementById('preview')?.srcObject);
  await guest.click('#join');

  await counsellorAdmits(staff, lang, id, 4);
  const five = [staff, seeker, one, two, guest];
  await allConnected(five, 4);
  for (const p of five) await videoFlows(p);
  await axeStrict(staff);

  // What five fake-device browsers and the server spend in a steady call, over 20 s.
  const s = await spend(20_000);
  const figures = `five-way interview room over 20 s: Chromium ${s.browser.cores.toFixed(2)} cores, ${Math.round(s.browser.mib)} MiB PSS `
    + `(${s.browser.n} processes); server ${s.server.cores.toFixed(3)} cores, ${Math.round(s.server.mib)} MiB PSS `
    + `(${s.server.n} process); machine ${s.machine.cores.toFixed(2)} of ${s.machine.of} cores busy; `
    + `load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
  console.log(figures);
  await allConnected(five, 4);
  for (const p of five) await p.context().close();
});
