// Fan-out, against its floors (see the benchmarks README): K clients connected to every server at once,
// then saves interleaved round-robin across the servers (a file save for hmr and vite, a line on the
// floor's standard input for tomcat and spring); each timed from the trigger to the update frame at
// the last client, with the server's CPU time per save (from /proc, 10 ms resolution) and the client's.
// Loopback only, bounded.
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node socket-fanout.mjs
//   SERVERS='[{"name":"hmr","kind":"hmr"},{"name":"tomcat","kind":"tomcat","trigger":"async"},{"name":"vite","kind":"vite"}]'
//   (trigger basic: the floor's blocking send); K=2000 SAVES=20
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(path.join(process.env.NODE_PATH, 'x.js'));
const WebSocket = require('ws');
const DEFAULT_SERVERS = '[{"name":"hmr","kind":"hmr"},{"name":"tomcat-async","kind":"tomcat","trigger":"async"},{"name":"tomcat-basic","kind":"tomcat","trigger":"basic"},{"name":"vite","kind":"vite"}]';
const here = path.dirname(new URL(import.meta.url).pathname);
const servers = JSON.parse(process.env.SERVERS || DEFAULT_SERVERS);
const K = Number(process.env.K || 2000), SAVES = Number(process.env.SAVES || 20), WARM = 3;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
function cpu(pid) { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; }

async function start(s) {
  s.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fanout-')));
  fs.writeFileSync(path.join(s.dir, 'index.html'), '<!doctype html><html><body><script type="module" src="/m0.js"></script></body></html>');
  fs.writeFileSync(path.join(s.dir, 'm0.js'), 'import.meta.hot.accept();\nexport const v = 0;\n');
  const cp = s.cp || process.env.CP;
  let child;
  if (s.kind === 'vite') child = spawn(process.execPath, [path.join(here, 'vite-serve.mjs'), s.dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  else if (s.kind === 'hmr') child = spawn('java', [...(s.opts || []), '-Xss8m', '-cp', cp, 'dev.hmr.benchmarks.CompareServer', s.dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  else child = spawn('java', [...(s.opts || []), '-cp', cp, 'dev.hmr.benchmarks.SocketFloorServer', s.kind], { stdio: ['pipe', 'pipe', 'pipe'] });
  s.loops = [];
  if (child.stderr) { let buf = ''; child.stderr.on('data', (d) => { buf += d; let i; while ((i = buf.indexOf('\n')) >= 0) { const l = buf.slice(0, i); buf = buf.slice(i + 1); const m = /(?:FLOOR loop|TIMING send loop \d+ clients) ([\d.]+) ms/.exec(l); if (m) s.loops.push(Number(m[1])); } }); }
  const port = await new Promise((res, rej) => { let out = ''; child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) res(Number(m[1])); }); child.on('exit', rej); setTimeout(() => rej(new Error('timeout')), 60000); });
  s.child = child; s.base = `http://localhost:${port}`; s.url = s.kind === 'vite' ? `ws://localhost:${port}/` : `ws://localhost:${port}/@hmr`;
  if (s.kind !== 'tomcat' && s.kind !== 'spring') { await (await fetch(s.base + '/', { headers: { accept: 'text/html' } })).text(); await (await fetch(s.base + '/m0.js', { headers: { accept: '*/*', 'sec-fetch-dest': 'script' } })).text(); }
}
function connect(s) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(s.url, 'vite-hmr', { perMessageDeflate: false });
    const c = { socket, frame: null, waiter: null };
    socket.on('message', (d) => { const now = process.hrtime.bigint(); const t = d.toString(); if (t.includes('"connected"')) { resolve(c); return; } if (!t.includes('"update"')) return; c.frame = now; if (c.waiter) { const w = c.waiter; c.waiter = null; w(); } });
    socket.on('error', reject);
  });
}
const wait = (c) => new Promise((r) => { if (c.frame) r(); else { const t = setTimeout(() => { c.waiter = null; r(); }, 10000); c.waiter = () => { clearTimeout(t); r(); }; } });
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.ceil(s.length * 0.95) - 1]; };

for (const s of servers) { await start(s); s.clients = []; for (let i = 0; i < K; i += 100) s.clients.push(...await Promise.all(Array.from({ length: Math.min(100, K - i) }, () => connect(s)))); s.times = []; s.scpu = []; s.ncpu = []; }
await sleep(1000);
console.log(`node ${process.version}, K=${K}, load ${load()}`);
for (let i = 0; i < WARM + SAVES; i++) {
  for (const s of servers) {
    for (const c of s.clients) c.frame = null;
    const c0 = cpu(s.child.pid); const n0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    if (s.kind === 'hmr' || s.kind === 'vite') fs.writeFileSync(path.join(s.dir, 'm0.js'), `import.meta.hot.accept();\nexport const v = ${i + 1};\n`);
    else s.child.stdin.write((s.trigger || 'async') + '\n');
    await Promise.all(s.clients.map(wait));
    const last = s.clients.reduce((m, c) => (c.frame && c.frame > m ? c.frame : m), 0n);
    const missing = s.clients.filter((c) => !c.frame).length;
    const nu = process.cpuUsage(n0);
    if (i >= WARM) { s.times.push(Number(last - t0) / 1e6); s.ncpu.push((nu.user + nu.system) / 1000); }
    if (missing) console.log(`${s.name}: ${missing} missing`);
    if (s.kind === 'hmr' || s.kind === 'vite') await (await fetch(`${s.base}/m0.js?t=${Date.now()}`, { headers: { accept: '*/*', 'sec-fetch-dest': 'script' } })).text();
    await sleep(150);
    if (i >= WARM) s.scpu.push(cpu(s.child.pid) - c0);
  }
}
for (const s of servers) {
  const loops = s.loops.slice(-SAVES);
  console.log(`${s.name.padEnd(14)} last frame median ${med(s.times).toFixed(2)} p95 ${p95(s.times).toFixed(2)} ms | server loop median ${loops.length ? med(loops).toFixed(2) : '-'} | server cpu/save ${med(s.scpu).toFixed(0)} ms | node cpu/save ${med(s.ncpu).toFixed(1)} ms`);
}
console.log(`load ${load()}`);
for (const s of servers) { s.clients.forEach((c) => c.socket.terminate()); s.child.stdin.end(); }
await sleep(2000);
for (const s of servers) { s.child.kill('SIGKILL'); fs.rmSync(s.dir, { recursive: true, force: true }); }
process.exit(0);
