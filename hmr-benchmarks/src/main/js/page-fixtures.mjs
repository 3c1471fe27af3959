// What the Chromium benchmarks share (page-and-screen, first-load-timings, page-load-cpu): the generated pages and
// the two servers, each started in its own process on a fixture folder. Loopback only; a start waits 60 s at most.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const here = path.dirname(new URL(import.meta.url).pathname);

/** A temporary folder holding the files (name -> text). */
export function fixture(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'page-bench-')));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const page = '<!doctype html>\n<html><head><meta charset="utf-8"><link rel="stylesheet" href="/link.css"></head>'
  + '<body><p id="out">-</p><script type="module" src="/m0.js"></script></body></html>\n';
export const linkCss = (v) => `body { color: rgb(0, 0, ${v % 250}); }\n`;
const leaf = (i, v) => `export const v${i} = ${v};\n`;
// the entry: runs after all its imports, writes what they give, marks the time, accepts itself
const entry = (imports, value) => `${imports}document.getElementById('out').textContent = 'v=' + (${value});\n`
  + 'window.__done = performance.now();\nimport.meta.hot.accept();\n';

/** A page whose entry m0.js imports m1.js, which imports m2.js, ... down to the leaf m<n-1>.js. */
export function chain(n) {
  const files = { 'index.html': page, 'link.css': linkCss(1) };
  files['m0.js'] = entry("import { v1 } from './m1.js';\n", 'v1');
  for (let i = 1; i < n - 1; i++) files[`m${i}.js`] = `import { v${i + 1} } from './m${i + 1}.js';\nexport const v${i} = v${i + 1};\n`;
  files[`m${n - 1}.js`] = leaf(n - 1, 0);
  return { files, leaf: `m${n - 1}.js`, text: (v) => leaf(n - 1, v) };
}

/** A page whose n modules form a tree, k children a module. */
export function tree(n, k = 10) {
  const files = { 'index.html': page, 'link.css': linkCss(1) };
  for (let i = 0; i < n; i++) {
    const children = [];
    for (let c = i * k + 1; c <= i * k + k && c < n; c++) children.push(c);
    const imports = children.map((c) => `import { v${c} } from './m${c}.js';\n`).join('');
    const sum = children.length ? children.map((c) => `v${c}`).join(' + ') : '0';
    files[`m${i}.js`] = i === 0 ? entry(imports, sum) : `${imports}export const v${i} = ${sum};\n`;
  }
  return { files };
}

/**
 * Start Vite's dev server ('vite') or our app (any other kind: CompareServer on env.CP) on a folder, and wait for
 * the line that gives its port.
 */
export async function startServer(kind, dir, env = process.env) {
  const child = (kind === 'vite')
    ? spawn(process.execPath, ['--stack-size=984', path.join(here, 'vite-serve.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'], env })
    : spawn('java', ['-Xss8m', '-cp', env.CP, 'dev.hmr.benchmarks.CompareServer', dir], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${kind} did not start in 60 s`)), 60_000);
    child.stdout.on('data', (d) => { out += d; const m = /PORT (\d+)[^\n]*/.exec(out); if (m) { clearTimeout(timer); resolve(m); } });
    child.on('exit', (code) => reject(new Error(`${kind} exited ${code}`)));
  });
  return {
    kind, pid: child.pid, base: `http://localhost:${line[1]}`, version: line[0],
    stop: () => new Promise((r) => { child.on('exit', r); child.stdin.end(); setTimeout(() => { child.kill('SIGKILL'); r(); }, 10_000); }),
  };
}

/** Run body(server, dir) on a server started on a fixture of the files, then stop it and remove the fixture. */
export async function withServer(kind, files, body, env = process.env) {
  const dir = fixture(files);
  try {
    const server = await startServer(kind, dir, env);
    try {
      return await body(server, dir);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The headless Chromium of Debian, started as every benchmark starts it. */
export function launchChromium(chromium) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}
