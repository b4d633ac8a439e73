// Map formats in the browser: import a Kumu file from the new-map page; export every format
// from the side panel and import each file back; the PNG is a real picture of the right size
// that Chromium draws; a damaged file gives a message and changes nothing; merging adds beside
// the map and one undo takes it back. Focus mode fills a projector screen with the canvas.
// Files from other tools: GML written by NetworkX, LangGraph's Mermaid, a DOT file Graphviz
// wrote with HTML-like labels, and a UTF-16 file as Windows tools save them.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from '../support/workshops';
import { MapsPage } from '../support/maps';
import { App } from '../support/app';
import { expectNoAxeViolations } from '../support/a11y';
import { screenshotBothSizes } from '../support/screenshots';
import type { Page } from '@playwright/test';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const KUMU_LABELS = ['GP practices', 'Link workers', 'Patients', 'Voluntary groups', 'Carers'];

async function mapCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('cst-workbench.workshop.'))!;
    return JSON.parse(localStorage.getItem(key)!).workshop.maps?.length ?? 0;
  });
}

async function startWithKumu(page: Page) {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.create({ title: 'Formats day' });
  const m = new MapsPage(page);
  await m.open();
  await page.locator('#import-map').setInputFiles(join(FIXTURES, 'map-kumu.json'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 5 nodes and 4 links' })).toBeVisible();
  await expect(m.nodes).toHaveCount(5);
  await expect.poll(() => mapCount(page)).toBe(1);
  return m;
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('every export downloads and imports back as the same map', async ({ page }) => {
  const m = await startWithKumu(page);
  for (const label of KUMU_LABELS) await expect(m.node(label)).toHaveCount(1);
  const formats: [string, RegExp, string][] = [
    ['SVG picture', /^formats-day-.*\.svg$/, 'svg'],
    ['Graphviz DOT', /\.dot$/, 'dot'],
    ['GraphML', /\.graphml$/, 'graphml'],
    ['GEXF', /\.gexf$/, 'gexf'],
    ['GML', /\.gml$/, 'gml'],
    ['Kumu JSON', /\.kumu\.json$/, 'json'],
    ['Map JSON', /\.map\.json$/, 'json'],
    ['Mermaid', /\.mmd$/, 'mmd'],
  ];
  const files: Record<string, string> = {};
  for (const [label, name] of formats) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(name);
    files[label] = (await download.path())!;
  }
  const csv: string[] = [];
  for (const label of ['Elements CSV', 'Connections CSV']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label, exact: true }).click(),
    ]);
    csv.push(await download.path().then((p) => {
      const target = join(test.info().outputDir, download.suggestedFilename());
      return download.saveAs(target).then(() => target);
    }));
  }
  const mermaid = readFileSync(files['Mermaid'], 'utf8');
  expect(mermaid).toMatch(/^flowchart LR/);
  expect(mermaid).toContain('"GP practices"');
  const svg = readFileSync(files['SVG picture'], 'utf8');
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('<metadata>');

  // Each file back in as a new map: same nodes and links.
  const before = await mapCount(page);
  let made = 0;
  const imports: [string, string[]][] = formats
    .map(([l, , ext], i) => {
      // Downloads sit on disk under random names; the importer gets the real extension.
      const target = join(test.info().outputDir, `back-${i}.${ext}`);
      copyFileSync(files[l], target);
      return [l, [target]] as [string, string[]];
    });
  imports.push(['CSV tables', csv]);
  for (const [label, named] of imports) {
    await page.locator('#import-map-here').setInputFiles(named);
    const file = named[0].split('/').at(-1)!;
    await expect(page.getByRole('status').filter({ hasText: file }), label).toContainText('Imported 5 nodes and 4 links');
    made++;
    await expect(m.nodes).toHaveCount(5);
    for (const l of KUMU_LABELS) await expect(m.node(l)).toHaveCount(1);
    await expect(m.links).toHaveCount(4);
    await expect.poll(() => mapCount(page)).toBe(before + made);
  }
});

test('the PNG is a picture of the chosen size that Chromium draws, and it opens again as a map', async ({ page }) => {
  const m = await startWithKumu(page);
  await page.getByLabel('PNG size').selectOption('3');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG picture', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const png = readFileSync((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // The SVG's size at 3x (the same numbers the SVG export declares).
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG picture', exact: true }).click(),
  ]);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  const svgW = Number(svg.match(/ width="(\d+)"/)![1]);
  const svgH = Number(svg.match(/ height="(\d+)"/)![1]);
  expect(Math.abs(width - svgW * 3)).toBeLessThanOrEqual(3);
  expect(Math.abs(height - svgH * 3)).toBeLessThanOrEqual(3);

  // Chromium draws both: the PNG and the SVG have dark (text and line) pixels, not blank.
  const inks = await page.evaluate(async ([pngB64, svgText]) => {
    const ink = async (src: string) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i] + d[i + 1] + d[i + 2] < 300) dark++;
      return { w: img.naturalWidth, h: img.naturalHeight, dark };
    };
    return [await ink(`data:image/png;base64,${pngB64}`), await ink(URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' })))];
  }, [png.toString('base64'), svg] as const);
  expect(inks[0].w).toBe(width);
  expect(inks[0].dark).toBeGreaterThan(500);
  expect(inks[1].dark).toBeGreaterThan(50);

  const target = join(test.info().outputDir, 'map.png');
  await download.saveAs(target);
  await page.locator('#import-map-here').setInputFiles(target);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 5 nodes and 4 links' })).toContainText('(PNG)');
  await expect(m.nodes).toHaveCount(5);
});

test('a damaged file gets a message and changes nothing; a merge adds beside the map and undo takes it back', async ({ page }) => {
  const m = await startWithKumu(page);
  const maps = await mapCount(page);
  const saved = JSON.stringify(await m.saved());
  await page.locator('#import-map-here').setInputFiles({
    name: 'broken.graphml',
    mimeType: 'application/xml',
    buffer: Buffer.from('<graphml><graph>\n<node id="a"/>\n<edge source="a" target="ghost"/></graph></graphml>'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.graphml' });
  await expect(alert).toContainText('Line 3');
  await expect(alert).toContainText('Nothing was changed');
  expect(await mapCount(page)).toBe(maps);
  expect(JSON.stringify(await m.saved())).toBe(saved);

  await page.getByLabel('beside this map’s nodes (merge)').check();
  await page.locator('#import-map-here').setInputFiles(join(FIXTURES, 'map-cmaptools.cxl'));
  await expect(page.getByRole('status').filter({ hasText: 'Merged 4 nodes and 3 links' })).toBeVisible();
  await expect(m.nodes).toHaveCount(9);
  await expect.poll(async () => (await m.saved()).nodes.length).toBe(9);
  expect(await mapCount(page)).toBe(maps);
  await m.canvas.focus();
  await page.keyboard.press('Control+z');
  await expect(m.nodes).toHaveCount(5);
  await expect.poll(async () => (await m.saved()).nodes.length).toBe(5);
  await page.reload();
  await expect(m.nodes).toHaveCount(5);
});

test('focus mode fills a projector screen with the canvas; Esc brings the page back', async ({ page }) => {
  const m = await startWithKumu(page);
  const app = new App(page);
  await app.setTheme('projector');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Focus mode' }).click();
  await expect(page.getByRole('button', { name: 'Leave focus mode' })).toHaveAttribute('aria-pressed', 'true');
  const box = (await m.canvas.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(box.height).toBeGreaterThan(600);
  expect(box.width).toBeGreaterThan(900);
  for (const label of KUMU_LABELS) await expect(m.node(label)).toBeInViewport();
  await expectNoAxeViolations(page, { aaa: true });
  await screenshotBothSizes(page, 'map-focus-projector');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('heading', { name: 'Concept maps', level: 2 })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.setTheme('standard');
  await page.getByRole('heading', { name: 'Export this map' }).scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page);
  await screenshotBothSizes(page, 'map-files');
});

test('GML, Mermaid, HTML-label DOT and UTF-16 files from other tools import with every node and link', async ({ page }) => {
  const m = await startWithKumu(page);
  const cases: [string, string, string[]][] = [
    ['map-networkx.gml', 'Imported 5 nodes and 5 links', ['GP practices', 'Public health']],
    ['map-langgraph.mmd', 'Imported 4 nodes and 4 links', ['__start__', 'agent', 'tools', '__end__']],
    ['map-graphviz-html.dot', 'Imported 4 nodes and 3 links', ['bun:sqlite', 'Audit', 'Risk', 'Tom & Jerry']],
  ];
  for (const [file, outcome, labels] of cases) {
    await page.locator('#import-map-here').setInputFiles(join(FIXTURES, file));
    await expect(page.getByRole('status').filter({ hasText: file })).toContainText(outcome);
    const counts = outcome.match(/(\d+) nodes and (\d+) links/)!;
    await expect(m.nodes).toHaveCount(Number(counts[1]));
    await expect(m.links).toHaveCount(Number(counts[2]));
    for (const l of labels) await expect(m.node(l)).toHaveCount(1);
    if (file.endsWith('.dot')) {
      // HTML became text: no angle brackets or tags on the canvas.
      await expect(page.locator('.map-canvas:not(.map-lift)')).not.toContainText('<TABLE');
      await expect(page.locator('.map-canvas:not(.map-lift)')).not.toContainText('<B>');
      await page.getByRole('status').filter({ hasText: file }).scrollIntoViewIfNeeded();
      await screenshotBothSizes(page, 'map-import-html-dot');
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  }
  // A UTF-16 file with a byte-order mark, CRLF line ends, as Windows tools save it.
  const text = 'graph [\r\n  label "Café plan"\r\n  node [ id 1 label "Élan" ]\r\n  node [ id 2 label "Ünity" ]\r\n  edge [ source 1 target 2 label "grows" ]\r\n]\r\n';
  await page.locator('#import-map-here').setInputFiles({
    name: 'windows.gml',
    mimeType: 'text/plain',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  });
  await expect(page.getByRole('status').filter({ hasText: 'windows.gml' })).toContainText('Imported 2 nodes and 1 link from');
  await expect(m.node('Élan')).toHaveCount(1);
  await expect(m.node('Ünity')).toHaveCount(1);
  await page.getByRole('status').filter({ hasText: 'windows.gml' }).scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'map-import-utf16-gml');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A DOT file with a mistake: the message names the line in words, not the parser's trace.
  await page.locator('#import-map-here').setInputFiles({
    name: 'broken.dot',
    mimeType: 'text/plain',
    buffer: Buffer.from('digraph {\n  a -> b\n  c -> [label=x]\n}\n'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.dot' });
  await expect(alert).toContainText('Line 3, column');
  await expect(alert).toContainText('expected a node name');
  await expect(alert).not.toContainText('-->');
  await alert.scrollIntoViewIfNeeded();
  await screenshotBothSizes(page, 'map-import-dot-error');
});

test('an imported map is shown whole on the canvas of this screen, at either size', async ({ page }) => {
  // Laid out wide by the tool that wrote it: the reader fits it to a nominal 1000 × 600, and the
  // canvas on a 1024 × 768 laptop is narrower than that, so without fitting to the real canvas
  // the right-hand nodes sit beyond its edge.
  const nodes = ['West end', 'Middle', 'East end', 'Far east'];
  const gml = 'graph [\n  directed 1\n' +
    nodes.map((label, i) => `  node [ id ${i} label "${label}" graphics [ x ${i * 2400} y ${(i % 2) * 300} ] ]\n`).join('') +
    '  edge [ source 0 target 1 ]\n  edge [ source 1 target 2 ]\n  edge [ source 2 target 3 ]\n]\n';
  for (const [width, height] of [[1024, 768], [1280, 720]]) {
    await page.setViewportSize({ width, height });
    const lib = new LibraryPage(page);
    await lib.open();
    await lib.create({ title: `Wide map ${width}` });
    const m = new MapsPage(page);
    await m.open();
    await page.locator('#import-map').setInputFiles({ name: 'wide.gml', mimeType: 'text/plain', buffer: Buffer.from(gml) });
    await expect(page.getByRole('status').filter({ hasText: 'Imported 4 nodes and 3 links' })).toBeVisible();
    await expect(m.nodes).toHaveCount(4);
    const canvas = page.locator('svg.map-canvas:not(.map-lift)');
    await expect.poll(async () => {
      const c = (await canvas.boundingBox())!;
      const outside: string[] = [];
      for (const label of nodes) {
        const b = (await m.node(label).locator('rect').boundingBox())!;
        if (b.x < c.x - 0.5 || b.y < c.y - 0.5 || b.x + b.width > c.x + c.width + 0.5 || b.y + b.height > c.y + c.height + 0.5) outside.push(label);
      }
      return outside;
    }, { message: `every node inside the canvas at ${width}×${height}` }).toEqual([]);
  }
});
