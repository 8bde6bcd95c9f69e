// Booking a consultation in the browser, in Japanese (rules BK-3…BK-6, BK-10): the demo job
// seeker picks a free slot, books it, sees it confirmed on My Page, and cancels it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('book a consultation and cancel it, ja', async () => {
  const page = await newPage(browser);
  await visit(page, '/sign-in?lang=ja');
  await page.fill('#user_id', 'demo.seeker');
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForURL(/\/me$/), page.locator('form[action="/sign-in"] button').click()]);
  await checkA11y(page);

  await visit(page, '/offices/28011');
  await Promise.all([page.waitForURL(/\/book$/), page.getByRole('link', { name: 'オンライン職業相談を予約する' }).click()]);
  await checkA11y(page);
  await Promise.all([page.waitForURL(/\/book\/\d+$/), page.locator('a.slot').first().click()]);
  await checkA11y(page);
  assert.equal(await page.inputValue('#verify_number'), '28011-00012345', 'prefilled from the registration');
  await page.fill('#topic', '事務職への転職について相談したい');
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').click()]);
  await checkA11y(page);
  assert.match(await page.textContent('h1'), /予約が確定しました/);
  // NO-4: the confirmation mail carries an .ics in UTC, without any meeting secret.
  // The mailer writes the .eml within seconds; look again until it is there.
  const confirmation = page.getByRole('link', { name: /予約が確定しました/ });
  for (let i = 0; i < 40 && !(await confirmation.count()); i++) {
    await page.waitForTimeout(500);
    await page.goto(`${BASE}/dev/mail`);
  }
  await checkA11y(page);
  await Promise.all([page.waitForURL(/\/dev\/mail\/.+/), page.getByRole('link', { name: /予約が確定しました/ }).first().click()]);
  await checkA11y(page);
  const ics = await page.textContent('section.attachment pre');
  assert.match(await page.textContent('section.attachment h3'), /consultation\.ics/);
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /DTSTART:\d{8}T\d{6}Z/);
  assert.doesNotMatch(ics, /passcode|パスコード|https?:\/\/\S*zoom/i);

  await visit(page, '/me');
  assert.match(await page.textContent('ul.reservations'), /確定/);
  // BK-14, BK-15: the checklist before the session, and the connection test page.
  await Promise.all([page.waitForURL(/\/prepare$/), page.getByRole('link', { name: '相談前の確認' }).first().click()]);
  await checkA11y(page);
  for (const box of await page.locator('input[type=checkbox]').all()) await box.check();
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '確認しました' }).click()]);
  await checkA11y(page);
  assert.match(await page.textContent('[role=status]'), /確認済み/);
  await visit(page, '/connection-test');
  await visit(page, '/me');
  // Issue 13, item 6: cancelling takes a confirmation page.
  await Promise.all([page.waitForURL(/\/cancel$/), page.getByRole('link', { name: '取り消す' }).first().click()]);
  await checkA11y(page);
  assert.match(await page.textContent('h1'), /この予約を取り消しますか/);
  await Promise.all([page.waitForURL(/\/me$/), page.getByRole('button', { name: '取り消す' }).click()]);
  await checkA11y(page);
  assert.match(await page.textContent('ul.reservations.past'), /取消（ご本人）/);
  await page.context().close();
});
