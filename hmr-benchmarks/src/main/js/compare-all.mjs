// The side-by-side suite: the same generated fixtures served by our app (CompareServer, a
// Java process of its own) and by Vite's dev server (vite-serve.mjs, a Node process of its
// own), measured by the same Node client in the same run, one server after the other per
// figure, and the ratios printed (ours / Vite's: below 1 is ahead). Loopback only; every
// wait is bounded. Run it through src/main/sh/compare-all.sh, which builds what it needs.
//
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node compare-all.mjs [options]
//     --only a,b        figures to run (default all): save10, depth, fanout, memory
//     --clients 1,500,2000   client counts of the fan-out and memory figures
//     --saves N         measured saves per figure (default 30; 10 for the fan-out)
//     --servers hmr,vite
// HMR_JAVA_OPTS adds JVM options to our server (for example a JFR recording); DEPTH_ONLY=10,000 runs
// only the depth figures whose name contains it.
//
// Each save is timed from just before fs.writeFileSync to the frame's arrival (for K clients:
// at the last of them). Between saves the client fetches the updated module as a browser would,
// then pauses SETTLE_MS (default 100).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const WebSocket = require('ws');

const args = parseArgs(process.argv.slice(2));
const only = new Set((args.only || 'save10,depth,fanout,memory').split(','));
const clientCounts = (args.clients || '1,500,2000').split(',').map(Number);
const saves = Number(args.saves || 30);
const servers = (args.servers || 'hmr,vite').split(',');
const settleMs = Number(process.env.SETTLE_MS || 100);
const here = path.dirname(new URL(import.meta.url).pathname);
const results = [];

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 2) out[list[i].replace(/^--/, '')] = list[i + 1];
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg()[0].toFixed(2);

// ---------------------------------------------------------------- fixtures

function fixture(name, files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `compare-${name}-`)));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const html = (extra = '') => `<!doctype html>\n<html><head><link rel="stylesheet" href="/link.css">${extra}</head>`
  + `<body><script type="module" src="/m0.js"></script></body></html>\n`;
const leaf = (i, v) => `export const v${i} = ${v};\n`;

// m0 self-accepts and imports m1, which imports m2 ... m(n-1): an edit of the last one
// propagates through the whole chain up to m0.
function chain(n) {
  const files = { 'index.html': html(), 'link.css': 'body { color: rgb(0, 0, 1); }\n',
    'style.css': 'p { color: rgb(0, 0, 1); }\n' };
  for (let i = 0; i < n - 1; i++) {
    files[`m${i}.js`] = `import { v${i + 1} } from './m${i + 1}.js';\n`
      + (i === 0 ? `import './style.css';\nimport.meta.hot.accept();\n` : '')
      + `export const v${i} = v${i + 1};\n`;
  }
  files[`m${n - 1}.js`] = leaf(n - 1, 0);
  return { files, edit: `m${n - 1}.js`, text: (v) => leaf(n - 1, v), order: [...Array(n).keys()].map((i) => `/m${i}.js`) };
}

// A complete k-ary tree: m0 imports m1..mk, m1 imports m(k+1)..m(2k), ...; m0 self-accepts.
function tree(n, k = 10) {
  const files = { 'index.html': html(), 'link.css': 'body { color: rgb(0, 0, 1); }\n' };
  for (let i = 0; i < n; i++) {
    const children = [];
    for (let c = i * k + 1; c <= i * k + k && c < n; c++) children.push(c);
    files[`m${i}.js`] = children.map((c) => `import { v${c} } from './m${c}.js';\n`).join('')
      + (i === 0 ? 'import.meta.hot.accept();\n' : '') + `export const v${i} = ${children.length ? children.map((c) => `v${c}`).join(' + ') : 0};\n`;
  }
  return { files, edit: `m${n - 1}.js`, text: (v) => leaf(n - 1, v), order: [...Array(n).keys()].map((i) => `/m${i}.js`) };
}

// m0 self-accepts and imports m1..m(n-1) directly.
function star(n) {
  const t = tree(n, n);
  return t;
}

// ---------------------------------------------------------------- servers

async function startServer(kind, dir) {
  let child;
  if (kind === 'hmr') {
    if (!process.env.CP) throw new Error('CP is not set (see compare-all.sh)');
    child = spawn('java', [...(process.env.HMR_JAVA_OPTS || '').split(' ').filter(Boolean), '-Xss8m', '-cp', process.env.CP, 'dev.hmr.benchmarks.CompareServer', dir],
      { stdio: ['pipe', 'pipe', 'inherit'] });
  } else {
    child = spawn(process.execPath, ['--expose-gc', '--stack-size=984', path.join(here, 'vite-serve.mjs'), dir],
      { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  }
  const line = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${kind} did not start in 60 s`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)[^\n]*/.exec(out);
      if (m) { clearTimeout(timer); resolve(m); }
    });
    child.on('exit', (code) => reject(new Error(`${kind} exited ${code}`)));
  });
  const port = Number(line[1]);
  const base = `http://localhost:${port}`;
  const ws = kind === 'hmr' ? `ws://localhost:${port}/@hmr` : `ws://localhost:${port}/`;
  return { kind, base, ws, version: line[0], stop: () => new Promise((r) => { child.on('exit', r); child.stdin.end(); setTimeout(() => { child.kill('SIGKILL'); r(); }, 10_000); }) };
}

// Modules are fetched as a browser's import does: Sec-Fetch-Dest script.
async function get(url, accept = '*/*', extra = accept === '*/*' ? { 'sec-fetch-dest': 'script' } : {}) {
  const response = await fetch(url, { headers: { accept, ...extra } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

// Fetches what a browser would, in order: the page, its stylesheet, then every module.
async function crawl(server, spec) {
  await get(server.base + '/', 'text/html');
  await get(server.base + '/link.css', 'text/css,*/*;q=0.1', { 'sec-fetch-dest': 'style' });
  for (let i = 0; i < spec.order.length; i += 50) {
    await Promise.all(spec.order.slice(i, i + 50).map((u) => get(server.base + u)));
  }
  if (spec.files['style.css']) await get(server.base + '/style.css');
}

// ---------------------------------------------------------------- clients

function connect(server) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.ws, 'vite-hmr', { perMessageDeflate: false });
    const client = { socket, frames: [], waiter: null };
    const timer = setTimeout(() => reject(new Error('no connected frame in 20 s')), 20_000);
    socket.on('message', (data) => {
      const now = process.hrtime.bigint();
      const text = data.toString();
      if (text.includes('"type":"connected"')) { clearTimeout(timer); resolve(client); return; }
      if (text.includes('"type":"ping"')) return;
      client.frames.push({ text, now });
      if (client.waiter) { const w = client.waiter; client.waiter = null; w(); }
    });
    socket.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

function next(client, ms = 10_000) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(client.frames.shift()); };
    const timer = setTimeout(() => { client.waiter = null; resolve(null); }, ms);
    if (client.frames.length) done(); else client.waiter = done;
  });
}

async function connectMany(server, k) {
  const start = process.hrtime.bigint();
  const clients = [];
  for (let i = 0; i < k; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(k, i + 100); j++) batch.push(connect(server));
    clients.push(...await Promise.all(batch));
  }
  return { clients, millis: Number(process.hrtime.bigint() - start) / 1e6 };
}

function closeAll(clients) {
  for (const c of clients) c.socket.terminate();
}

// ---------------------------------------------------------------- measuring

function stats(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pct = (p) => s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)];
  return { median: pct(50), p95: pct(95), n: s.length };
}

// Saves `spec.edit` `count` times; each time waits for the expected frame at every client.
async function measureSaves(server, dir, spec, clients, count, expect, warmUp = 5) {
  const times = [];
  let missed = 0;
  for (let i = 0; i < warmUp + count; i++) {
    for (const c of clients) c.frames.length = 0;
    const start = process.hrtime.bigint();
    fs.writeFileSync(path.join(dir, spec.edit), spec.text(i + 1));
    const frames = await Promise.all(clients.map((c) => next(c)));
    if (frames.some((f) => f === null || !f.text.includes(`"type":"${expect}"`))) {
      missed++;
      const bad = frames.find((f) => f === null || !f.text.includes(`"type":"${expect}"`));
      if (missed === 1) console.log(`    ${server.kind}: expected ${expect}, got ${bad ? bad.text.slice(0, 160) : 'nothing in 10 s'}`);
      if (missed >= 3) break;
      continue;
    }
    const last = frames.reduce((m, f) => (f.now > m ? f.now : m), 0n);
    if (i >= warmUp) times.push(Number(last - start) / 1e6);
    if (expect === 'update') {
      const payload = JSON.parse(frames[0].text);
      for (const u of payload.updates) {
        await fetch(`${server.base}${u.path}${u.path.includes('?') ? '&' : '?'}t=${u.timestamp}`, { headers: { accept: '*/*', 'sec-fetch-dest': 'script' } }).then((r) => r.text());
      }
    } else if (expect === 'full-reload') {
      await get(server.base + '/', 'text/html');
    }
    await sleep(settleMs);
  }
  const s = stats(times);
  return s ? { ...s, missed } : null;
}

function record(figure, server, value, unit = 'ms') {
  results.push({ figure, server: server.kind, value, unit });
  const v = value === null ? 'nothing' : (typeof value === 'object'
    ? `median ${value.median?.toFixed(2)}  p95 ${value.p95?.toFixed(2)}  (n=${value.n}${value.missed ? `, ${value.missed} missed` : ''})`
    : `${value.toFixed(2)} ${unit}`);
  console.log(`  ${figure.padEnd(44)} ${server.kind.padEnd(5)} ${v}   load ${load()}`);
}

async function withServer(kind, spec, body) {
  const dir = fixture(kind, spec.files);
  const server = await startServer(kind, dir);
  try {
    await crawl(server, spec);
    await sleep(500);
    return await body(server, dir);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function save10(kind) {
  const spec = chain(10);
  await withServer(kind, spec, async (server, dir) => {
    const [client] = (await connectMany(server, 1)).clients;
    const kinds = [
      ['save→wire, 10-module chain: JS', spec, 'update'],
      ['save→wire, 10-module chain: imported CSS', { ...spec, edit: 'style.css', text: (v) => `p { color: rgb(0, 0, ${v % 250}); }\n` }, 'update'],
      ['save→wire, 10-module chain: link CSS', { ...spec, edit: 'link.css', text: (v) => `body { color: rgb(0, 0, ${v % 250}); }\n` }, 'update'],
      ['save→wire, 10-module chain: full reload', { ...spec, edit: 'index.html', text: (v) => html(`<meta name="v" content="${v}">`) }, 'full-reload'],
    ];
    for (const [figure, s, expect] of kinds) record(figure, server, await measureSaves(server, dir, s, [client], saves, expect));
    closeAll([client]);
  });
}

async function depth(kind) {
  const fixtures = [['save→wire, tree of 5,000: JS', () => tree(5000)], ['save→wire, star of 2,000: JS', () => star(2000)],
    ['save→wire, chain 2,000 deep: JS', () => chain(2000)], ['save→wire, chain 10,000 deep: JS', () => chain(10000)]]
    .filter(([figure]) => !process.env.DEPTH_ONLY || figure.includes(process.env.DEPTH_ONLY));
  for (const [figure, make] of fixtures) {
    const spec = make();
    await withServer(kind, spec, async (server, dir) => {
      const [client] = (await connectMany(server, 1)).clients;
      const r = await measureSaves(server, dir, spec, [client], saves, 'update');
      record(figure, server, r);
      closeAll([client]);
    });
  }
}

async function fanout(kind) {
  const spec = chain(10);
  await withServer(kind, spec, async (server, dir) => {
    for (const k of clientCounts) {
      if (k > 1) {
        // the first connections after start-up, then the same number again on the warm server
        const first = await connectMany(server, k);
        record(`${k} clients connect (first round)`, server, first.millis);
        closeAll(first.clients);
        await sleep(1000);
      }
      const { clients, millis } = await connectMany(server, k);
      if (k > 1) record(`${k} clients connect (second round)`, server, millis);
      record(`all of ${k} clients have the update`, server, await measureSaves(server, dir, spec, clients, Math.min(saves, k > 1 ? 10 : saves), 'update', 3));
      closeAll(clients);
      await sleep(1000);
    }
  });
}

async function memory(kind) {
  const k = Math.max(...clientCounts);
  const spec = tree(1000);
  const files = { ...spec.files };
  for (const [file, text] of Object.entries(spec.files)) {
    if (/^m\d+\.js$/.test(file)) files[file.replace('m', 'b')] = text.replaceAll("from './m", "from './b");
  }
  const dir = fixture(kind, files);
  const server = await startServer(kind, dir);
  try {
    const heap = async () => JSON.parse(await get(server.base + '/__bench/heap', 'application/json'));
    // Each request on a connection of its own, closed after it: idle keep-alive connections
    // hold the servers' buffers, which are no part of the modules' cost.
    const getClosed = (u) => new Promise((resolve, reject) => {
      http.get(server.base + u, { agent: false, headers: { accept: '*/*', 'sec-fetch-dest': 'script' } }, (r) => {
        r.resume();
        r.on('end', () => (r.statusCode === 200 ? resolve() : reject(new Error(`${u} answered ${r.statusCode}`))));
      }).on('error', reject);
    });
    // Two copies of the tree: the page's (m0...) warms every code path of both servers (Vite
    // transforms a page's whole static import graph as soon as the page is asked for), then a
    // second one no page imports (b0...) is requested module by module: the heap it adds is
    // what 1,000 more modules cost, with nothing a first request costs once.
    await get(server.base + '/', 'text/html');
    for (let i = 0; i < spec.order.length; i += 10) await Promise.all(spec.order.slice(i, i + 10).map(getClosed));
    await sleep(1000);
    const before = await heap();
    const second = spec.order.map((u) => u.replace('/m', '/b'));
    for (let i = 0; i < second.length; i += 10) await Promise.all(second.slice(i, i + 10).map(getClosed));
    await sleep(1000);
    const crawled = await heap();
    record('heap per 1,000 modules in the graph', server,
      (crawled.heap - before.heap) / 1024 / ((crawled.modules - before.modules) / 1000), 'KB');
    const { clients } = await connectMany(server, k);
    await sleep(1000);
    const connected = await heap();
    record(`heap per idle client (${k} clients)`, server, (connected.heap - crawled.heap) / 1024 / k, 'KB');
    closeAll(clients);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`compare-all: node ${process.version}, ${os.cpus().length} cores, load ${load()}, ${new Date().toISOString()}; `
  + `our JVM options: ${(process.env.JAVA_TOOL_OPTIONS || '').trim() || 'none (a plain java launch)'}`);
console.log(`vite ${require('vite/package.json').version}; figures ${[...only].join(', ')}; clients ${clientCounts.join(', ')}; ${saves} saves`);
const figures = { save10, depth, fanout, memory };
for (const name of Object.keys(figures)) {
  if (!only.has(name)) continue;
  console.log(`== ${name}`);
  for (const kind of servers) {
    try {
      await figures[name](kind);
    } catch (e) {
      console.log(`  ${name} on ${kind} failed: ${e.message}`);
    }
  }
}

console.log('\n== ratios (ours / Vite; below 1 is ahead)');
const byFigure = new Map();
for (const r of results) {
  if (!byFigure.has(r.figure)) byFigure.set(r.figure, {});
  byFigure.get(r.figure)[r.server] = r.value;
}
const num = (v, key) => (v === null || v === undefined ? null : (typeof v === 'object' ? v[key] : v));
console.log('| figure | ours (median / p95) | Vite (median / p95) | ratio of medians | ratio of p95s |');
console.log('| --- | --- | --- | --- | --- |');
for (const [figure, v] of byFigure) {
  const cell = (x) => (x === null || x === undefined ? 'nothing' : typeof x === 'object'
    ? `${x.median.toFixed(2)} / ${x.p95.toFixed(2)}` : x.toFixed(2));
  const ratio = (key) => {
    const a = num(v.hmr, key);
    const b = num(v.vite, key);
    return a !== null && b !== null && b ? (a / b).toFixed(2) : '—';
  };
  console.log(`| ${figure} | ${cell(v.hmr)} | ${cell(v.vite)} | ${ratio('median')} | ${typeof v.hmr === 'object' ? ratio('p95') : '—'} |`);
}
process.exit(0);
