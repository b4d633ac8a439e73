// Accessibility check with axe-core: fails on any violation and names each one.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** `aaa` also applies the enhanced (7:1) contrast rule, used for the projector theme. */
export async function expectNoAxeViolations(page: Page, { aaa = false } = {}) {
  let builder = new AxeBuilder({ page });
  if (aaa) builder = builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  const { violations } = await builder.analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(found, 'axe-core violations').toEqual([]);
}
