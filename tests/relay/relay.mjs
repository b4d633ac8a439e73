// The relay the browser suite's live-room specs run on loopback: @y/websocket-server's own
// connection handler (the code its `y-websocket-server` command runs), unchanged, with the
// persistence hook it offers writing each room's document to <dir>/<room>.bin after every
// update, so a spec can read what the relay stores (and find no plaintext in it).
// Usage: node relay.mjs <port> <dir>
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { setupWSConnection, setPersistence } from '@y/websocket-server/utils';

const port = Number(process.argv[2] ?? 1234);
const dir = process.argv[3] ?? './relay-store';
mkdirSync(dir, { recursive: true });

setPersistence({
  provider: null,
  bindState: (name, doc) => {
    const file = join(dir, `${encodeURIComponent(name)}.bin`);
    doc.on('update', () => writeFileSync(file, Y.encodeStateAsUpdate(doc)));
  },
  writeState: async () => {},
});

const wss = new WebSocket.Server({ noServer: true });
wss.on('connection', setupWSConnection);
// GET /memory: the relay process's memory (after a collection when node runs with
// --expose-gc), for the benchmark of what a room costs the relay (tests/e2e/bench/live.mjs).
const server = http.createServer((req, res) => {
  if (req.url === '/memory') {
    globalThis.gc?.();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(port, '127.0.0.1', () => console.log(`relay on 127.0.0.1:${port}, storing in ${dir}`));
