// Helpers of the staff-flow and form tests (staff_flows.test.mjs, forms_all.test.mjs): pages
// on either demo server, its test clock, keyboard moves, sign-ins at the server's time, the
// office's booking mode (through the operator's command, as an operator would switch it) and
// screenshots of refused forms.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { checkA11y, demoStaff, totp } from './lib.mjs';

export const MINUTE = 60_000;
export const SEEKER_PASSWORD = 'Sannomiya-Demo#2026';

/** The two demo servers: `base` (the real clock) and `clock` (a clock the tests move). */
export const SERVERS = {
  base: { url: process.env.BASE_URL, stdout: process.env.MADOGUCHI_STDOUT, db: 'e2e.db' },
  clock: { url: process.env.CLOCK_BASE_URL, stdout: process.env.CLOCK_STDOUT, db: 'clock.db' },
};

/** Opens `path` on `server` and checks the page with axe. */
export async function go(page, server, path) {
  const response = await page.goto(server.url + path);
  await checkA11y(page);
  return response;
}

/** Waits for the navigation a click or key press starts, then checks the new page. */
export async function submitted(page, action) {
  await Promise.all([page.waitForNavigation(), action()]);
  await checkA11y(page);
}

/** The server's "now" in ms: the wall clock plus the test clock's offset (0 without one). */
export async function serverNow(page, server) {
  if (server !== SERVERS.clock) return Date.now();
  await go(page, server, '/dev/clock');
  return Date.now() + Number(await page.getAttribute('#clock-offset', 'data-seconds')) * 1000;
}

/** Moves the clock server to `at` (ms) or a little later; the no-show sweep runs at once. */
export async function moveTo(page, at) {
  const minutes = Math.ceil((at - (await serverNow(page, SERVERS.clock))) / MINUTE);
  assert.ok(minutes > 0, `the clock only moves forward (${minutes} min)`);
  await page.fill('#minutes', String(minutes));
  await submitted(page, () => page.locator('form[action="/dev/clock"] button').click());
  return page.textContent('[role=status]');
}

/** The JST date (YYYY-MM-DD) of an instant in ms. */
export const jstDate = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10);
/** The JST time (HH:MM) of an instant in ms. */
export const jstTime = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(11, 16);

/** Signs a demo job seeker in through the page (typing is allowed here); lands on /me. */
export async function signInSeeker(page, server, userId, lang = 'ja') {
  await go(page, server, `/sign-in?lang=${lang}`);
  await page.fill('#user_id', userId);
  await page.fill('#password', SEEKER_PASSWORD);
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
}

/**
 * Signs the demo staff member of `role` in at the server's time; lands on /staff. A TOTP
 * code works once, so when another test used this step's code it waits for the next step.
 */
export async function signInStaffAt(page, server, role, lang = 'ja') {
  const staff = demoStaff(role, server.stdout);
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = await serverNow(page, server);
    await go(page, server, `/staff/sign-in?lang=${lang}`);
    await page.fill('#user_id', staff.userId);
    await page.fill('#password', staff.password);
    await page.fill('#totp_code', totp(staff.secret, now));
    await submitted(page, () => page.locator('form[action="/staff/sign-in"] button').click());
    if (new URL(page.url()).pathname === '/staff') return staff;
    await new Promise((r) => setTimeout(r, 30_000 - (now % 30_000) + 500));
  }
  throw new Error(`staff sign-in as ${role} failed three times`);
}

/** Free slots of 28011 from the server's tomorrow on, as [{ id, start (ms) }]. */
export async function freeSlots(page, server) {
  const from = jstDate((await serverNow(page, server)) + 24 * 3600 * 1000);
  const response = await page.request.get(`${server.url}/api/v1/offices/28011/slots?from=${from}`);
  assert.equal(response.status(), 200);
  return (await response.json()).map((s) => ({ id: s.id, start: Date.parse(s.start), app: s.app }));
}

/** The first free slot of 28011 on a day the signed-in person has no consultation (BK-4). */
export async function firstFreeFor(page, server) {
  const mine = await (await page.request.get(`${server.url}/api/v1/reservations`)).json();
  const busy = new Set(mine.filter((r) => ['confirmed', 'requested'].includes(r.state))
    .map((r) => jstDate(Date.parse(r.start))));
  const slot = (await freeSlots(page, server)).find((s) => !busy.has(jstDate(s.start)));
  assert.ok(slot, 'a free slot on a day without a consultation');
  return slot;
}

/**
 * Books slot `id` through the booking form; returns the heading of the answer. Terms in
 * force that the person has not accepted yet (AC-13; maintenance.test.mjs publishes some on
 * the clock server) come first: they are accepted on their page and the form is sent again.
 */
export async function bookThroughForm(page, server, id, lang = 'ja') {
  for (let attempt = 0; attempt < 2; attempt++) {
    await go(page, server, `/book/${id}?lang=${lang}`);
    // Issue 13: terms not yet accepted are a gate shown before the form, with its fix.
    const gate = page.locator('.gate a[href^="/terms/"]');
    if (!(await page.locator('#topic').count()) && (await gate.count())) {
      await submitted(page, () => gate.first().click());
      await submitted(page, () => page.locator('form[action$="/accept"] button').click());
      continue;
    }
    await page.fill('#topic', '面接の練習をしたい');
    await submitted(page, () => page.locator(`form[action="/book/${id}"] button[type=submit]`).click());
    if (!new URL(page.url()).pathname.startsWith('/terms/')) break;
    await submitted(page, () => page.locator('form[action$="/accept"] button').click());
  }
  return page.textContent('h1');
}

/** What has focus: tag, id, href, type and text. */
export function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute('href'), type: e.getAttribute('type'),
      text: e.textContent.trim() };
  });
}

/** Presses Tab until `pred(focused)` holds; fails after `max` presses. */
export async function tabTo(page, pred, what, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (pred(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** A key (Enter or Space) on what has focus, then the next page is checked. */
export async function press(page, key = 'Enter') {
  await submitted(page, () => page.keyboard.press(key));
}

/** With a closed <select> focused, arrows down until it shows `value` (no mouse). */
export async function arrowTo(page, id, value) {
  for (let i = 0; i < 200; i++) {
    if ((await page.inputValue(`#${id}`)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`#${id} never showed ${value}`);
}

/** No sideways scrolling at the page's width. */
export async function fitsWidth(page) {
  const [scroll, width, wide] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
    // What sticks out, so a failure says where to look.
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`),
  ]);
  assert.ok(scroll <= width, `no sideways scrolling on ${page.url()}: ${scroll} > ${width}: ${wide.join('; ')}`);
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const here = dirname(fileURLToPath(import.meta.url));

/**
 * BK-7: the office's booking mode, `direct` or `request`, switched as an operator does
 * (`madoguchi office edit CODE --booking-mode …`) on the server's own database. The product
 * reads every MADOGUCHI_… variable as configuration, so the harness's own stay out.
 */
export function setBookingMode(server, code, mode) {
  const bin = resolve(process.env.MADOGUCHI_BIN
    ?? join(process.env.CARGO_TARGET_DIR ?? join(here, '../../target'), 'debug/madoguchi'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MADOGUCHI_')));
  const db = join(dirname(server.stdout), server.db);
  const out = execFileSync(bin, ['office', 'edit', code, '--booking-mode', mode, '--database-url', `sqlite:${db}`],
    { env, cwd: dirname(server.stdout), encoding: 'utf8' });
  assert.match(out, new RegExp(`updated office ${code}`));
}

/** The page as a phone and a desktop show it, when SCREENSHOTS names a folder. */
export async function screenshots(page, name) {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  const before = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(before);
}
