// Issue 16 item 4 (rules AC-4, AC-12, N10): a name that is not Japanese. The registration form
// says how to write a residence-card name; `Nguyễn Văn An` is refused with a replacement for
// each letter, `김민수` with the advice to write it in Latin letters as on the card, in Japanese
// and in English; the name as on the card, with its kana in katakana with ・ and ー, registers.
// axe runs on every page, refused ones included.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TEXT = {
  ja: {
    hint: '在留カードのとおりにローマ字の大文字で',
    e: '5文字目の「ễ」（U+1EC5）は使用できません。「e」に置き換えてください。',
    advice: '在留カードのとおりにローマ字で入力してください。',
  },
  en: {
    hint: 'write your name as on your residence card: in Latin capitals',
    e: 'Character 5, "ễ" (U+1EC5), cannot be used. Use "e" instead.',
    advice: 'Write it in Latin letters as on your residence card.',
  },
};

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/register"] button[type=submit]').click()]);
  await checkA11y(page);
}

for (const lang of ['ja', 'en']) {
  test(`a residence-card name registers after a suggestion, ${lang}`, async () => {
    const t = TEXT[lang];
    const page = await newPage(browser);
    await visit(page, `/register?lang=${lang}`);
    assert.ok((await page.textContent('#name-hint')).includes(t.hint));
    assert.ok((await page.getAttribute('#name', 'aria-describedby')).includes('name-hint'));
    const typed = {
      user_id: `e2e.names.${lang}`, name: 'Nguyễn Văn An', name_kana: 'グエン・ヴァン・アーン',
      address: '兵庫県神戸市中央区雲井通５－３－１', email: `names.${lang}.card@example.jp`, phone: '078-231-8609',
    };
    for (const [id, value] of Object.entries(typed)) await page.fill(`#${id}`, value);
    await page.fill('#password', 'Kobe-Sannomiya#2026');
    await page.check('#accept_terms');
    await submit(page);
    assert.equal((await page.textContent('#name-error-1')).trim(), t.e);
    assert.equal(await page.inputValue('#name'), typed.name, 'the name is kept as typed');
    assert.equal(await page.locator('#name_kana-error-1').count(), 0, 'katakana with ・ and ー is a kana name');

    await page.fill('#name', '김민수');
    await page.fill('#password', 'Kobe-Sannomiya#2026');
    await submit(page);
    assert.ok((await page.textContent('#name-error-1')).trim().endsWith(t.advice));

    await page.fill('#name', 'NGUYEN VAN AN');
    await page.fill('#password', 'Kobe-Sannomiya#2026');
    await submit(page);
    assert.match(page.url(), /\/register\/sent$/);
    await page.context().close();
  });
}
