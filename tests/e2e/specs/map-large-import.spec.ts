// A large file from another tool (issues 22 and 23): an 8,000-link GEXF file, as Gephi writes
// them, is chosen in the maps section. While the map is drawn (a chunk a frame, so the page
// answers) a progress line says how far it is; then every node and link is on the canvas,
// counted from the DOM and from the status line, nodes are named for screen readers, a link is
// named when the pointer comes over it, and the keyboard still reaches the links.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { screenshotBothSizes } from '../support/screenshots';

/** A GEXF file of `links` links over links / 5.2 nodes, every node placed, some links parallel. */
function gexf(links: number): { text: string; nodes: number } {
  const nodes = Math.ceil(links / 5.2);
  const edges: [number, number][] = [];
  for (let step = 1; edges.length < links; step++) {
    for (let a = 0; a < nodes && edges.length < links; a++) {
      edges.push(edges.length % 8 === 7 ? edges[edges.length - 1] : [a, (a + step) % nodes]);
    }
  }
  let s = '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">\n<graph defaultedgetype="directed">\n<nodes>\n';
  for (let i = 0; i < nodes; i++) s += `<node id="${i}" label="Node ${i}"><viz:position x="${(i % 40) * 150}" y="${Math.floor(i / 40) * 90}" z="0.0"/></node>\n`;
  s += '</nodes>\n<edges>\n';
  edges.forEach(([a, b], k) => { s += `<edge id="${k}" source="${a}" target="${b}" label="link ${k}"/>\n`; });
  return { text: s + '</edges>\n</graph>\n</gexf>\n', nodes };
}

test('an 8,000-link file is drawn with progress shown, then every node and link is on the map', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Large network' });
  const m = new MapsPage(page);
  await m.open();
  // What the progress line said while the map was being drawn (it may come and go between two
  // looks of the test, so the page records it).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __drawing: string[] }).__drawing = seen;
    new MutationObserver(() => {
      const p = document.querySelector('.map-drawing');
      const text = p?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const { text, nodes } = gexf(8000);
  await page.locator('#import-map').setInputFiles({ name: 'network.gexf', mimeType: 'text/xml', buffer: Buffer.from(text) });
  await expect(page.getByRole('status').filter({ hasText: `Imported ${nodes} nodes and 8000 links` })).toBeVisible({ timeout: 60_000 });

  // Every node and link drawn, and then the progress line gone.
  await expect(page.locator('.map-canvas:not(.map-lift) .nodes > [data-node]')).toHaveCount(nodes, { timeout: 60_000 });
  await expect(page.locator('.map-canvas:not(.map-lift) .links > [data-link]')).toHaveCount(8000, { timeout: 60_000 });
  await expect(page.locator('.map-drawing')).toHaveCount(0);
  const said = await page.evaluate(() => (window as unknown as { __drawing: string[] }).__drawing);
  const total = nodes + 8000;
  expect(said.length, `progress shown: ${said.join(' | ')}`).toBeGreaterThan(1);
  for (const line of said) expect(line).toMatch(new RegExp(`^Drawing the map\\u2026 \\d+ of ${total} nodes and links`));
  const done = said.map((l) => Number(/… (\d+) of/.exec(l)![1]));
  expect(done).toEqual([...done].sort((a, b) => a - b));

  // Nodes are named; a link gets its name when the pointer comes over it.
  await expect(m.node('Node 7,')).toHaveAttribute('aria-label', /^Node 7, \d+ links$/);
  const link = page.locator('.map-canvas:not(.map-lift) .links > [data-link]').first();
  await link.locator('path.line').dispatchEvent('pointerover', { bubbles: true });
  await expect(link.locator('title')).toHaveText(/^Link from Node 0 to Node 1: link 0$/);

  // The keyboard reaches a link from a node (Alt+→), named.
  await m.node('Node 0,').focus();
  await page.keyboard.press('Alt+ArrowRight');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('.map-canvas [data-link]') ? el.querySelector('title')?.textContent ?? '' : null;
  });
  expect(focused).toMatch(/^Link from Node \d+ (to|and|with) Node \d+: link \d+$/);

  await m.inView();
  await screenshotBothSizes(page, 'map-large-import');
});
