// Notices, the maintenance switch and new terms in the browser, in Japanese (rules NT-1,
// NT-2, NT-3, AC-13), on the second server so the others stay open: the national admin
// announces planned maintenance and switches to read-only; a user sees the notice and a
// refused booking; the admin switches back, then publishes a new version of the terms, and
// the user's next booking waits on the terms page until they accept. axe checks every page.
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
  // Issue 13, item 6: every page says so, and a form that would write is disabled.
  await go(user, '/sign-in?lang=ja');
  assert.match(await user.textContent('.banner[role=status]'), /閲覧のみご利用いただけます/);
  assert.ok(await user.locator('#user_id').isDisabled(), 'the sign-in form is disabled');
  assert.ok(await user.locator('form[action="/sign-in"] button').isDisabled());
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

  // AC-13, NT-3: a new version of the consultation terms, in force two minutes from now.
  const serverNow = Date.now() + offset;
  const jst = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 16);
  await admin.selectOption('#terms-service', 'consultation');
  await admin.fill('#terms-version', '2');
  await admin.fill('#terms-effective', jst(serverNow + 2 * 60_000));
  await admin.fill('#terms-body', 'オンライン職業相談の利用規約（第2版）。予約は前日までです。');
  await click(admin, '公開して全員に知らせる');
  assert.match(await admin.textContent('[role=status]'), /記録しました/);
  await go(admin, '/dev/clock');
  await admin.fill('#minutes', '5');
  await click(admin, '時計を進める');

  await go(user, '/sign-in?lang=ja');
  await user.fill('#user_id', 'demo.seeker2');
  await user.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([user.waitForURL(/\/me$/), user.locator('form[action="/sign-in"] button').click()]);
  assert.match(await user.textContent('main'), /利用規約改定のお知らせ/, 'the announcement is in the inbox');
  await go(user, '/offices/28011/book');
  await Promise.all([user.waitForURL(/\/book\/\d+$/), user.locator('a.slot').first().click()]);
  await checkA11y(user);
  const form = user.url();
  // Issue 13, item 6: the new terms come before the form, with the way to accept them.
  assert.match(await user.textContent('.gate'), /新しい利用規約への同意が必要です/);
  assert.equal(await user.locator('#topic').count(), 0, 'no form to fill in vain');
  await Promise.all([user.waitForURL(/\/terms\/consultation\?next=/), user.getByRole('link', { name: '利用規約を読んで同意する' }).click()]);
  await checkA11y(user);
  assert.match(await user.textContent('[role=status]'), /新しい利用規約が適用されています/);
  assert.match(await user.textContent('main'), /第2版/);
  await click(user, '同意して進む');
  assert.equal(user.url(), form, 'back to the booking form');
  await click(user, 'この内容で予約する');
  assert.match(await user.textContent('h1'), /予約が確定しました/);
  await admin.context().close();
  await user.context().close();
});
