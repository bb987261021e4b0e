// What dist/ ships beside the module: the on-demand libraries match the
// tables that load them (constants mirrored between JS and the build script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, assertDistBuilt } from './harness.mjs';
import { GRAMMARS } from '../../web/enhance-code.js';

test('assets: every fence name enhance-code.js knows has its grammar in dist/vendor, and no grammar is shipped unused', () => {
  assertDistBuilt();
  const dir = path.join(DIST, 'vendor/highlight/languages');
  const shipped = fs.readdirSync(dir).map((f) => f.replace(/\.min\.js$/, '')).sort();
  const wanted = [...new Set(Object.values(GRAMMARS))].sort();
  assert.deepEqual(shipped, wanted);
  for (const lang of ['c', 'cpp', 'go', 'python', 'javascript', 'json', 'bash', 'yaml']) {
    assert.ok(GRAMMARS[lang], `the issue's language ${lang} is highlighted`);
  }
});

test('assets: dist/ holds the site and nothing from the build folder or node_modules', () => {
  assertDistBuilt();
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.relative(DIST, path.join(d, e.name))));
  walk(DIST);
  for (const f of ['index.html', 'wasm-blog.js', 'wasm-blog.css', 'blog-core.js', 'blog-core.wasm',
    'enhance-code.js', 'enhance-math.js', 'posts/index.json', 'vendor/katex/katex.min.js', 'vendor/highlight/core.min.js']) {
    assert.ok(files.includes(f), `dist/${f}`);
  }
  const posts = fs.readdirSync(path.join(ROOT, 'posts')).filter((f) => f.endsWith('.md')).sort();
  assert.deepEqual(fs.readdirSync(path.join(DIST, 'posts')).filter((f) => f.endsWith('.md')).sort(), posts);
  assert.equal(files.filter((f) => f.includes('node_modules') || f.endsWith('.map')).length, 0);
});
