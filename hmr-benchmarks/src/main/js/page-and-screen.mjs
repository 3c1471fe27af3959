// The Chromium figures of the side-by-side suite, our app (CompareServer) against Vite's dev
// server (vite-serve.mjs), each in its own process, in one headless Chromium, on the same
// generated fixtures, alternating server by server:
//   - first page load after start (10 modules): a fresh server and a fresh browser context each
//     time, from navigation start to the entry module having run after all its imports;
//   - reloads of that page in the same context (the browser revalidates: 304s);
//   - page load of 1,000 modules (a tree, 10 children a module): cold (a new context, empty
//     cache, server already warm) and revalidating (the same context, reloaded);
//   - save -> screen, 10-module chain: a JS edit at the bottom of the chain (the self-accepting
//     entry writes the chain's value into the page) and a <link> stylesheet edit, to the DOM (the
//     text changed; the new stylesheet loaded) and to the first frame after it. A reload would
//     lose a mark left on the window, which every edit checks: each must be a hot update.
//
//   npm install --prefix /tmp/bench-vite vite@8 ws playwright-core@1
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node page-and-screen.mjs [--starts 5] [--loads 5] [--edits 20]
//     [--only first,thousand,screen] [--ab HMR_SOME_PROPERTY=value] [--passes 1]
// (compare-all.sh runs it after compare-all.mjs; SKIP_PAGE=1 leaves it out). Loopback only, every
// wait bounded (60 s a start, 30 s a page, 10 s an edit), fixtures removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chain, linkCss, tree, launchChromium, withServer as withFixtureServer } from './page-fixtures.mjs';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, '');
  args[name] = ['only', 'ab'].includes(name) ? process.argv[i + 1] : Number(process.argv[i + 1]);
}
// --only first,thousand,screen: some parts; --ab NAME=VALUE: a third server, ours started with that
// environment variable (HMR_WARMUP=false; CP=<another class path> runs another build), measured in turn with the
// other two
const only = new Set((args.only || 'first,thousand,screen').split(','));
const ab = args.ab ? [args.ab.slice(0, args.ab.indexOf('=')), args.ab.slice(args.ab.indexOf('=') + 1)] : null;
const starts = args.starts || 5;
const loads = args.loads || 5;
const edits = args.edits || 20;
const warmUp = 3;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg()[0].toFixed(2);
const results = [];

// ---------------------------------------------------------------- servers

// ours as built ('hmr'), ours with the --ab setting ('hmr-ab'), or Vite
const withServer = (kind, files, body) => withFixtureServer(kind, files, body,
  (kind === 'hmr-ab') ? { ...process.env, [ab[0]]: ab[1] } : process.env);

// ---------------------------------------------------------------- measuring

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const pct = (p) => s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)];
  return { median: pct(50), p95: pct(95), n: s.length };
}

function record(figure, kind, values) {
  const value = values.length ? stats(values) : null;
  results.push({ figure, kind, value });
  console.log(`  ${figure.padEnd(52)} ${kind.padEnd(6)} ${value ? `median ${value.median.toFixed(2)}  p95 ${value.p95.toFixed(2)}  (n=${value.n})` : 'nothing'}   load ${load()}`);
}

// navigation start -> the entry module has run (performance.now() is relative to navigation start)
async function loaded(tab, url) {
  await tab.goto(url, { waitUntil: 'commit', timeout: 30_000 });
  await tab.waitForFunction(() => window.__done !== undefined, null, { timeout: 30_000 });
  return tab.evaluate(() => window.__done);
}

async function reloaded(tab) {
  await tab.reload({ waitUntil: 'commit', timeout: 30_000 });
  await tab.waitForFunction(() => window.__done !== undefined, null, { timeout: 30_000 });
  return tab.evaluate(() => window.__done);
}

const browser = await launchChromium(chromium);
const kinds = ab ? ['hmr', 'hmr-ab', 'vite'] : ['hmr', 'vite'];
console.log(`page-and-screen: ${starts} starts, ${loads} loads, ${edits} edits after ${warmUp}; vite ${require('vite/package.json').version}; load ${load()}; `
  + `our JVM options: ${(process.env.JAVA_TOOL_OPTIONS || '').trim() || 'none (a plain java launch)'}`);

// first page load after start, then reloads, 10 modules
if (only.has('first')) {
  const first = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const again = Object.fromEntries(kinds.map((kind) => [kind, []]));
  // every other start in reverse order, and reloads after every first load: the server that runs first in a run
  // meets the coldest disk cache and browser (reloads measured after the first start only, ours always first,
  // came out 1.2-1.5x Vite's, while eight reloads of a warm page were on a par)
  for (let i = 0; i < starts; i++) {
    for (const kind of (i % 2 === 0) ? kinds : [...kinds].reverse()) {
      try {
        await withServer(kind, chain(10).files, async (server) => {
          const context = await browser.newContext();
          const tab = await context.newPage();
          try {
            first[kind].push(await loaded(tab, server.base + '/'));
            for (let j = 0; j < loads; j++) again[kind].push(await reloaded(tab));
          } finally {
            await context.close();
          }
        });
      } catch (e) {
        console.log(`  first load on ${kind} failed: ${e.message}`);
      }
    }
  }
  for (const kind of kinds) record('first page load after start, 10 modules', kind, first[kind]);
  for (const kind of kinds) record('page reload (revalidating), 10 modules', kind, again[kind]);
}

// 1,000 modules: cold and revalidating. With --passes N, N passes over the servers, every other one in reverse
// order, so that no server always runs first or last (an A/B of two identical builds moved 0.72 between positions)
{
  const cold = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const revalidating = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const passes = only.has('thousand') ? (args.passes || 1) : 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const kind of (pass % 2 === 0) ? kinds : [...kinds].reverse()) {
      try {
        await withServer(kind, tree(1000).files, async (server) => {
          const warm = await browser.newContext();
          await loaded(await warm.newPage(), server.base + '/'); // the server's first load, not counted
          await warm.close();
          for (let i = 0; i < loads; i++) {
            const context = await browser.newContext();
            try {
              cold[kind].push(await loaded(await context.newPage(), server.base + '/'));
            } finally {
              await context.close();
            }
          }
          const context = await browser.newContext();
          const tab = await context.newPage();
          await loaded(tab, server.base + '/');
          for (let i = 0; i < loads; i++) revalidating[kind].push(await reloaded(tab));
          await context.close();
        });
      } catch (e) {
        console.log(`  1,000 modules on ${kind} failed: ${e.message}`);
      }
    }
  }
  if (passes > 0) {
    for (const kind of kinds) record('page load, 1,000 modules: cold', kind, cold[kind]);
    for (const kind of kinds) record('page load, 1,000 modules: revalidating', kind, revalidating[kind]);
  }
}

// save -> screen, 10-module chain: JS and link CSS
for (const kind of only.has('screen') ? kinds : []) {
  const spec = chain(10);
  try {
    await withServer(kind, spec.files, async (server, dir) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await loaded(tab, server.base + '/');
      await sleep(1000); // the socket connects
      await tab.evaluate(() => { window.__kept = 1; });
      const js = { dom: [], frame: [] };
      const css = { dom: [], frame: [] };
      for (let i = 1; i <= warmUp + edits; i++) {
        // JS: the text of #out changes
        const seen = tab.evaluate((expected) => new Promise((resolve) => {
          const out = document.getElementById('out');
          const observer = new MutationObserver(() => {
            if (document.getElementById('out')?.textContent === expected) {
              const at = performance.timeOrigin + performance.now();
              observer.disconnect();
              requestAnimationFrame(() => resolve({ at, frame: performance.timeOrigin + performance.now(), kept: window.__kept }));
            }
          });
          observer.observe(out, { subtree: true, childList: true, characterData: true });
        }), `v=${i}`);
        await sleep(50); // the observer is in place
        let start = now();
        fs.writeFileSync(path.join(dir, spec.leaf), spec.text(i));
        let shown = await Promise.race([seen, sleep(10_000).then(() => null)]);
        if (!shown) throw new Error(`JS edit ${i} not shown within 10 s`);
        if (shown.kept !== 1) throw new Error(`JS edit ${i}: the page reloaded`);
        if (i > warmUp) { js.dom.push(shown.at - start); js.frame.push(shown.frame - start); }
        await sleep(300);
        // link CSS: the stylesheet that replaces the old one has loaded and applies
        const applied = tab.evaluate((expected) => new Promise((resolve) => {
          const observer = new MutationObserver((mutations) => {
            for (const m of mutations) {
              for (const node of m.addedNodes) {
                if (node.tagName === 'LINK') {
                  node.addEventListener('load', () => {
                    const at = performance.timeOrigin + performance.now();
                    observer.disconnect();
                    requestAnimationFrame(() => resolve({ at, frame: performance.timeOrigin + performance.now(),
                      color: getComputedStyle(document.body).color, expected, kept: window.__kept }));
                  });
                }
              }
            }
          });
          observer.observe(document.head, { childList: true });
        }), `rgb(0, 0, ${(i + 1) % 250})`);
        await sleep(50);
        start = now();
        fs.writeFileSync(path.join(dir, 'link.css'), linkCss(i + 1));
        shown = await Promise.race([applied, sleep(10_000).then(() => null)]);
        if (!shown) throw new Error(`CSS edit ${i} not applied within 10 s`);
        if (shown.kept !== 1) throw new Error(`CSS edit ${i}: the page reloaded`);
        if (shown.color !== shown.expected) throw new Error(`CSS edit ${i}: color ${shown.color}, expected ${shown.expected}`);
        if (i > warmUp) { css.dom.push(shown.at - start); css.frame.push(shown.frame - start); }
        await sleep(300);
      }
      await context.close();
      record('save→screen, 10-module chain: JS, to the DOM', kind, js.dom);
      record('save→screen, 10-module chain: JS, to the first frame', kind, js.frame);
      record('save→screen, 10-module chain: link CSS, to the DOM', kind, css.dom);
      record('save→screen, 10-module chain: link CSS, to the first frame', kind, css.frame);
    });
  } catch (e) {
    console.log(`  save→screen on ${kind} failed: ${e.message}`);
  }
}
await browser.close();

console.log('\n== ratios (ours / Vite; below 1 is ahead)');
console.log('| figure | ours (median / p95) | Vite (median / p95) | ratio of medians | ratio of p95s |');
console.log('| --- | --- | --- | --- | --- |');
const figures = [...new Set(results.map((r) => r.figure))];
for (const figure of figures) {
  const of = (kind) => results.find((r) => r.figure === figure && r.kind === kind)?.value;
  const a = of('hmr');
  const b = of('vite');
  const cell = (x) => (x ? `${x.median.toFixed(2)} / ${x.p95.toFixed(2)}` : 'nothing');
  const ratio = (key) => (a && b ? (a[key] / b[key]).toFixed(2) : '—');
  console.log(`| ${figure} | ${cell(a)} | ${cell(b)} | ${ratio('median')} | ${ratio('p95')} |`);
}
if (ab) {
  const setting = ab[0] === 'CP' ? 'another class path' : ab.join('=');
  console.log(`\n== A/B: ours with ${setting} (A) against ours as built (B), ratios B / A`);
  for (const figure of figures) {
    const a = results.find((r) => r.figure === figure && r.kind === 'hmr-ab')?.value;
    const b = results.find((r) => r.figure === figure && r.kind === 'hmr')?.value;
    console.log(`  ${figure.padEnd(56)} ${a && b ? `median ${(b.median / a.median).toFixed(2)}  p95 ${(b.p95 / a.p95).toFixed(2)}` : '—'}`);
  }
}
process.exit(0);
