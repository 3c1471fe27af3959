// Runs @prefresh/babel-plugin over each corpus file and writes, one JSON line per file,
// the names it registers ($RefreshReg$(handle, "name")) and the hook signature keys
// (_s(type, "key", ...)), read from the output's AST.
// Usage: node prefresh-corpus.mjs <install prefix> <corpus dir> <output.jsonl>
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [prefix, corpus, output] = process.argv.slice(2);
const require = createRequire(join(prefix, 'node_modules', 'noop.js'));
const babel = require('@babel/core');
const prefresh = require('@prefresh/babel-plugin');

const lines = [];
for (const file of readdirSync(corpus).sort()) {
  if (!/\.[jt]sx$/.test(file)) continue;
  const code = readFileSync(join(corpus, file), 'utf8');
  const result = babel.transformSync(code, {
    filename: file,
    babelrc: false,
    configFile: false,
    ast: true,
    plugins: [[prefresh, { skipEnvCheck: true, emitFullSignatures: true }]],
    parserOpts: { plugins: ['jsx', 'classProperties', ...(file.endsWith('.tsx') ? ['typescript'] : [])] },
  });
  const components = [];
  const hookSignatures = [];
  babel.traverse(result.ast, {
    CallExpression(path) {
      const { callee, arguments: args } = path.node;
      if (callee.type !== 'Identifier' || args.length < 2 || args[1].type !== 'StringLiteral') return;
      if (callee.name === '$RefreshReg$') components.push(args[1].value);
      else if (/^_s\d*$/.test(callee.name)) hookSignatures.push(args[1].value);
    },
  });
  lines.push(JSON.stringify({ file, components, hookSignatures, code: result.code }));
}
writeFileSync(output, lines.join('\n') + '\n');
