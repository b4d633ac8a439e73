// A hostile participant for the live-room specs (issue 25): it holds what every participant
// holds, the invitation's `live=` (the room's public key), and joins the room's drop through the
// relay with the standard Yjs protocol, as any Yjs client can. For as long as it runs it deletes
// every value others put in the drop (responses and receipts) as soon as it sees one, adds junk
// (fake receipts, a bad key, a point off the curve, cut and altered copies of the responses it
// saw, a large value), and tries to open every response with all it holds (its own ephemeral
// key against the response's and against the room's, through the same HKDF and AES-GCM).
// Prints "hostile on" when connected, a line per deletion, and on SIGTERM a JSON summary.
// Usage: node hostile.mjs <relay ws origin> <live= value>
import { webcrypto as crypto } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as sync from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const [origin, live] = process.argv.slice(2);
const publicKey = Buffer.from(live, 'base64url');
const te = new TextEncoder();
const idDigest = await crypto.subtle.digest('SHA-256', Buffer.concat([te.encode('cstw drop id v2 '), publicKey]));
const dropId = Buffer.from(idDigest).subarray(0, 16);
const path = dropId.toString('hex');

const summary = { deleted: 0, seenEntries: 0, opened: 0, junk: 0 };
const mine = new Set();
const seen = new Set();
const curve = { name: 'ECDH', namedCurve: 'P-256' };
const me = await crypto.subtle.generateKey(curve, true, ['deriveBits']);
const room = await crypto.subtle.importKey('raw', publicKey, curve, true, []);

/** Tries to open a response with what this participant holds; true if it opened. */
async function tryOpen(entry) {
  const ephemeral = entry.subarray(1, 66);
  let theirs;
  try {
    theirs = await crypto.subtle.importKey('raw', ephemeral, curve, true, []);
  } catch {
    return false;
  }
  for (const other of [theirs, room]) {
    try {
      const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: other }, me.privateKey, 256);
      const hk = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveBits']);
      const info = Buffer.concat([te.encode('cstw drop v2 '), ephemeral, publicKey]);
      const okm = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: dropId, info }, hk, 512);
      const key = await crypto.subtle.importKey('raw', okm.slice(0, 32), 'AES-GCM', false, ['decrypt']);
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: entry.subarray(66, 78), additionalData: dropId },
        key,
        entry.subarray(78),
      );
      return true;
    } catch {
      // Not opened: as it should be.
    }
  }
  return false;
}

const doc = new Y.Doc();
const arr = doc.getArray('sealed');
const ws = new WebSocket(`${origin}/${path}`);
ws.binaryType = 'arraybuffer';

doc.on('update', (update, from) => {
  if (from === ws || ws.readyState !== WebSocket.OPEN) return;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  sync.writeUpdate(e, update);
  ws.send(encoding.toUint8Array(e));
});

function junkFrom(entry) {
  const altered = Uint8Array.from(entry);
  altered[90] ^= 0x40;
  const offCurve = new Uint8Array(120);
  offCurve[0] = 2;
  offCurve[1] = 4;
  offCurve.fill(1, 2, 66);
  return [
    Uint8Array.from([3, ...crypto.getRandomValues(new Uint8Array(16))]),
    Uint8Array.from([2, ...crypto.getRandomValues(new Uint8Array(150))]),
    offCurve,
    altered,
    entry.subarray(0, entry.length - 7),
  ];
}

let bigSent = false;
function attack() {
  const values = arr.toArray();
  const doomed = [];
  const junk = [];
  values.forEach((v, i) => {
    if (!(v instanceof Uint8Array) || mine.has(Buffer.from(v).toString('hex'))) return;
    doomed.push(i);
    const key = Buffer.from(v).toString('hex');
    if (v[0] === 2 && v.length >= 94 && !seen.has(key)) {
      seen.add(key);
      summary.seenEntries++;
      tryOpen(v).then((ok) => ok && summary.opened++);
      junk.push(...junkFrom(v));
    }
  });
  if (!doomed.length) return;
  if (!bigSent) {
    bigSent = true;
    junk.push(new Uint8Array(200_000).fill(2));
  }
  doc.transact(() => {
    for (const i of doomed.reverse()) arr.delete(i, 1);
    for (const j of junk) {
      mine.add(Buffer.from(j).toString('hex'));
      arr.push([j]);
    }
  });
  summary.deleted += doomed.length;
  summary.junk += junk.length;
  console.log(`deleted ${summary.deleted}`);
}

arr.observe((_, txn) => {
  if (txn.origin === ws) setTimeout(attack, 0);
});

ws.on('open', () => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  sync.writeSyncStep1(e, doc);
  ws.send(encoding.toUint8Array(e));
  console.log('hostile on');
});
ws.on('message', (data) => {
  const d = decoding.createDecoder(new Uint8Array(data));
  if (decoding.readVarUint(d) !== 0) return;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  sync.readSyncMessage(d, e, doc, ws);
  if (encoding.length(e) > 1) ws.send(encoding.toUint8Array(e));
});

process.on('SIGTERM', () => {
  console.log(JSON.stringify(summary));
  ws.close();
  process.exit(0);
});
