// Builds the client's bundle into client/dist/ (docs/decisions.md, decision 66):
//   npm ci && node scripts/build_client.mjs       (make run and make test do this when npm is there)
//
// One entry, client/main.js: it routes by path and imports each page's module dynamically, so
// esbuild's code splitting gives every page its own chunk (start, board, summary, the QR code…)
// and the modules pages share go into shared chunks. A new module or page is picked up from the
// imports: nothing here lists them.
//
// dist/manifest.json tells the server (server/bundle.py) what was built and from what:
//   sources  the hash of every source module (the server serves the bundle only while the
//            sources still have this hash: a stale bundle is never served);
//   entries  source module -> the chunk that starts with it (main.js and every dynamic import);
//   imports  chunk -> the chunks it imports statically (the page's preload list is their closure).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), '..', 'client');
const OUT = join(CLIENT, 'dist');
const SKIP = new Set(['dist', 'node_modules']); // built or installed, not sources

const posix = (p) => p.split(sep).join('/');

// Every source module (.js, .mjs) under client/, relative and sorted: server/static.py lists the same.
function sourceModules(dir = CLIENT) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (dir === CLIENT && SKIP.has(entry.name))) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceModules(path));
    else if (entry.isFile() && /\.m?js$/.test(entry.name)) out.push(posix(relative(CLIENT, path)));
  }
  return dir === CLIENT ? out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : out;
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

// The same hash as server/bundle.py's sources_hash(): "<path>\0<sha256 of the file, 16 hex>\n" each.
export function sourcesHash() {
  const lines = sourceModules().map((m) => `${m}\0${sha256(readFileSync(join(CLIENT, m))).slice(0, 16)}\n`);
  return sha256(lines.join(''));
}

async function build() {
  const sources = sourcesHash(); // before building: an edit during the build makes it stale, not wrong
  rmSync(OUT, { recursive: true, force: true }); // old chunks would be served for nothing
  mkdirSync(OUT, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(CLIENT, 'main.js')],
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022', // top-level await (main.js); every browser with import maps has it
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const entries = {};
  const imports = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const chunk = posix(relative(OUT, file));
    if (output.entryPoint) entries[posix(relative(CLIENT, output.entryPoint))] = chunk;
    imports[chunk] = output.imports
      .filter((i) => i.kind === 'import-statement' && !i.external)
      .map((i) => posix(relative(OUT, i.path)));
  }
  const manifest = { sources, esbuild: esbuild.version, entries, imports };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`client/dist: ${Object.keys(imports).length} chunks, ${bytes} bytes (esbuild ${esbuild.version})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await build();
