// A tiny static file server for the browser suite and the benchmarks: serves ../../dist on
// 127.0.0.1 both at "/" and under the sub-path "/cst-workbench/", the way a static host would.
// Usage: node serve.mjs [port] [dist-dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? 4173);
const root = resolve(process.argv[3] ?? join(here, '../../dist'));
export const SUB_PATH = '/cst-workbench/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileFor(urlPath) {
  let path = decodeURIComponent(urlPath.split('?')[0]);
  if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
  else if (path === SUB_PATH.slice(0, -1)) return { redirect: SUB_PATH };
  if (path.endsWith('/')) path += 'index.html';
  const full = normalize(join(root, path));
  if (!full.startsWith(root)) return null; // no path traversal
  try {
    if (!(await stat(full)).isFile()) return null;
    return { full };
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const found = await fileFor(req.url ?? '/');
  if (found?.redirect) {
    res.writeHead(301, { Location: found.redirect });
    return res.end();
  }
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('not found');
  }
  const body = await readFile(found.full);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(found.full)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/ and http://127.0.0.1:${port}${SUB_PATH}`);
});
