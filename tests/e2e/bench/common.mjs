// Shared by the benchmarks: serve dist/ on loopback and launch Debian's Chromium the way the
// browser suite does.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = join(here, '../../..');
// BENCH_DIST measures another build folder (e.g. a copy kept as a baseline while dist/ is rebuilt).
export const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** Serves dist/ on 127.0.0.1:`port`; returns a function that stops the server. */
export async function serveDist(port) {
  const server = spawn('node', [join(here, '../serve.mjs'), String(port), DIST], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 400));
  return () => server.kill();
}

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Median, p95 and max of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
}

/**
 * Whether the map of `n` nodes and `l` links is on screen, for `page.waitForFunction(mapDrawn, [n, l])`:
 * every node and link in the SVG (a map drawn as SVG), or painted on the canvas with what the SVG
 * draws of it (a large map: the canvas's `data-painted` counts, written after each painting).
 */
export function mapDrawn([n, l]) {
  const w = document.querySelector('.map-canvas-wrap');
  if (w && w.dataset.painted === `${n} ${l}`) return true;
  return document.querySelectorAll('.map-canvas .nodes > [data-node]').length === n
    && document.querySelectorAll('.map-canvas .links > [data-link]').length === l;
}
