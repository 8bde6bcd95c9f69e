// A job seeker's whole journey, in Japanese and in English (rule NO-5): register, read the
// mail, verify, sign in, lock the account (AC-8), staff send a reset after checking
// identity, set a new password, sign in again. axe runs on every page on the way.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, demoStaff, launch, newPage, totp, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TEXT = {
  ja: { sent: '確認メールを送りました', verified: '登録が完了しました', locked: 'アカウントをロックしました',
    lockedError: 'ロックされています', resetSent: 'パスワード再設定のリンクを送りました', resetDone: 'パスワードを再設定しました',
    lockButton: 'アカウントを直ちにロックする', lockLink: 'アカウントのロックへ進む', search: '検索する', reset: 'パスワード再設定のリンクを送る',
    verifySubject: 'メールアドレスの確認', resetSubject: 'パスワード再設定' },
  en: { sent: 'Check your email', verified: 'Registration complete', locked: 'Your account is locked',
    lockedError: 'This account is locked', resetSent: 'A password reset link has been sent', resetDone: 'Your password is set',
    lockButton: 'Lock my account now', lockLink: 'Go to locking your account', search: 'Search', reset: 'send a password reset link',
    verifySubject: 'confirm your email', resetSubject: 'Set a new password' },
};

async function submit(page, action) {
  await Promise.all([page.waitForNavigation(), page.locator(`form[action="${action}"] button[type=submit]`).click()]);
  await checkA11y(page);
}

/** Opens the newest mail to `to` whose subject matches, waiting for the mailer (it runs every few seconds). */
async function openLatestMail(page, to, subject, linkPath) {
  const row = page.locator('table tbody tr', { hasText: to }).filter({ hasText: subject }).first();
  for (let i = 0; i < 40 && !(await row.count()); i++) {
    await page.waitForTimeout(500);
    await page.goto(BASE + '/dev/mail');
  }
  await checkA11y(page);
  await Promise.all([page.waitForNavigation(), row.locator('a').click()]);
  await checkA11y(page);
  const href = await page.locator(`a[href*="${linkPath}?token="]`).first().getAttribute('href');
  assert.ok(href, `a ${linkPath} link in the mail`);
  await page.goto(href);
  await checkA11y(page);
}

async function signIn(page, userId, password) {
  await visit(page, '/sign-in');
  await page.fill('#user_id', userId);
  await page.fill('#password', password);
  await submit(page, '/sign-in');
}

for (const lang of ['ja', 'en']) {
  test(`registration to reset and back, ${lang}`, async () => {
    const t = TEXT[lang];
    const page = await newPage(browser);
    const userId = `e2e.${lang}.seeker`;
    await visit(page, `/?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);

    await visit(page, '/register');
    await page.fill('#user_id', userId);
    await page.fill('#password', 'Kobe-Sannomiya#2026');
    await page.fill('#name', '山田 太郎');
    await page.fill('#name_kana', 'ヤマダ タロウ');
    await page.fill('#address', '兵庫県神戸市中央区雲井通５－３－１');
    await page.fill('#email', `${lang}@example.jp`);
    await page.fill('#phone', '078-231-8609');
    await page.check('#accept_terms');
    await submit(page, '/register');
    assert.match(await page.textContent('h1'), new RegExp(t.sent));

    await openLatestMail(page, `${lang}@example.jp`, t.verifySubject, '/register/verify');
    await submit(page, '/register/verify');
    assert.match(await page.textContent('h1'), new RegExp(t.verified));

    await signIn(page, userId, 'Kobe-Sannomiya#2026');
    assert.ok(page.url().endsWith('/me'), page.url());
    // Issue 13, item 6: the lock is a link on My Page, then a confirmation page.
    await Promise.all([page.waitForURL(/\/me\/lock$/), page.getByRole('link', { name: t.lockLink }).click()]);
    await checkA11y(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.lockButton }).click()]);
    await checkA11y(page);
    assert.match(await page.textContent('h1'), new RegExp(t.locked));
    await signIn(page, userId, 'Kobe-Sannomiya#2026');
    assert.match(await page.textContent('.error-summary'), new RegExp(t.lockedError));

    // At the office: staff check the person's identity and send the reset link.
    const staffPage = await newPage(browser);
    const admin = demoStaff('national_admin');
    await visit(staffPage, `/staff/sign-in?lang=${lang}`);
    await staffPage.fill('#user_id', admin.userId);
    await staffPage.fill('#password', admin.password);
    // Each code is accepted once: the English run uses the next step's code.
    await staffPage.fill('#totp_code', totp(admin.secret, Date.now() + (lang === 'en' ? 30_000 : 0)));
    await submit(staffPage, '/staff/sign-in');
    assert.ok(staffPage.url().endsWith('/staff'), staffPage.url());
    await staffPage.fill('#user_id', userId);
    await Promise.all([staffPage.waitForNavigation(), staffPage.getByRole('button', { name: t.search }).click()]);
    await checkA11y(staffPage);
    await Promise.all([staffPage.waitForNavigation(), staffPage.getByRole('button', { name: new RegExp(t.reset) }).click()]);
    assert.match(await staffPage.textContent('[role=status]'), new RegExp(t.resetSent));
    await staffPage.context().close();

    await openLatestMail(page, `${lang}@example.jp`, t.resetSubject, '/reset');
    await page.fill('#password', 'Nada-Branch=2027');
    await submit(page, '/reset');
    assert.match(await page.textContent('h1'), new RegExp(t.resetDone));
    await signIn(page, userId, 'Nada-Branch=2027');
    assert.ok(page.url().endsWith('/me'), `signed in again: ${page.url()}`);
    // AC-11: record the job-seeker number from My Page.
    await visit(page, '/me/eligibility');
    await page.fill('#job_seeker_number', '28011-01234567');
    await page.fill('#job_seeker_expires', '2030-03-31');
    await submit(page, '/me/job-seeker');
    assert.equal(await page.inputValue('#job_seeker_number'), '28011-01234567');
    await page.context().close();
  });
}
