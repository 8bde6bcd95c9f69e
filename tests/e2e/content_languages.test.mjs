// Content in several languages (issue 16, item 3), in the browser on the main demo server:
// the national admin publishes a notice with an English translation through the form; an
// English reader sees that text, and a notice left in Japanese marked "Japanese only" with
// lang="ja"; the translations page edits it; the terms in English say the Japanese binds.
// axe checks every page.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage } from './lib.mjs';
import { SERVERS, go, signInStaffAt, submitted } from './flows.mjs';

const S = SERVERS.base;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a notice translated through the form, and the Japanese-only mark, en', async () => {
  const admin = await newPage(browser);
  await signInStaffAt(admin, S, 'national_admin');
  const stamp = Date.now().toString(36).toUpperCase();
  await go(admin, S, '/staff/notices');
  await admin.selectOption('#kind', 'information');
  await admin.fill('#title', `窓口の時間変更 ${stamp}`);
  await admin.fill('#body', '相談の受付時間が変わります。');
  await admin.selectOption('#translation_lang', 'en');
  await admin.fill('#translation_title', `New opening hours ${stamp}`);
  await admin.fill('#translation_body', 'The hours for consultations change.');
  await submitted(admin, () => admin.getByRole('button', { name: 'お知らせを掲載する' }).click());
  assert.match(await admin.textContent('[role=status]'), /記録しました/);
  await admin.fill('#title', `年末の閉庁 ${stamp}`);
  await admin.fill('#body', '年末年始は閉庁します。');
  await submitted(admin, () => admin.getByRole('button', { name: 'お知らせを掲載する' }).click());
  assert.match(await admin.textContent('[role=status]'), /記録しました/);

  const reader = await newPage(browser);
  await go(reader, S, '/notices?lang=en');
  const translated = reader.locator('section.notice-item', { hasText: `New opening hours ${stamp}` });
  assert.equal(await translated.count(), 1, 'the English text is shown');
  assert.match(await translated.textContent(), /The hours for consultations change\./);
  assert.equal(await translated.locator('.ja-only').count(), 0);
  const fallback = reader.locator('section.notice-item', { hasText: `年末の閉庁 ${stamp}` });
  assert.equal(await fallback.locator('.ja-only').textContent(), 'Japanese only');
  assert.equal(await fallback.locator('h2 [lang=ja]').textContent(), `年末の閉庁 ${stamp}`);
  assert.equal(await fallback.locator('p.pre').getAttribute('lang'), 'ja');
  // A Japanese reader sees the original, without a mark.
  await go(reader, S, '/notices?lang=ja');
  assert.equal(await reader.locator('section.notice-item', { hasText: `窓口の時間変更 ${stamp}` }).count(), 1);
  assert.equal(await reader.locator('.ja-only').count(), 0);

  // The translations page: edit the English title.
  await go(admin, S, '/staff/notices');
  const link = admin.locator('ul.translatable li', { hasText: `窓口の時間変更 ${stamp}` }).getByRole('link');
  await submitted(admin, () => link.click());
  await admin.fill('#en-translation_title', `Consultation hours ${stamp}`);
  await submitted(admin, () => admin.getByRole('button', { name: '翻訳を保存' }).click());
  assert.match(await admin.textContent('[role=status]'), /翻訳を保存しました/);
  await go(reader, S, '/notices?lang=en');
  assert.equal(await reader.locator('section.notice-item', { hasText: `Consultation hours ${stamp}` }).count(), 1);

  // The terms in English: the demo's translation, said to be for reference only.
  await go(reader, S, '/terms/consultation?lang=en');
  assert.match(await reader.textContent('.binding-note'), /The Japanese text is binding/);
  assert.equal(await reader.locator('details.binding p').getAttribute('lang'), 'ja');
  await go(reader, S, '/seminars?lang=en');
  assert.match(await reader.textContent('main'), /Writing application documents/);
  await admin.close();
  await reader.close();
});
