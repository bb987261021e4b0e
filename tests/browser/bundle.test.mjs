// A page bundle with files that could run script on the blog's origin
// (issue 15; SECURITY.md, "What a site folder cannot do to the build"),
// built by `wasm-blog build` and served as a static host serves it: the
// HTML page, the SVG with an onload handler and the service worker are not
// published (the host answers 404, nothing of theirs runs, no worker
// registers); the photo and the clean drawing are, and the post shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, openPage, useBrowser, waitForBlog } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-bundle-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const SITE = path.join(dir, 'src');
const OUT = path.join(dir, 'public');
const trip = path.join(SITE, 'content/posts/trip');
fs.mkdirSync(trip, { recursive: true });
fs.writeFileSync(path.join(SITE, 'hugo.toml'), 'baseURL = "https://example.com/blog/"\ntitle = "Bundles"\n');
fs.writeFileSync(path.join(trip, 'index.md'), '---\ntitle: A trip\ndate: 2024-05-01\n---\n'
  + 'The lake: ![lake](lake.png) and the route: ![route](route.svg)\n\n'
  + '[photos](photos.html) · [map](map.svg)\n');
// A 1×1 PNG.
fs.writeFileSync(path.join(trip, 'lake.png'), Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
fs.writeFileSync(path.join(trip, 'route.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><path d="M0 5h20" stroke="black"/></svg>\n');
fs.writeFileSync(path.join(trip, 'map.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" onload="localStorage.setItem(\'pwned\', \'svg\')"></svg>\n');
fs.writeFileSync(path.join(trip, 'photos.html'), '<script>localStorage.setItem("pwned", "html")</script>\n');
fs.writeFileSync(path.join(trip, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');

let stderr = '';
const env = useBrowser({ setup(server) {
  const run = spawnSync(TOOL, ['build', SITE, OUT, '--assets', DIST], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  stderr = run.stderr;
  server.route('/blog/', (req, res, ctx) => {
    if (ctx.file(OUT)) return ctx.serve({}, OUT);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(path.join(OUT, '404.html')));
  });
} });

test('bundle: files that could run script on the origin are not published, and the build says which', async () => {
  for (const name of ['photos.html', 'map.svg', 'sw.js']) {
    assert.match(stderr, new RegExp(`content/posts/trip/${name.replace('.', '\\.')}: warning: not published: `), stderr);
    assert.ok(!fs.existsSync(path.join(OUT, 'posts/trip', name)), `${name} is not in OUT`);
  }
  const { page, errors, close } = await openPage(env, '/blog/posts/trip/');
  try {
    await waitForBlog(page, '.post-content', { hasText: 'The lake' });
    // The photo and the clean drawing are published and drawn.
    for (const alt of ['lake', 'route']) {
      const loaded = await page.locator(`wasm-blog img[alt="${alt}"]`).evaluate((img) => img.decode().then(() => img.naturalWidth > 0, () => false));
      assert.ok(loaded, `the ${alt} image is shown`);
    }
    // The others answer 404 on the blog's origin: opening them runs nothing.
    for (const name of ['photos.html', 'map.svg', 'sw.js']) {
      const status = await page.evaluate(async (url) => (await fetch(url)).status, `/blog/posts/trip/${name}`);
      assert.equal(status, 404, `${name} answers 404`);
    }
    const registered = await page.evaluate(() => navigator.serviceWorker.register('/blog/posts/trip/sw.js')
      .then(() => 'registered', (err) => err.name));
    assert.notEqual(registered, 'registered', 'no service worker registers from the bundle');
    await page.goto(env.server.url('/blog/posts/trip/map.svg'));
    await page.goto(env.server.url('/blog/posts/trip/photos.html'));
    await page.goto(env.server.url('/blog/posts/trip/'));
    assert.equal(await page.evaluate(() => localStorage.getItem('pwned')), null, 'no script of the bundle ran');
    assert.deepEqual(errors.filter((e) => !/404|Failed to register/.test(e)), []);
  } finally {
    await close();
  }
});

test('bundle: with params.wasmBlog.publishActiveFiles the site opts in, and each file is reported', () => {
  const optIn = path.join(dir, 'opt-in');
  fs.cpSync(SITE, optIn, { recursive: true });
  fs.appendFileSync(path.join(optIn, 'hugo.toml'), '[params.wasmBlog]\npublishActiveFiles = true\n');
  const out = path.join(dir, 'opt-in-public');
  const run = spawnSync(TOOL, ['build', optIn, out, '--assets', DIST], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  for (const name of ['photos.html', 'map.svg', 'sw.js']) {
    assert.ok(fs.existsSync(path.join(out, 'posts/trip', name)), `${name} is published`);
    assert.match(run.stderr, new RegExp(`trip/${name.replace('.', '\\.')}: warning: published because params\\.wasmBlog\\.publishActiveFiles is set`));
  }
});
