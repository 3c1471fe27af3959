// Lexes sources with npm's es-module-lexer and writes one JSON object per line:
//   {"file":"<name>","imports":[{n,t,s,e,ss,se,d,a}],"exports":[{n,ln,s,e,ls,le}]}
// or {"file":"<name>","error":"<message>"} when es-module-lexer rejects the source.
// Usage:
//   node lex-corpus.mjs <corpus dir (holding node_modules)> <out file> <package>...
//     lexes every .js and .mjs file of the packages (file = path relative to the corpus dir)
//   node lex-corpus.mjs <corpus dir> <out file> --sources <json file holding an array of strings>
//     lexes each string (file = its index)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [corpusDir, outFile, ...rest] = process.argv.slice(2);
const modules = join(corpusDir, 'node_modules');
const { init, parse } = await import(pathToFileURL(join(modules, 'es-module-lexer', 'dist', 'lexer.js')).href);
await init;

function walk(dir, files) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') walk(path, files);
    } else if (name.endsWith('.js') || name.endsWith('.mjs')) {
      files.push(path);
    }
  }
  return files;
}

function lex(file, source) {
  try {
    const [imports, exports] = parse(source);
    return JSON.stringify({
      file,
      imports: imports.map(({ n, t, s, e, ss, se, d, a }) => ({ n: n ?? null, t, s, e, ss, se, d, a })),
      exports: exports.map(({ n, ln, s, e, ls, le }) => ({ n, ln: ln ?? null, s, e, ls, le })),
    });
  } catch (err) {
    return JSON.stringify({ file, error: String(err.message) });
  }
}

const lines = [];
if (rest[0] === '--sources') {
  JSON.parse(readFileSync(rest[1], 'utf8')).forEach((source, index) => lines.push(lex(String(index), source)));
} else {
  for (const pkg of rest) {
    for (const path of walk(join(modules, pkg), [])) {
      lines.push(lex(relative(corpusDir, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    }
  }
}
writeFileSync(outFile, lines.join('\n') + '\n');
