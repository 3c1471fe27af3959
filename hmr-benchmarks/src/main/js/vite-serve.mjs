// Starts Vite's dev server on a folder and prints "PORT <port>"; stops when stdin closes.
// Used by PageLoadBenchmark to serve the same generated modules with Vite:
//   NODE_PATH=/tmp/bench-vite/node_modules node hmr-benchmarks/src/main/js/vite-serve.mjs <root>
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { createServer } = require('vite');
const root = process.argv[2];
const server = await createServer({
  root, configFile: false, logLevel: 'warn', clearScreen: false,
  server: { port: 0, host: 'localhost', strictPort: false },
});
await server.listen();
console.log(`PORT ${server.httpServer.address().port} vite ${require('vite/package.json').version}`);
process.stdin.resume();
process.stdin.on('end', async () => { await server.close(); process.exit(0); });
