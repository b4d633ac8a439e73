// axe-core finds no violation on any page, in either theme, light or dark. The projector theme
// is also held to the enhanced contrast rule (7:1), and its text is at least 24px at 1024x768.
import { test, expect } from '../support/fixtures';
import { PAGES, type Scheme, type Theme } from '../support/app';
import { expectNoAxeViolations } from '../support/a11y';

const THEMES: Theme[] = ['standard', 'projector'];
const SCHEMES: Scheme[] = ['light', 'dark'];

for (const theme of THEMES) {
  for (const scheme of SCHEMES) {
    test(`no axe violations on any page: ${theme}, ${scheme}`, async ({ app }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      for (const p of PAGES) {
        await app.open(p.fragment);
        await expectNoAxeViolations(app.page, { aaa: theme === 'projector' });
      }
    });
  }
}

test('projector theme: every piece of text is at least 24px at 1024x768', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.setTheme('projector');
  for (const p of PAGES) {
    await app.open(p.fragment);
    const small = await page.evaluate(() => {
      const tooSmall: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || el.closest('.skip-link')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const size = parseFloat(style.fontSize);
        if (size < 24) tooSmall.push(`${el.tagName.toLowerCase()} "${n.textContent!.trim().slice(0, 30)}" ${size}px`);
      }
      return tooSmall;
    });
    expect(small, `text under 24px on ${p.name}`).toEqual([]);
  }
});

test('projector theme: the header still fits at 1024x768 without sideways scrolling', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.setTheme('projector');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
