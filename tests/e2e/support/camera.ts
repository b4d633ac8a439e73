// A fake camera for Chromium: a picture (a PNG screenshot, e.g. of a phone's response QR code)
// becomes a Y4M video file that Chromium plays as its camera when launched with
// `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`.
//
// No new dependency: the PNG is decoded by a browser page (createImageBitmap on a canvas, in
// about:blank so no app policy applies), drawn centred on a white 640×480 frame as a camera
// would see a phone held up to it, and the RGBA pixels are turned into Y4M 4:2:0 frames here.
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import config from '../playwright.config';

export const FRAME = { width: 640, height: 480 };

/** RGBA pixels of `png` drawn centred on a white frame, `fill` of its height (no smoothing). */
async function framePixels(browser: Browser, png: Buffer, fill: number): Promise<Uint8Array> {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    const bytes: number[] = await page.evaluate(
      async ({ data, width, height, fill }) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, width, height);
        g.imageSmoothingEnabled = false;
        const scale = (height * fill) / Math.max(bitmap.width, bitmap.height);
        const w = Math.round(bitmap.width * scale);
        const h = Math.round(bitmap.height * scale);
        g.drawImage(bitmap, Math.round((width - w) / 2), Math.round((height - h) / 2), w, h);
        return Array.from(g.getImageData(0, 0, width, height).data);
      },
      { data: Array.from(png), ...FRAME, fill },
    );
    return Uint8Array.from(bytes);
  } finally {
    await ctx.close();
  }
}

/** Y4M (YUV 4:2:0, BT.601 full range as `C420jpeg` says) of `frames` copies of one RGBA frame. */
export function y4m(rgba: Uint8Array, width: number, height: number, frames = 10): Buffer {
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const plane = Buffer.alloc(ySize + 2 * cw * ch);
  for (let i = 0; i < ySize; i++) {
    const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
    plane[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const p = ((2 * y + dy) * width + 2 * x + dx) * 4;
        r += rgba[p];
        g += rgba[p + 1];
        b += rgba[p + 2];
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const u = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
      const v = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      plane[ySize + y * cw + x] = Math.max(0, Math.min(255, Math.round(u)));
      plane[ySize + cw * ch + y * cw + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), plane);
  return Buffer.concat(parts);
}

/** Writes `png` (a screenshot) as the fake camera's video file at `path`. */
export async function writeCameraFile(browser: Browser, png: Buffer, path: string, fill = 0.8): Promise<void> {
  const rgba = await framePixels(browser, png, fill);
  writeFileSync(path, y4m(rgba, FRAME.width, FRAME.height));
}

/**
 * A Chromium like the suite's (same executable and flags) whose camera plays `file`. With
 * `allow` it grants the camera without asking; without it, the page's request is refused.
 */
export async function launchWithCamera(file: string | null, allow = true): Promise<Browser> {
  const base: LaunchOptions = config.use?.launchOptions ?? {};
  const args = [...(base.args ?? []), '--use-fake-device-for-media-stream'];
  if (file) args.push(`--use-file-for-fake-video-capture=${file}`);
  if (allow) args.push('--use-fake-ui-for-media-stream');
  return chromium.launch({ ...base, executablePath: '/usr/bin/chromium', args });
}

/** Records every stream the page's getUserMedia gives, so a test can see its tracks stop. */
export async function recordStreams(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __streams: MediaStream[] };
    w.__streams = [];
    const md = navigator.mediaDevices;
    if (!md) return;
    const original = md.getUserMedia.bind(md);
    md.getUserMedia = async (c?: MediaStreamConstraints) => {
      const s = await original(c);
      w.__streams.push(s);
      return s;
    };
  });
}
