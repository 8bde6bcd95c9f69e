// A phone (390×844, the size of a common smartphone): the pages fit the screen's width,
// with no sideways scrolling, in both languages (rule NO-5).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a phone: no sideways scrolling', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const paths = ['/?lang=ja', '/offices/28011?from=2026-12-20', '/register', '/sign-in', '/nowhere',
    '/?lang=en', '/offices/28011?from=2026-12-20', '/register'];
  for (const path of paths) {
    await visit(page, path);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= width, `${path}: scrollWidth ${scroll} > innerWidth ${width}`);
  }
  await page.context().close();
});
