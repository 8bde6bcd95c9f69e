// Local helper (not committed): screenshots of the pages issue 13 changes.
import { chromium } from 'playwright-core';
const BASE = process.env.BASE_URL;
const out = process.env.SCREENSHOTS || '/tmp/shots-seekerstart';
const pages = (process.env.PAGES || '/').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const ctx = await browser.newContext({ locale: 'ja-JP' });
const page = await ctx.newPage();
if (process.env.USER_ID) {
  await page.goto(BASE + '/sign-in');
  await page.fill('#user_id', process.env.USER_ID);
  await page.fill('#password', 'Sannomiya-Demo#2026');
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/sign-in"] button').click()]);
}
for (const lang of (process.env.LANGS || 'ja,en').split(',')) {
  for (const p of pages) {
    const sep = p.includes('?') ? '&' : '?';
    for (const width of (process.env.WIDTHS || '390,1280').split(',').map(Number)) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${BASE}${p}${sep}lang=${lang}`);
      const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'top';
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(`${name} ${lang} ${width}: scrollWidth ${sw}`);
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: true });
    }
  }
}
await browser.close();
