// Save-to-wire latency measured from Node, the same way SaveToWireBenchmark does from Java:
// a self-accepting counter.js imported by main.js, both fetched over HTTP so the server's
// module graph knows them, a `ws` client on the HMR socket with the `vite-hmr` subprotocol,
// then warm-up + measured saves timed from just before fs.writeFileSync to the `update` frame.
//
// Against Vite's dev server (started here with createServer on a temporary root):
//   npm install --prefix /tmp/bench-vite vite@8 ws
//   NODE_PATH=/tmp/bench-vite/node_modules node hmr-benchmarks/src/main/js/save-to-wire.mjs vite [saves] [warmUp]
// Against an already running server that serves <dir>/main.js and <dir>/counter.js at <http>:
//   node save-to-wire.mjs external <http://localhost:port> <ws://localhost:port/@hmr> <dir> [saves] [warmUp]
// (SaveToWireBenchmark prints such a command when started with the argument "serve".)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const WebSocket = require('ws');

const mode = process.argv[2] || 'vite';
let base, wsUrl, dir, server, rest;
if (mode === 'vite') {
  const { createServer } = require('vite');
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vite-save-to-wire-')));
  writeProject(dir);
  server = await createServer({ root: dir, configFile: false, logLevel: 'warn',
    server: { port: 0, host: 'localhost', strictPort: false } });
  await server.listen();
  const address = server.httpServer.address();
  base = `http://localhost:${address.port}`;
  wsUrl = `ws://localhost:${address.port}/`;
  rest = process.argv.slice(3);
} else {
  [base, wsUrl, dir] = process.argv.slice(3, 6);
  rest = process.argv.slice(6);
}
const saves = Number(rest[0] || 50);
const warmUp = Number(rest[1] || 20);

function writeProject(root) {
  fs.writeFileSync(path.join(root, 'main.js'), "import { count } from './counter.js';\nconsole.log(count);\n");
  fs.writeFileSync(path.join(root, 'counter.js'), content(-1));
}
function content(i) {
  return `export let count = ${i};\nimport.meta.hot.accept();\n`;
}

for (const url of ['/main.js', '/counter.js']) {
  const response = await fetch(base + url, { headers: { accept: '*/*' } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  await response.text();
}

const frames = [];
let waiter = null;
const socket = new WebSocket(wsUrl, 'vite-hmr');
socket.on('message', (data) => {
  const now = process.hrtime.bigint();
  frames.push({ text: data.toString(), now });
  if (waiter) { const w = waiter; waiter = null; w(); }
});
function take(what) {
  return new Promise((resolve, reject) => {
    const done = () => { clearTimeout(timer); resolve(frames.shift()); };
    const timer = setTimeout(() => { waiter = null; reject(new Error('no frame within 5 s: ' + what)); }, 5000);
    if (frames.length) done(); else waiter = done;
  });
}
const connected = await take('connected');
if (!connected.text.includes('"type":"connected"')) throw new Error('expected connected, got ' + connected.text);

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`node ${process.version}, ${mode === 'vite' ? 'vite ' + require('vite/package.json').version : base}, ${os.cpus().length} cores, load average ${load()}`);
console.log(`Save of a self-accepting module to its update frame: ${saves} saves after ${warmUp} to warm up`);
const counter = path.join(dir, 'counter.js');
const fromStart = [], fromReturn = [], writes = [];
let extra = 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < warmUp + saves; i++) {
  const start = process.hrtime.bigint();
  fs.writeFileSync(counter, content(i));
  const returned = process.hrtime.bigint();
  const frame = await take('update of save ' + i);
  if (!frame.text.includes('"type":"update"') || !frame.text.includes('/counter.js')) {
    throw new Error('expected an update of /counter.js, got ' + frame.text);
  }
  if (i >= warmUp) {
    fromStart.push(Number(frame.now - start));
    fromReturn.push(Number(frame.now - returned));
    writes.push(Number(returned - start));
  }
  // as the browser does on an update: fetch the new version (outside the timing)
  const timestamp = JSON.parse(frame.text).updates[0].timestamp;
  await (await fetch(`${base}/counter.js?t=${timestamp}`, { headers: { accept: '*/*' } })).text();
  await sleep(Number(process.env.SETTLE_MS || 100));
  extra += frames.splice(0).length;
}
function summary(nanos) {
  const s = [...nanos].sort((a, b) => a - b);
  const pct = (p) => s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)] / 1e6;
  const f = (v) => v.toFixed(3).padStart(7);
  return `median ${f(pct(50))}  p95 ${f(pct(95))}  min ${f(s[0] / 1e6)}  max ${f(s[s.length - 1] / 1e6)} ms`;
}
console.log('from before the write   ' + summary(fromStart));
console.log('from after the write    ' + summary(fromReturn));
console.log('the write itself        ' + summary(writes));
console.log(`${extra} extra frames; load average after ${load()}`);
socket.terminate();
if (server) { await server.close(); fs.rmSync(dir, { recursive: true, force: true }); }
