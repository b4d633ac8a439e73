// In the room: people's own words never push the page sideways. A workshop whose title,
// stakeholders and perspectives hold an unbroken 80-character word, a 200-character name and
// Arabic (right-to-left) text is seen at 1280×720 and 1024×768 in the library, every boundary
// critique view and the report (and the HTML file it downloads as): the page never scrolls sideways and every table fits its box;
// a right-to-left perspective keeps its count ("2/24") after its name, apart from it, and every
// text field takes its own text's direction.
// The example's report in the projector theme (large type, a table per roster group) fits too.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { App } from '../support/app';
import { LibraryPage, WorkshopPage } from '../support/workshops';
import { BoundaryPage } from '../support/boundary';
import { screenshotBothSizes, SIZES } from '../support/screenshots';
import { textDirections } from '../support/bidi';
import { downloadText } from '../support/downloads';

const WORD80 = 'Stakeholderrepresentativesfromthecountycouncilsadultsocialcareandpublichealthteam';
const LONG200 =
  'Voluntary and community sector organisations working with disadvantaged and minority groups across the county, including faith groups, tenants associations, food banks and carers networks';
const RTL = 'مجموعة المرضى في المنطقة الريفية';

/** What passes the right edge of the window or of its table's scrolling box. */
async function sideways(page: Page, tables = 'main table'): Promise<string[]> {
  return page.evaluate((tables) => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth + 1) out.push(`the page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    for (const t of Array.from(document.querySelectorAll(tables))) {
      const box = t.parentElement!;
      if (t.getBoundingClientRect().width === 0) continue;
      if (t.scrollWidth > box.clientWidth + 1)
        out.push(`table.${t.className || '(no class)'} is ${t.scrollWidth} px wide in a box of ${box.clientWidth}`);
    }
    return out;
  }, tables);
}

async function expectFits(page: Page, where: string, tables?: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await sideways(page, tables), `${where} at ${size.width}×${size.height}`).toEqual([]);
  }
}

test('long, unbroken and right-to-left names never push the library, the boundary critique or the report sideways', async ({ page }) => {
  test.setTimeout(90_000);
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.create({ title: WORD80, purpose: LONG200 });
  await ws.addStakeholder(LONG200, WORD80);
  await ws.addStakeholder(WORD80, RTL, 'affected');
  await ws.addStakeholder(RTL, LONG200);
  await ws.saved();
  // Each field takes its text's own direction (an Arabic name shows its beginning, on the right).
  expect(await textDirections(page)).toEqual([]);

  const b = new BoundaryPage(page);
  await b.open();
  for (const name of [WORD80, LONG200, RTL]) {
    await page.getByLabel('New perspective').fill(name);
    await page.getByRole('button', { name: 'Add perspective' }).click();
  }
  // A right-to-left name keeps its count on the right, apart: never read as part of the name.
  const tab = b.perspectiveTab(RTL);
  const order = await tab.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.firstChild!);
    return { name: range.getBoundingClientRect().right, count: el.querySelector('.count')!.getBoundingClientRect().left };
  });
  expect(order.count, 'the count starts after the name ends').toBeGreaterThan(order.name);
  expect(await textDirections(page)).toEqual([]);
  await b.isField.fill(`${WORD80} ${WORD80}`);
  await b.oughtField.fill(`${RTL} ${LONG200}`);
  await new WorkshopPage(page).saved();
  await page.locator('summary').filter({ hasText: 'Name and who this perspective speaks for' }).click();
  await expectFits(page, 'One question');
  for (const view of ['Table', 'Gaps', 'Compare', 'Challenge', 'Summary'] as const) {
    await b.show(view);
    await expectFits(page, view);
  }
  await b.show('Compare');
  await screenshotBothSizes(page, 'room-long-text-compare');

  await new WorkshopPage(page).section('Report').click();
  await expect(page.locator('.report-page h2').first()).toBeVisible();
  await expectFits(page, 'the report');
  await screenshotBothSizes(page, 'room-long-text-report');
  // The HTML file the report downloads as, read on its own, keeps them inside the page too.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
  const html = await page.context().newPage();
  await html.setContent(await downloadText(file));
  await expectFits(html, 'the downloaded HTML report', 'table');
  await screenshotBothSizes(html, 'room-long-text-report-file');
  await html.close();

  await lib.open();
  await expectFits(page, 'the library');
  await screenshotBothSizes(page, 'room-long-text-library');
});

test("the example's report in the projector theme: its tables by roster group fit the page", async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.setTheme('projector');
  const lib = new LibraryPage(page);
  await lib.open();
  const ws = await lib.openExample();
  await ws.section('Report').click();
  const byGroup = page.locator('table.report-by-group').first();
  await expect(byGroup).toBeVisible();
  await expectFits(page, 'the report');
  await byGroup.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'room-report-by-group-projector');
});
