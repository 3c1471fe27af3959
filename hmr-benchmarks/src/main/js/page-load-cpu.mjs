// What a page of 1,000 modules costs the server: one start of our app (CompareServer) or of Vite's dev server
// (vite-serve.mjs) on a generated tree (10 children a module), then ROUNDS loads of it in headless Chromium, each in a
// new browser context (cold cache, warm server; the tree of page-and-screen.mjs), printing for each: the server process's CPU time during the load
// (from /proc), the time to the entry module having run, the connections Chromium opened, and the mean time from
// a request to its first byte.
//   CP=<class path> NODE_PATH=/tmp/bench-vite/node_modules node page-load-cpu.mjs hmr|vite
// ROUNDS (default 6); the environment is passed on, so HMR_WARMUP=false or JAVA_TOOL_OPTIONS apply to ours.
// Loopback only; every wait bounded; the fixture is removed afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium, tree, withServer } from './page-fixtures.mjs';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { chromium } = require('playwright-core');
const kind = process.argv[2] || 'hmr';
const rounds = Number(process.env.ROUNDS) || 6;

await withServer(kind, tree(1000).files, async (server) => {
  // user + system time of the server process, in ms (clock ticks of 10 ms)
  const cpu = () => {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const browser = await launchChromium(chromium);
  try {
    for (let round = 0; round < rounds; round++) {
      const before = cpu();
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(() => performance.setResourceTimingBufferSize(5000));
      await tab.goto(server.base + '/', { waitUntil: 'commit', timeout: 30_000 });
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
  }
});
process.exit(0);
