// Accessibility (WCAG 2.x A/AA through axe-core): the public pages have no serious or
// critical violation, in Japanese and in English (rule NO-5), including the office calendar
// (rule TM-3) and the 404 page, at desktop and phone widths. Swagger UI (/api/docs/) is
// third-party and not checked. Other test files run the same check on every page they visit.
import { test, after, before } from 'node:test';
import { launch, newPage, visit } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = ['/?lang=ja', '/?lang=en', '/offices/28011?lang=ja&from=2026-12-20',
  '/offices/28011?lang=en&from=2026-12-20', '/nowhere?lang=ja', '/nowhere?lang=en'];

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const path of PAGES) {
    test(`axe, ${label}: ${path}`, async () => {
      const page = await newPage(browser, { viewport });
      await visit(page, path);
      await page.context().close();
    });
  }
}
