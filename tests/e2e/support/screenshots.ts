// Screenshots at the two projector sizes, for a person to look at (tests/e2e/screenshots/).
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

const DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

export async function screenshotBothSizes(page: Page, name: string) {
  const paths: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const path = `${DIR}${name}-${size.width}x${size.height}.png`;
    await page.screenshot({ path });
    paths.push(path);
  }
  return paths;
}
