// Connecting, against its floors (see the benchmarks README): per round and server, SEQ upgrades one
// after another (median time to the 'open' event and to the 'connected' frame, and the server's CPU time
// per upgrade from /proc), then K clients in batches of 100 concurrent as compare-all.mjs connects them
// (total time, server and client CPU). Servers alternate within each round, after a warm-up of K + 300
// connections each. Loopback only, bounded.
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node socket-connect.mjs
//   SERVERS='[{"name":"A","kind":"hmr","cp":"<class path A>"},{"name":"B","kind":"hmr","opts":["-Dx=y"]}]'
//   kinds: hmr (CompareServer), tomcat and spring (SocketFloorServer), vite (vite-serve.mjs); ROUNDS=3 SEQ=300 K=2000
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(path.join(process.env.NODE_PATH, 'x.js'));
const WebSocket = require('ws');
const DEFAULT_SERVERS = '[{"name":"hmr","kind":"hmr"},{"name":"tomcat","kind":"tomcat"},{"name":"spring","kind":"spring"},{"name":"vite","kind":"vite"}]';
const here = path.dirname(new URL(import.meta.url).pathname);
const servers = JSON.parse(process.env.SERVERS || DEFAULT_SERVERS);
const rounds = Number(process.env.ROUNDS || 3), seq = Number(process.env.SEQ || 300), K = Number(process.env.K || 2000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const clk = 100; // USER_HZ
function cpu(pid) { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / clk; }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-'));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body><script type="module" src="/m0.js"></script></body></html>');
fs.writeFileSync(path.join(dir, 'm0.js'), 'import.meta.hot.accept();\n');

async function start(s) {
  const cp = s.cp || process.env.CP;
  const args = s.kind === 'hmr' ? [...(s.opts || []), '-Xss8m', '-cp', cp, 'dev.hmr.benchmarks.CompareServer', dir]
    : [...(s.opts || []), '-cp', cp, 'dev.hmr.benchmarks.SocketFloorServer', s.kind];
  const child = s.kind === 'vite' ? spawn(process.execPath, [path.join(here, 'vite-serve.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('java', args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise((res, rej) => { let out = ''; child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) res(Number(m[1])); }); child.on('exit', rej); setTimeout(() => rej(new Error('timeout')), 60000); });
  s.child = child; s.url = s.kind === 'vite' ? `ws://localhost:${port}/` : `ws://localhost:${port}/@hmr`; s.base = `http://localhost:${port}`;
}

function connect(url) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const socket = new WebSocket(url, 'vite-hmr', { perMessageDeflate: false });
    let open = 0;
    socket.on('open', () => { open = Number(process.hrtime.bigint() - t0) / 1e6; });
    socket.on('message', (d) => { if (String(d).includes('connected')) resolve({ socket, open, connected: Number(process.hrtime.bigint() - t0) / 1e6 }); });
    socket.on('error', reject);
  });
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.ceil(s.length * 0.95) - 1]; };

for (const s of servers) await start(s);
// warm-up
for (const s of servers) { const cs = []; for (let i = 0; i < 2000; i += 100) cs.push(...await Promise.all(Array.from({ length: 100 }, () => connect(s.url)))); cs.forEach((c) => c.socket.terminate()); for (let i = 0; i < 300; i++) (await connect(s.url)).socket.terminate(); }
await sleep(1000);
console.log(`node ${process.version}, load ${load()}`);
for (let r = 0; r < rounds; r++) {
  for (const s of servers) {
    const opens = [], conns = [];
    const c0 = cpu(s.child.pid);
    for (let i = 0; i < seq; i++) { const c = await connect(s.url); opens.push(c.open); conns.push(c.connected); c.socket.terminate(); }
    const seqCpu = (cpu(s.child.pid) - c0) / seq;
    await sleep(300);
    const n0 = process.cpuUsage(); const c1 = cpu(s.child.pid); const t0 = process.hrtime.bigint();
    const cs = [];
    for (let i = 0; i < K; i += 100) cs.push(...await Promise.all(Array.from({ length: Math.min(100, K - i) }, () => connect(s.url))));
    const batch = Number(process.hrtime.bigint() - t0) / 1e6; const bCpu = cpu(s.child.pid) - c1; const nu = process.cpuUsage(n0);
    cs.forEach((c) => c.socket.terminate());
    console.log(`round ${r} ${s.name.padEnd(8)} seq open med ${med(opens).toFixed(3)} connected med ${med(conns).toFixed(3)} p95 ${p95(conns).toFixed(3)} server cpu/upgrade ${seqCpu.toFixed(3)} ms | ${K} batched ${batch.toFixed(0)} ms, server cpu ${bCpu.toFixed(0)} ms, node cpu ${((nu.user + nu.system) / 1000).toFixed(0)} ms | load ${load()}`);
    await sleep(1500);
  }
}
for (const s of servers) s.child.stdin.end();
await sleep(2000);
for (const s of servers) s.child.kill('SIGKILL');
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
