// Notices and the maintenance switch in the browser, in Japanese (rules NT-1, NT-2), on the
// second server so the others stay open: the national admin announces planned maintenance
// and switches to read-only; a user sees the notice and a refused booking; the admin
// switches back. axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, demoStaff, launch, newPage, totp } from './lib.mjs';

const CLOCK = process.env.CLOCK_BASE_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function go(page, path) {
  const response = await page.goto(CLOCK + path);
  await checkA11y(page);
  return response;
}

async function click(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  await checkA11y(page);
}

test('a maintenance notice and read-only mode, then back, ja', async () => {
  const admin = await newPage(browser);
  await go(admin, '/dev/clock');
  const offset = Number(await admin.getAttribute('#clock-offset', 'data-seconds')) * 1000;
  const staff = demoStaff('national_admin', process.env.CLOCK_STDOUT);
  await go(admin, '/staff/sign-in?lang=ja');
  await admin.fill('#user_id', staff.userId);
  await admin.fill('#password', staff.password);
  await admin.fill('#totp_code', totp(staff.secret, Date.now() + offset));
  await Promise.all([admin.waitForNavigation(), admin.locator('form[action="/staff/sign-in"] button').click()]);
  await go(admin, '/staff/notices');
  await admin.selectOption('#kind', 'planned_maintenance');
  await admin.fill('#title', 'システムメンテナンスのお知らせ');
  await admin.fill('#body', 'この時間は閲覧のみとなります。');
  await admin.fill('#window_from', '2030-01-05T01:00');
  await admin.fill('#window_until', '2030-01-05T05:00');
  await click(admin, 'お知らせを掲載する');
  assert.match(await admin.textContent('[role=status]'), /記録しました/);
  await admin.check('#mode-read_only');
  await admin.fill('#switch-title', 'ただいまメンテナンス中です');
  await click(admin, '切り替える');
  assert.match(await admin.textContent('#mode-now'), /閲覧のみ/);

  const user = await newPage(browser);
  await go(user, '/');
  assert.match(await user.textContent('section.notices'), /システムメンテナンスのお知らせ/);
  assert.match(await user.textContent('section.notices'), /ただいまメンテナンス中です/);
  await go(user, '/sign-in?lang=ja');
  await user.fill('#user_id', 'demo.seeker');
  await user.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([user.waitForNavigation(), user.locator('form[action="/sign-in"] button').click()]);
  await checkA11y(user);
  assert.match(await user.textContent('h1'), /メンテナンス中です/);
  assert.match(await user.textContent('[role=alert]'), /閲覧のみご利用いただけます/);
  const refused = await user.request.post(`${CLOCK}/api/v1/reservations`, {
    data: { slot_id: 1 }, headers: { 'content-type': 'application/json' },
  });
  assert.equal(refused.status(), 503);
  assert.equal((await refused.json()).code, 'maintenance');

  await admin.check('#mode-open');
  await click(admin, '切り替える');
  assert.match(await admin.textContent('#mode-now'), /通常運用/);
  await go(user, '/');
  assert.doesNotMatch(await user.textContent('main'), /ただいまメンテナンス中です/);
  await admin.context().close();
  await user.context().close();
});
