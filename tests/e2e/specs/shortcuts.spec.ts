// The keyboard shortcuts sheet: "?" opens it anywhere outside a text field, Esc closes it; it
// lists the keys of every part of the app; it is reachable by a button too.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';

test('? shows the keyboard shortcuts, Esc closes them; typing ? in a field does not', async ({ page, app }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeHidden();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  for (const part of ['Everywhere', 'Boundary critique', 'Concept maps (on the canvas)', 'Rich pictures (on the board)', 'Scoring']) {
    await expect(sheet.getByRole('heading', { name: part })).toBeVisible();
  }
  await expect(sheet).toContainText('Ctrl+D');
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // In a text field "?" is just a character.
  const ws = await lib.create({ title: 'Questions?' });
  await expect(ws.titleHeading).toHaveText('Questions?');
  await expect(sheet).toBeHidden();
  await ws.field('Purpose or focus question').fill('');
  await ws.field('Purpose or focus question').pressSequentially('Why?');
  await expect(sheet).toBeHidden();
  await expect(ws.field('Purpose or focus question')).toHaveValue('Why?');

  // The footer's button opens it as well, in the projector theme too.
  await app.setTheme('projector');
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(sheet).toBeVisible();
  await expectNoAxeViolations(page, { aaa: true });
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});
