// People's own text in either direction: what a spec checks of it.
import type { Page } from '@playwright/test';

/** Every visible text field whose direction is the page's rather than its own text's. */
export async function textDirections(page: Page): Promise<string[]> {
  return page.locator('input[type="text"], input[type="search"], textarea').evaluateAll((els) =>
    els
      .filter((e) => e.getBoundingClientRect().width > 2 && getComputedStyle(e).unicodeBidi !== 'plaintext')
      .map((e) => e.outerHTML.slice(0, 80)),
  );
}
