// Screenshots of every page in both themes at 1280x720 and 1024x768, for a person to look at
// (written to tests/e2e/screenshots/). Each must show the page's own heading in view.
import { test, expect } from '../support/fixtures';
import { PAGES, type Theme } from '../support/app';
import { screenshotBothSizes } from '../support/screenshots';

for (const theme of ['standard', 'projector'] as Theme[]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots: ${theme} ${scheme}`, async ({ app }) => {
      await app.open();
      await app.setTheme(theme);
      await app.setScheme(scheme);
      for (const p of PAGES) {
        await app.open(p.fragment);
        await screenshotBothSizes(app.page, `${p.name}-${theme}-${scheme}`);
        await expect(app.heading).toBeInViewport();
      }
    });
  }
}
