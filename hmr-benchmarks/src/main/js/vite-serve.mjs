// Starts Vite's dev server on a folder and prints "PORT <port>"; stops when stdin closes.
// Used by PageLoadBenchmark and compare-all.mjs to serve the same generated modules with Vite:
//   NODE_PATH=/tmp/bench-vite/node_modules node --expose-gc hmr-benchmarks/src/main/js/vite-serve.mjs <root>
// GET /__bench/heap answers the heap in use after a full collection (with --expose-gc) and the
// number of modules in Vite's graph, as CompareServer does for ours.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { createServer } = require('vite');
const root = process.argv[2];
const benchHeap = {
  name: 'bench-heap',
  configureServer(server) {
    server.middlewares.use('/__bench/heap', (req, res) => {
      let heap = Infinity;
      for (let i = 0; i < 3; i++) {
        if (global.gc) global.gc();
        const m = process.memoryUsage();
        // the JS heap and the Buffers outside it (ws keeps its buffers there): Java's heap holds both
        heap = Math.min(heap, m.heapUsed + m.external);
      }
      const modules = server.environments?.client?.moduleGraph?.idToModuleMap?.size
        ?? server.moduleGraph.idToModuleMap.size;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ heap, modules }));
    });
  },
};
// --preact: @preact/preset-vite (Preact's JSX and @prefresh/vite's component refresh), as a Preact app has
// it, without its devtools bridge (our side has none); preact itself from NODE_PATH's node_modules, linked
// into the root, where Vite looks for it
const plugins = [benchHeap];
if (process.argv.includes('--preact')) {
  plugins.push(...[require('@preact/preset-vite').default({ devToolsEnabled: false })].flat());
  const link = path.join(root, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.resolve(process.env.NODE_PATH), link, 'dir');
}
const server = await createServer({
  root, configFile: false, logLevel: 'warn', clearScreen: false, plugins,
  server: { port: 0, host: 'localhost', strictPort: false },
});
await server.listen();
console.log(`PORT ${server.httpServer.address().port} vite ${require('vite/package.json').version}`);
process.stdin.resume();
process.stdin.on('end', async () => { await server.close(); process.exit(0); });
