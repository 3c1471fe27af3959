// What a hot update's re-import asks of the server, without a browser: after each save of the bottom of a
// 10-module chain, the ten re-stamped modules (?t=<the update's timestamp>) requested at once over at most six
// keep-alive connections, as Chromium's preloads are, on our app (CompareServer) and on Vite, each on a fresh
// start. Prints, per server, the median wall time of the ten and the time to first byte of each, over the edits
// after the first ten (EDITS, 40 by default: the first edits after a start are the ones the warm-up is for).
//
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules [EDITS=40] [KINDS=hmr,vite] node reimport-requests.mjs
// Loopback only; every wait bounded (10 s an update), fixtures removed afterwards.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { createRequire } from 'node:module';
import { chain, withServer } from './page-fixtures.mjs';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const WebSocket = require('ws');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const edits = Number(process.env.EDITS || 40);
const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });

// a module request as Chromium sends one: resolves to the time to first byte and the whole time
const get = (url) => new Promise((resolve, reject) => {
  const start = performance.now();
  const request = http.get(url, { agent, headers: { accept: '*/*', 'sec-fetch-dest': 'script' } }, (res) => {
    const firstByte = performance.now() - start;
    res.resume();
    res.on('end', () => resolve([firstByte, performance.now() - start]));
  });
  request.setTimeout(10_000, () => request.destroy(new Error(`${url}: no answer in 10 s`)));
  request.on('error', reject);
});

for (const kind of (process.env.KINDS || 'hmr,vite').split(',')) {
  const spec = chain(10);
  await withServer(kind, spec.files, async (server, dir) => {
    await get(server.base + '/');
    for (let i = 0; i < 10; i++) await get(`${server.base}/m${i}.js`);
    const socket = new WebSocket(server.base.replace('http', 'ws') + (kind === 'vite' ? '/' : '/@hmr'), 'vite-hmr');
    let waiter = null;
    socket.on('message', (data) => {
      const text = String(data);
      const m = /"type":"update".*"timestamp":(\d+)/.exec(text);
      if (m && waiter) waiter(m[1]);
    });
    await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
    await sleep(500);
    const rounds = [];
    for (let e = 1; e <= edits; e++) {
      const timestamp = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no update for edit ${e} in 10 s`)), 10_000);
        waiter = (t) => { clearTimeout(timer); waiter = null; resolve(t); };
      });
      fs.writeFileSync(path.join(dir, spec.leaf), spec.text(e));
      const t = await timestamp;
      const start = performance.now();
      const answers = await Promise.all([...Array(10).keys()].map((i) => get(`${server.base}/m${i}.js?t=${t}`)));
      if (e > 10) rounds.push({ wall: performance.now() - start, firstBytes: answers.map((a) => a[0]) });
      await sleep(100);
    }
    rounds.sort((a, b) => a.wall - b.wall);
    const median = rounds[Math.floor(rounds.length / 2)];
    console.log(`${kind.padEnd(5)} ten re-stamped modules at once, median ${median.wall.toFixed(2)} ms over ${rounds.length} edits;`
      + ` first bytes in that edit ${median.firstBytes.map((x) => x.toFixed(1)).join(' ')} ms`);
    socket.terminate();
  });
}
agent.destroy();
