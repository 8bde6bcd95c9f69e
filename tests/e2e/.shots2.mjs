import { chromium } from 'playwright-core';
const BASE = process.env.BASE_URL;
const out = '/tmp/shots-seekerstart';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
await page.goto(BASE + '/book/3');
console.log('redirected to', page.url());
await page.screenshot({ path: `${out}/signin-next-390.png`, fullPage: true });
await page.fill('#user_id', 'demo.seeker2');
await page.fill('#password', 'Sannomiya-Demo#2026');
await Promise.all([page.waitForNavigation(), page.locator('form[action="/sign-in"] button').click()]);
console.log('after sign in', page.url());
await page.fill('#topic', '事務職への転職について');
await Promise.all([page.waitForNavigation(), page.locator('form[action^="/book/"] button').click()]);
console.log('booked', await page.textContent('h1'));
const shots = ['/me', '/me/lock', '/offices/28011', '/offices?postal_code=650-0044', '/seminars'];
await page.goto(BASE + '/me');
const cancel = await page.locator('a[href$="/cancel"]').first().getAttribute('href');
shots.push(cancel, '/book/10', '/me/eligibility');
for (const lang of ['ja', 'en']) for (const p of shots) for (const width of [320, 390, 1280]) {
  await page.setViewportSize({ width, height: 900 });
  const sep = p.includes('?') ? '&' : '?';
  await page.goto(`${BASE}${p}${sep}lang=${lang}`);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '');
  if (sw > width) console.log(`OVERFLOW ${name} ${lang} ${width}: ${sw}`);
  await page.screenshot({ path: `${out}/s-${name}-${lang}-${width}.png`, fullPage: true });
}
await browser.close();
