// Where a first page load after start spends its time: one start of our app (CompareServer) or of Vite's dev
// server (vite-serve.mjs) on the 10-module chain of page-and-screen.mjs, one page load in a fresh headless Chromium,
// then the navigation's and every resource's timings (start, request start, first byte, end; ms from navigation
// start).
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node first-load-timings.mjs hmr|vite
// DELAY=<ms> waits that long after the server printed its port. Loopback only; the fixture is removed afterwards.
import path from 'node:path';
import { createRequire } from 'node:module';
import { chain, launchChromium, withServer } from './page-fixtures.mjs';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const kind = process.argv[2] || 'hmr';

await withServer(kind, chain(10).files, async (server) => {
  if (process.env.DELAY) await new Promise((r) => setTimeout(r, Number(process.env.DELAY)));
  const browser = await launchChromium(chromium);
  try {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(server.base + '/', { waitUntil: 'commit', timeout: 30_000 });
    await tab.waitForFunction(() => window.__done !== undefined, null, { timeout: 30_000 });
    const r = await tab.evaluate(() => {
      const { requestStart, responseStart, responseEnd } = performance.getEntriesByType('navigation')[0];
      return { done: window.__done, nav: [requestStart, responseStart, responseEnd],
        resources: performance.getEntriesByType('resource').map((e) => [e.name.replace(/^http:\/\/[^/]+/, ''),
          e.startTime, e.requestStart, e.responseStart, e.responseEnd]) };
    });
    const ms = (values) => values.map((v) => v.toFixed(1)).join('  ');
    console.log(`${kind}: entry run at ${r.done.toFixed(1)} ms; the page: request ${ms(r.nav)}`);
    for (const [name, ...times] of r.resources) console.log(`  ${name}  ${ms(times)}`);
  } finally {
    await browser.close();
  }
});
process.exit(0);
