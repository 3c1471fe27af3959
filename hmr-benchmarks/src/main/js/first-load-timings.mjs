// Where a first page load after start spends its time: one start of our app (CompareServer) or of Vite's dev
// server (vite-serve.mjs) on a 10-module chain, one page load in a fresh headless Chromium, then the navigation's
// and every resource's timings (start, request start, first byte, end; ms from navigation start).
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node first-load-timings.mjs hmr|vite
// DELAY=<ms> waits that long after the server printed its port. Loopback only; the fixture is removed afterwards.
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { spawn } from 'node:child_process'; import { createRequire } from 'node:module';
const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const kind = process.argv[2] || 'hmr'; const n = 10;
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fl-')));
const page = '<!doctype html>\n<html><head><meta charset="utf-8"><link rel="stylesheet" href="/link.css"></head>'
  + '<body><p id="out">-</p><script type="module" src="/m0.js"></script></body></html>\n';
fs.writeFileSync(path.join(dir,'index.html'), page); fs.writeFileSync(path.join(dir,'link.css'), 'body{color:red}\n');
fs.writeFileSync(path.join(dir,'m0.js'), "import { v1 } from './m1.js';\ndocument.getElementById('out').textContent = 'v=' + v1;\nwindow.__done = performance.now();\nimport.meta.hot.accept();\n");
for (let i = 1; i < n - 1; i++) fs.writeFileSync(path.join(dir,`m${i}.js`), `import { v${i + 1} } from './m${i + 1}.js';\nexport const v${i} = v${i + 1};\n`);
fs.writeFileSync(path.join(dir,`m${n-1}.js`), `export const v${n-1} = 0;\n`);
const here = path.dirname(new URL(import.meta.url).pathname);
const child = kind === 'hmr' ? spawn('java', ['-Xss8m', '-cp', process.env.CP, 'dev.hmr.benchmarks.CompareServer', dir], { stdio: ['pipe', 'pipe', 'inherit'] })
  : spawn(process.execPath, [path.join(here, 'vite-serve.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((res) => { let out=''; child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) res(m[1]); }); });
if (process.env.DELAY) await new Promise((r) => setTimeout(r, Number(process.env.DELAY)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic'] });
const ctx = await browser.newContext(); const tab = await ctx.newPage();
await tab.goto(`http://localhost:${port}/`, { waitUntil: 'commit' });
await tab.waitForFunction(() => window.__done !== undefined);
const r = await tab.evaluate(() => ({ done: window.__done, nav: (({requestStart, responseStart, responseEnd}) => ({requestStart, responseStart, responseEnd}))(performance.getEntriesByType('navigation')[0]),
  res: performance.getEntriesByType('resource').map((e) => [e.name.replace(/^http:\/\/[^/]+/, ''), e.startTime.toFixed(1), e.requestStart.toFixed(1), e.responseStart.toFixed(1), e.responseEnd.toFixed(1)]) }));
console.log(kind, 'done', r.done.toFixed(1), 'nav', JSON.stringify(r.nav));
for (const x of r.res) console.log('  ', x.join('  '));
await browser.close(); child.stdin.end(); child.kill(); fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
