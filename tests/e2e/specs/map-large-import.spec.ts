// A large file from another tool (issues 22 and 23): an 8,000-link GEXF file, as Gephi writes
// them, is chosen in the maps section. While it is read a progress line says so; then the map
// is on screen, painted on a canvas (src/ui/map/paint.rs): what a person sees is checked, not our
// own counters: the status's counts, the canvas's pixels where a link runs and where nothing
// does, a link found by hovering and clicking where it is painted, nodes named and reached by
// the keyboard, the keyboard walk to a named link, and screenshots in both colour schemes.
import type { Page } from '@playwright/test';
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

/** Where a map point is on the screen, from the view the canvas shows (its transform) and its box. */
async function onScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([x, y]) => {
    const g = document.querySelector('svg.map-canvas:not(.map-lift) > g[transform]')!;
    const m = /scale\(([-\d.e]+)\) translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(g.getAttribute('transform')!)!;
    const [zoom, tx, ty] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const box = document.querySelector('svg.map-canvas:not(.map-lift)')!.getBoundingClientRect();
    return { x: box.left + (x + tx) * zoom, y: box.top + (y + ty) * zoom };
  }, [x, y]);
}

/** The painted canvas's pixels around a screen point (a square of `r` CSS pixels each side):
 * how many are painted (not transparent), and of all the canvas. */
async function painted(page: Page, at?: { x: number; y: number }, r = 3): Promise<number> {
  return page.evaluate(([at, r]) => {
    const c = document.querySelector('canvas.map-paint') as HTMLCanvasElement;
    const box = c.getBoundingClientRect();
    const k = c.width / box.width;
    const [x0, y0, w, h] = at
      ? [Math.round((at.x - box.left - r) * k), Math.round((at.y - box.top - r) * k), Math.round(2 * r * k) + 1, Math.round(2 * r * k) + 1]
      : [0, 0, c.width, c.height];
    const data = c.getContext('2d')!.getImageData(x0, y0, w, h).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return at ? n : n / (w * h);
  }, [at ?? null, r] as const);
}

test('an 8,000-link file is read with progress shown, then painted: links seen, clicked, hovered and walked by keyboard', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Large network' });
  const m = new MapsPage(page);
  await m.open();
  // What the progress lines said while the file was read and the map drawn (they may come and
  // go between two looks of the test, so the page records them).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      for (const p of document.querySelectorAll('.busy, .map-drawing')) {
        const text = p.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const { text, nodes } = gexf(8000);
  await page.locator('#import-map').setInputFiles({ name: 'network.gexf', mimeType: 'text/xml', buffer: Buffer.from(text) });
  await expect(page.getByRole('status').filter({ hasText: `Imported ${nodes} nodes and 8000 links` })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.busy, .map-drawing')).toHaveCount(0);
  const said = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(said.length, `progress shown: ${said.join(' | ')}`).toBeGreaterThan(0);
  // Reading (shown once it takes over 200 ms), then drawing until the map is painted.
  for (const line of said) expect(line).toMatch(/^(Reading \u201cnetwork\.gexf\u201d\u2026|Drawing the map\u2026 \d+ of 9539 nodes and links)/);

  // Every node is named and focusable for the keyboard and screen readers, painted or not.
  await expect(page.locator('.map-canvas:not(.map-lift) .nodes > [data-node]')).toHaveCount(nodes);
  await expect(m.node('Node 7,')).toHaveAttribute('aria-label', /^Node 7, \d+ links$/);
  await m.inView();

  // The links are painted: a good part of the canvas is inked, and pixels lie on the link from
  // Node 1538 (at 2700, -3420: GEXF's y axis points up) to Node 0 (at 0, 0), 38 % of the way from
  // Node 0 (no other link passes within 16 map units there, no node within 20), while none lie in empty space (60 map units above the top row of nodes, between two
  // of them: every link runs between nodes, none above them).
  await expect.poll(() => painted(page)).toBeGreaterThan(0.05);
  const onLink = await onScreen(page, 2700 * 0.38, -3420 * 0.38);
  const empty = await onScreen(page, 75, -3420 - 60);
  expect(await painted(page, onLink)).toBeGreaterThan(0);
  expect(await painted(page, empty, 2)).toBe(0);

  // The pointer over the painted link: the link is drawn with its name (its tooltip).
  await page.mouse.move(onLink.x, onLink.y);
  await expect(page.locator('.map-canvas:not(.map-lift) .links > [data-link] title')).toHaveText('Link from Node 1538 to Node 0: link 1538');
  // A click on it selects it: the side panel shows that link.
  await page.mouse.click(onLink.x, onLink.y);
  await expect(page.locator('.map-side h3#sel-h')).toHaveText('Link');
  await expect(page.locator('.map-side').getByText('From \u201cNode 1538\u201d to \u201cNode 0\u201d')).toBeVisible();
  await expect(page.locator('.map-canvas:not(.map-lift) .links > [data-link].selected')).toHaveCount(1);
  // A click on a painted node selects it and draws it in the SVG, its links with it.
  const node = await onScreen(page, 150 * 5, -90 * 30);
  await page.mouse.click(node.x, node.y);
  await expect(page.locator('.map-side h3#sel-h')).toHaveText('Node');
  await expect(m.node('Node 1205,')).toHaveClass(/selected/);
  await expect(m.node('Node 1205,').locator('rect')).toHaveCount(1);

  // The keyboard reaches a link from a node (Alt+→), named.
  await m.node('Node 0,').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => page.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('.map-canvas [data-link]') ? el.querySelector('title')?.textContent ?? '' : null;
  })).toMatch(/^Link from Node \d+ (to|and|with) Node \d+: link \d+$/);
  await page.keyboard.press('Escape');

  await m.inView();
  await screenshotBothSizes(page, 'map-large-import');
  // Dark: painted in the dark scheme's colours (the canvas follows the stylesheet).
  const light = await page.evaluate(() => {
    const c = document.querySelector('canvas.map-paint') as HTMLCanvasElement;
    return c.toDataURL().length;
  });
  await app.setScheme('dark');
  await expect.poll(() => page.evaluate(() => (document.querySelector('canvas.map-paint') as HTMLCanvasElement).toDataURL().length)).not.toBe(light);
  await screenshotBothSizes(page, 'map-large-import-dark');
  // Zoomed in, the labels are painted readably.
  await page.setViewportSize({ width: 1280, height: 720 });
  await m.inView();
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  await screenshotBothSizes(page, 'map-large-import-zoomed-dark');
});
