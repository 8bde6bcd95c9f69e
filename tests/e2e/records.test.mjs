// Records and privacy in the browser, in Japanese (rules PV-2, PV-4): a counsellor looks a
// job seeker up for a stated reason; the job seeker sees on My Page that their data was
// viewed, by office and role; the national admin finds the access in the audit search and
// makes a disclosure export with a legal basis, which is then listed; the privacy notice
// reads in both languages and on a phone. axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, launch, newPage, signInStaff, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a look-up shows on My Page, in the audit search, and a disclosure is made, ja', async () => {
  const counsellor = await newPage(browser);
  await signInStaff(counsellor, 'counsellor');
  await checkA11y(counsellor);
  await counsellor.fill('#user_id', 'demo.seeker2');
  await counsellor.selectOption('#purpose', 'phone');
  await Promise.all([counsellor.waitForNavigation(), counsellor.getByRole('button', { name: '検索する' }).click()]);
  await checkA11y(counsellor);
  assert.match(await counsellor.textContent('main'), /見本/);

  const seeker = await newPage(browser);
  await visit(seeker, '/sign-in?lang=ja');
  await seeker.fill('#user_id', 'demo.seeker2');
  await seeker.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([seeker.waitForNavigation(), seeker.locator('form[action="/sign-in"] button').click()]);
  await visit(seeker, '/me');
  const viewed = await seeker.textContent('div[aria-labelledby="viewed"] table');
  assert.match(viewed, /相談員/);
  assert.match(viewed, /登録情報の閲覧/);
  assert.match(viewed, /電話でのお問い合わせ対応/);
  assert.doesNotMatch(viewed, /相談 一郎/, 'staff are shown by office and role, not by name');

  const admin = await newPage(browser);
  await signInStaff(admin, 'national_admin');
  await Promise.all([admin.waitForURL(/\/staff\/audit/), admin.getByRole('link', { name: '職員の閲覧記録の検索' }).click()]);
  await checkA11y(admin);
  await admin.fill('#seeker', 'demo.seeker2');
  await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: '検索する' }).click()]);
  await checkA11y(admin);
  const found = await admin.textContent('table');
  assert.match(found, /demo\.counsellor/);
  assert.match(found, /電話でのお問い合わせ対応/);

  await visit(admin, '/staff/disclosures');
  await admin.fill('#legal_basis', '刑事訴訟法第197条第2項に基づく捜査関係事項照会');
  await admin.fill('#authority', '兵庫県警察本部');
  await admin.fill('#subject', 'demo.seeker2');
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('button', { name: '開示ファイルを作成する' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^disclosure-\d+\.csv$/);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.match(csv, /^"time","actor_kind"/);
  assert.match(csv, /"sign_in"/, 'the seeker\'s sign-in is in the record');
  await visit(admin, '/staff/disclosures');
  assert.match(await admin.textContent('table'), /兵庫県警察本部/);

  // Nobody else may open it.
  const refused = await counsellor.goto(`${process.env.BASE_URL}/staff/disclosures`);
  assert.equal(refused.status(), 403);
  await checkA11y(counsellor);
  for (const p of [counsellor, seeker, admin]) await p.context().close();
});

test('the privacy notice, ja and en, on a phone', async () => {
  const page = await newPage(browser);
  await visit(page, '/privacy');
  assert.match(await page.textContent('h1'), /個人情報と利用記録の取扱い/);
  assert.match(await page.textContent('main'), /利用記録は 365 日間保存/);
  await visit(page, '/privacy?lang=en');
  assert.match(await page.textContent('main'), /kept for 365 days/);
  await page.setViewportSize({ width: 360, height: 740 });
  await checkA11y(page);
  await page.context().close();
});
