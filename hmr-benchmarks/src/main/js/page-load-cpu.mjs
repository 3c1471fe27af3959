// What a page of 1,000 modules costs the server: one start of our app (CompareServer) or of Vite's dev server
// (vite-serve.mjs) on a generated tree (10 children a module), then ROUNDS loads of it in headless Chromium, each in a
// new browser context (cold cache, warm server), printing for each: the server process's CPU time during the load
// (from /proc), the time to the entry module having run, the connections Chromium opened, and the mean time from
// a request to its first byte.
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node page-load-cpu.mjs hmr|vite
// ROUNDS (default 6); the environment is passed on, so HMR_WARMUP=false or JAVA_TOOL_OPTIONS apply to ours.
// Loopback only; every wait bounded; the fixture is removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const kind = process.argv[2] || 'hmr';
const rounds = Number(process.env.ROUNDS) || 6;
const here = path.dirname(new URL(import.meta.url).pathname);
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'page-load-cpu-')));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<html><head><meta charset="utf-8"></head>'
  + '<body><p id="out">-</p><script type="module" src="/m0.js"></script></body></html>\n');
const n = 1000;
const k = 10;
for (let i = 0; i < n; i++) {
  const children = [];
  for (let c = i * k + 1; c <= i * k + k && c < n; c++) children.push(c);
  const imports = children.map((c) => `import { v${c} } from './m${c}.js';\n`).join('');
  const sum = children.length ? children.map((c) => `v${c}`).join(' + ') : '0';
  fs.writeFileSync(path.join(dir, `m${i}.js`), i === 0 ? `${imports}window.__done = performance.now();\n`
    : `${imports}export const v${i} = ${sum};\n`);
}
const child = kind === 'hmr'
  ? spawn('java', ['-Xss8m', '-cp', process.env.CP, 'dev.hmr.benchmarks.CompareServer', dir], { stdio: ['pipe', 'pipe', 'inherit'] })
  : spawn(process.execPath, [path.join(here, 'vite-serve.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`${kind} did not start in 60 s`)), 60_000);
  child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) { clearTimeout(timer); resolve(m[1]); } });
});
// user + system time of the server process, in ms (clock ticks of 10 ms)
const cpu = () => {
  const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  for (let round = 0; round < rounds; round++) {
    const before = cpu();
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.addInitScript(() => performance.setResourceTimingBufferSize(5000));
    await tab.goto(`http://localhost:${port}/`, { waitUntil: 'commit', timeout: 30_000 });
    await tab.waitForFunction(() => window.__done !== undefined, null, { timeout: 60_000 });
    const r = await tab.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      return { done: window.__done, requests: entries.length,
        connections: entries.filter((e) => e.connectEnd > e.connectStart).length,
        firstByte: entries.reduce((a, e) => a + (e.responseStart - e.requestStart), 0) / entries.length };
    });
    console.log(`${kind} load ${round}${round === 0 ? ' (first after start)' : ''}: server CPU ${cpu() - before} ms, `
      + `entry run at ${r.done.toFixed(0)} ms, ${r.requests} requests on ${r.connections} new connections, `
      + `request to first byte ${r.firstByte.toFixed(1)} ms on average`);
    await context.close();
  }
} finally {
  await browser.close();
  child.stdin.end();
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
