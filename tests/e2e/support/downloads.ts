// Reading what the app offered as a download.
import type { Download } from '@playwright/test';

export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

export async function downloadText(download: Download): Promise<string> {
  return (await downloadBytes(download)).toString('utf8');
}
