#!/usr/bin/env node
// Checks, at make dist, that every engine export the widget calls exists:
// the `_blog_*` names in web/ are the ones web/widget/exports.js lists
// (ENGINE_EXPORTS), called in that file only, and each engine that must
// export a name does, in its built glue (Module["_blog_x"] = the .wasm's
// export) and in its .wasm (WebAssembly.Module.exports). A name missing
// anywhere fails with a message naming it and the engine.
//
//   node scripts/check-exports.mjs WASM_BUILD     (the folder of blog-core.* and blog-full.*)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const TABLE = path.join(WEB, 'widget/exports.js');
// The engines (wasm/CMakeLists.txt) by the names ENGINE_EXPORTS uses.
const ENGINES = { list: 'blog-core', full: 'blog-full' };

const build = process.argv[2];
if (!build) {
  process.stderr.write('usage: check-exports.mjs WASM_BUILD\n');
  process.exit(2);
}
const { ENGINE_EXPORTS } = await import(TABLE);
const problems = [];
const rel = (file) => path.relative(ROOT, file);

// The widget's sources: every _blog_ name is listed, and used in exports.js only.
const sources = [path.join(WEB, 'wasm-blog.js'), ...fs.readdirSync(path.join(WEB, 'widget')).filter((f) => f.endsWith('.js'))
  .map((f) => path.join(WEB, 'widget', f))];
const used = new Set();
for (const file of sources) {
  const text = fs.readFileSync(file, 'utf8');
  for (const [name] of text.matchAll(/\b_blog_\w+/g)) {
    if (!Object.hasOwn(ENGINE_EXPORTS, name)) problems.push(`${rel(file)} calls ${name}, which ${rel(TABLE)} does not list (ENGINE_EXPORTS)`);
    else if (file !== TABLE) problems.push(`${rel(file)} calls ${name} directly: call it through ${rel(TABLE)}`);
    used.add(name);
  }
}
const table = fs.readFileSync(TABLE, 'utf8');
for (const [name, engines] of Object.entries(ENGINE_EXPORTS)) {
  if (engines.split(' ').includes('bench')) continue;  // a benchmark's, not the widget's
  if ((table.match(new RegExp(`\\b${name}\\b`, 'g')) || []).length < 2) {
    problems.push(`${rel(TABLE)} lists ${name} but nothing calls it: remove it from ENGINE_EXPORTS`);
  }
}

// Each engine: the glue's Module["_blog_x"] and the .wasm export behind it.
for (const [kind, base] of Object.entries(ENGINES)) {
  const glueFile = path.join(build, `${base}.js`);
  const wasmFile = path.join(build, `${base}.wasm`);
  if (!fs.existsSync(glueFile) || !fs.existsSync(wasmFile)) {
    problems.push(`${rel(glueFile)} or ${base}.wasm is missing: build the wasm targets first`);
    continue;
  }
  const glue = fs.readFileSync(glueFile, 'utf8');
  const behind = new Map([...glue.matchAll(/Module\["(_blog_\w+)"\]\s*=\s*Module\["asm"\]\["(\w+)"\]/g)].map((m) => [m[1], m[2]]));
  const wasmExports = new Set(WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(wasmFile))).map((e) => e.name));
  for (const [name, engines] of Object.entries(ENGINE_EXPORTS)) {
    if (!engines.split(' ').includes(kind)) continue;
    const inner = behind.get(name);
    if (!inner) problems.push(`the ${kind} engine (${base}) does not export ${name}, which the widget calls: add it to EXPORTED_FUNCTIONS in wasm/CMakeLists.txt`);
    else if (!wasmExports.has(inner)) problems.push(`the ${kind} engine's glue maps ${name} to "${inner}", which ${base}.wasm does not export: the glue and the .wasm are from different builds`);
  }
}

if (problems.length) {
  process.stderr.write(`check-exports: the widget and the engines disagree:\n${problems.map((p) => `  ${p}\n`).join('')}`);
  process.exit(1);
}
