// Save -> screen of a Preact component edited in its .tsx file, in headless Chromium, for our app
// (CompareServer: swc4j, our refresh registration and runtime, Preact from its WebJar through the
// generated import map) and for Vite 8 with @preact/preset-vite (@prefresh/vite), one after the other
// on the same generated project, with the same browser and the same measurement:
//   npm install --prefix /tmp/bench-vite vite@8 ws @preact/preset-vite@2 preact@10.28.0 playwright-core@1
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node tsx-save-to-screen.mjs [edits] [warmUp]
// (compare-all.sh --only tsx runs it). The counter is clicked to 3; each edit changes the label only. Timed
// from just before fs.writeFileSync to the mutation that shows the new label (a MutationObserver in the
// page, on the same clock: performance.timeOrigin + performance.now() in both), and to the first frame
// after it (requestAnimationFrame). Every edit must keep the count (3): a reload would reset it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const edits = Number(process.argv[2] || 20);
const warmUp = Number(process.argv[3] || 3);
const here = path.dirname(new URL(import.meta.url).pathname);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const counter = (label) => `import { useState } from 'preact/hooks';

export function Counter() {
  const [count, setCount] = useState(0);
  return <button id="counter" onClick={() => setCount(count + 1)}>${label} {count}</button>;
}
`;
function project() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsx-screen-')));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<html><head><title>tsx</title></head><body>'
    + '<div id="app"></div><script type="module" src="/main.tsx"></script></body></html>\n');
  fs.writeFileSync(path.join(dir, 'main.tsx'), "import { render } from 'preact';\nimport { Counter } from './Counter.tsx';\n"
    + "render(<Counter />, document.getElementById('app')!);\n");
  fs.writeFileSync(path.join(dir, 'Counter.tsx'), counter('label-0'));
  return dir;
}

async function start(kind, dir) {
  const child = kind === 'hmr'
    ? spawn('java', ['-cp', process.env.CP, 'dev.hmr.benchmarks.CompareServer', dir], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn(process.execPath, [path.join(here, 'vite-serve.mjs'), dir, '--preact'], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(kind + ' did not start in 60 s')), 60_000);
    child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) { clearTimeout(timer); resolve(Number(m[1])); } });
  });
  return { port, stop: () => new Promise((r) => { child.on('exit', r); child.stdin.end(); setTimeout(() => { child.kill('SIGKILL'); r(); }, 10_000); }) };
}

function stats(v) {
  const s = [...v].sort((a, b) => a - b);
  const pct = (p) => s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)];
  return { median: pct(50), p95: pct(95) };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const results = {};
console.log(`tsx save -> screen: ${edits} edits after ${warmUp}, load ${os.loadavg()[0].toFixed(2)}`);
for (const kind of ['hmr', 'vite']) {
  const dir = project();
  const server = await start(kind, dir);
  const page = await browser.newPage();
  try {
    await page.goto(`http://localhost:${server.port}/index.html`);
    await page.waitForSelector('#counter', { timeout: 30_000 });
    await sleep(1000); // the socket connects
    for (let i = 0; i < 3; i++) await page.click('#counter');
    await page.waitForFunction(() => document.getElementById('counter').textContent.endsWith(' 3'));
    const dom = [], frame = [];
    for (let i = 1; i <= warmUp + edits; i++) {
      const label = `label-${i}`;
      const seen = page.evaluate((expected) => new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const text = document.getElementById('counter')?.textContent || '';
          if (text.startsWith(expected + ' ')) {
            const at = performance.timeOrigin + performance.now();
            observer.disconnect();
            requestAnimationFrame(() => resolve({ at, frame: performance.timeOrigin + performance.now(), text }));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }), label);
      await sleep(50); // the observer is in place
      const start = now();
      fs.writeFileSync(path.join(dir, 'Counter.tsx'), counter(label));
      const shown = await Promise.race([seen, sleep(10_000).then(() => null)]);
      if (!shown) throw new Error(`${kind}: ${label} not shown within 10 s`);
      if (!shown.text.endsWith(' 3')) throw new Error(`${kind}: the count was lost (${shown.text}): not refreshed in place`);
      if (i > warmUp) { dom.push(shown.at - start); frame.push(shown.frame - start); }
      await sleep(300);
    }
    results[kind] = { dom: stats(dom), frame: stats(frame) };
    console.log(`  ${kind.padEnd(5)} to the DOM median ${results[kind].dom.median.toFixed(2)} p95 ${results[kind].dom.p95.toFixed(2)}`
      + `   to the first frame median ${results[kind].frame.median.toFixed(2)} p95 ${results[kind].frame.p95.toFixed(2)} ms`);
  } catch (e) {
    console.log(`  ${kind} failed: ${e.message}`);
  } finally {
    await page.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
if (results.hmr && results.vite) {
  const r = (a, b) => (a / b).toFixed(2);
  console.log(`| TSX component edit, save → screen (ours / Vite + @prefresh/vite) | DOM ${r(results.hmr.dom.median, results.vite.dom.median)}`
    + ` (p95 ${r(results.hmr.dom.p95, results.vite.dom.p95)}) | first frame ${r(results.hmr.frame.median, results.vite.frame.median)}`
    + ` (p95 ${r(results.hmr.frame.p95, results.vite.frame.p95)}) |`);
}
process.exit(0);
