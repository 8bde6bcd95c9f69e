// Seminars in the browser, in Japanese (rules SE-1…SE-4): a user finds a company tour by
// keyword and takes its one seat; a second user finds it full and joins the waiting list;
// the first cancels, and the second is registered and told. axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, demoStaff, launch, newPage, totp, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, userId) {
  await visit(page, '/sign-in?lang=ja');
  await page.fill('#user_id', userId);
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
}

async function click(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  await checkA11y(page);
}

test('find a seminar, register, wait on a full one, be promoted, ja', async () => {
  const first = await newPage(browser);
  await signIn(first, 'demo.seeker2');
  await visit(first, '/seminars');
  await first.fill('#q', '介護');
  await click(first, '探す');
  const links = first.locator('ul.seminars a');
  assert.equal(await links.count(), 1, 'the keyword finds the company tour only');
  await Promise.all([first.waitForURL(/\/seminars\/\d+$/), links.first().click()]);
  await checkA11y(first);
  const seminarUrl = first.url();
  assert.match(await first.textContent('#availability'), /残り 1 席/);
  await click(first, '参加を申し込む');
  assert.match(await first.textContent('h1'), /参加登録が完了しました/);

  const second = await newPage(browser);
  await signIn(second, 'demo.seeker');
  await second.goto(seminarUrl);
  await checkA11y(second);
  assert.match(await second.textContent('#availability'), /満席/);
  await click(second, 'キャンセル待ちに登録する');
  assert.match(await second.textContent('h1'), /キャンセル待ちに登録しました/);

  // Issue 13, item 6: cancelling takes a confirmation page, and the page after it says it is
  // done (and mailed) rather than offering the waiting list.
  await first.goto(seminarUrl);
  await Promise.all([first.waitForURL(/\/cancel$/), first.getByRole('link', { name: '申込みを取り消す' }).click()]);
  await checkA11y(first);
  await click(first, '取り消す');
  assert.match(await first.textContent('h1'), /セミナーの申込みを取り消しました/);
  await first.goto(seminarUrl);
  assert.match(await first.textContent('#availability'), /満席|残り/);

  await second.goto(seminarUrl);
  await checkA11y(second);
  assert.match(await second.textContent('#my-status'), /参加登録済み/);
  await visit(second, '/me');
  assert.match(await second.textContent('main'), /キャンセル待ちから参加登録に切り替わりました/);
  await visit(second, '/seminars');
  assert.match(await second.textContent('ul.mine'), /介護施設のオンライン見学会 · 参加登録済み/);
  await first.context().close();
  await second.context().close();

  // SE-5: the office admin sees the participant list with the identity they registered with.
  const admin = await newPage(browser);
  const staff = demoStaff('office_admin');
  await visit(admin, '/staff/sign-in?lang=ja');
  await admin.fill('#user_id', staff.userId);
  await admin.fill('#password', staff.password);
  await admin.fill('#totp_code', totp(staff.secret));
  await Promise.all([admin.waitForNavigation(), admin.locator('form[action="/staff/sign-in"] button').click()]);
  await visit(admin, '/staff/seminars');
  await Promise.all([admin.waitForURL(/\/staff\/seminars\/\d+$/), admin.getByRole('link', { name: '介護施設のオンライン見学会' }).click()]);
  await checkA11y(admin);
  assert.match(await admin.textContent('main'), /28011-00012345/);
  await admin.context().close();
});
