// `make serve`'s dev server (scripts/serve.mjs) on a tiny Hugo-style site in a
// temp folder, built by the native tool into an OUT under build/:
// - saving a post rebuilds the site and an open page reloads itself, showing
//   the new title;
// - a build that fails keeps the last good site served, and the page stays;
// - it serves OUT as a static host does (index.html, 404.html with 404,
//   MIME types), and the reload script is added only as pages are served:
//   no file of OUT mentions it.
// Needs `wasm-blog build` (build/native/wasm-blog, or BLOG_TOOL): the tests
// are skipped, saying so, only when the tool answers "unknown command build".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, assertDistBuilt, eventually, launchBrowser, openPage } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const SERVE = path.join(ROOT, 'scripts/serve.mjs');
const RELOAD_TIMEOUT = 10000;  // a save must show in an open page well within this

const probe = spawnSync(TOOL, ['build', '--help'], { encoding: 'utf8' });
const skip = /unknown command build/.test(probe.stderr || '')
  ? `${path.relative(ROOT, TOOL)} has no \`build\` command yet (it says "${probe.stderr.split('\n')[0]}")`
  : false;

const post = (title, date, body) => `---\ntitle: "${title}"\ndate: ${date}\ntags: ["serve"]\n---\n\n${body}\n`;
const FIRST = (title) => post(title, '2024-03-02T10:00:00Z', 'The first post of the tiny site.');

const env = { browser: null };
let site, outRoot, OUT, server, origin;
let output = '';  // everything the server printed so far

function startServer() {
  const child = spawn(process.execPath, [SERVE, '--site', site, '--out', OUT, '--port', '0', '--tool', TOOL, '--assets', DIST],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  return child;
}

before(async () => {
  if (skip) return;
  assertDistBuilt();
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-serve-site-'));
  fs.mkdirSync(path.join(site, 'posts'));
  fs.writeFileSync(path.join(site, 'hugo.toml'),
    'baseURL = "http://127.0.0.1:1313/"\ntitle = "Serve test"\n[params]\nauthor = "Tester"\n');
  fs.writeFileSync(path.join(site, 'posts/first.md'), FIRST('First title'));
  fs.writeFileSync(path.join(site, 'posts/second.md'), post('Second title', '2024-03-01T10:00:00Z', 'Another post.'));
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  outRoot = fs.mkdtempSync(path.join(ROOT, 'build/serve-test-'));
  OUT = path.join(outRoot, 'site');
  server = startServer();
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const ready = eventually(() => output.match(/^Serving .* on (http:\/\/127\.0\.0\.1:\d+)\//m)?.[1],
    { timeout: 30000, what: 'serve.mjs to print "Serving … on http://127.0.0.1:<port>/"' });
  const first = await Promise.race([ready, exited.then((code) => ({ code }))]);
  if (typeof first !== 'string') throw new Error(`serve.mjs exited with ${first.code} before serving:\n${output}`);
  origin = first;
  env.browser = await launchBrowser();
});

after(async () => {
  if (env.browser) await env.browser.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  for (const dir of [site, outRoot]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Opens `urlPath` and waits until the page's reload stream is open (a save
// before that would go unnoticed by the page) and `text` shows.
async function openServed(urlPath, text) {
  const opened = await openPage(env, null);
  await opened.page.goto(`${origin}${urlPath}`);
  await opened.page.getByText(text).first().waitFor({ timeout: 10000 });
  await opened.page.waitForFunction(() => window.__livereload && window.__livereload.readyState === EventSource.OPEN,
    null, { timeout: 10000 });
  // Gone once the page reloads.
  await opened.page.evaluate(() => { window.__notReloaded = true; });
  return opened;
}

const reloaded = (page) => page.evaluate(() => !window.__notReloaded);

test('serve: saving a post rebuilds the site and the open page reloads with the new title', { skip }, async (t) => {
  const { page, errors, close } = await openServed('/', 'First title');
  try {
    const saved = Date.now();
    fs.writeFileSync(path.join(site, 'posts/first.md'), FIRST('Edited title'));
    await page.getByText('Edited title').first().waitFor({ timeout: RELOAD_TIMEOUT });
    const took = Date.now() - saved;
    assert.ok(await reloaded(page), 'the page was reloaded (not updated in place)');
    assert.equal(await page.getByText('First title').count(), 0, 'the old title is gone');
    t.diagnostic(`the new title showed ${took} ms after the save`);
    assert.match(output, /posts\/first\.md changed/);
    assert.deepEqual(errors, []);

    // The post's own page shows the new title too.
    await page.goto(`${origin}/posts/first/`);
    await page.getByText('Edited title').first().waitFor({ timeout: 10000 });
  } finally {
    await close();
  }
});

test('serve: a build that fails prints the problem and keeps the last good site; the fix reloads the page', { skip }, async () => {
  const { page, close } = await openServed('/', 'Second title');
  try {
    const before = output.length;
    fs.writeFileSync(path.join(site, 'posts/second.md'), '---\ntitle: [never closed\n---\n\nBroken.\n');
    await eventually(() => /the build failed/.test(output.slice(before)), { timeout: 10000, what: 'serve.mjs to report the failed build' });
    assert.match(output.slice(before), /posts\/second\.md:\d+: /, 'the tool\'s message names the file and line');
    const res = await fetch(`${origin}/`);
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes('Second title'), 'the last good site is still served');
    assert.equal(await reloaded(page), false, 'a failed build does not reload the page');

    fs.writeFileSync(path.join(site, 'posts/second.md'), post('Second title, fixed', '2024-03-01T10:00:00Z', 'Another post.'));
    await page.getByText('Second title, fixed').first().waitFor({ timeout: RELOAD_TIMEOUT });
    assert.ok(await reloaded(page));
  } finally {
    await close();
  }
});

test('serve: OUT is served as a static host would, and no file of OUT mentions the reload script', { skip }, async () => {
  const get = async (p) => {
    const res = await fetch(`${origin}${p}`, { redirect: 'manual' });
    return { status: res.status, type: res.headers.get('content-type'), location: res.headers.get('location'), body: await res.text() };
  };
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.type, /^text\/html/);
  assert.ok(home.body.includes('<script src="/__livereload.js"></script>'), 'served HTML gets the reload script');
  const missing = await get('/no/such/page/');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.replace('<script src="/__livereload.js"></script>', ''),
    fs.readFileSync(path.join(OUT, '404.html'), 'utf8'), 'a missing path is 404.html');
  const folder = await get('/posts/first');
  assert.equal(folder.status, 301);
  assert.equal(folder.location, '/posts/first/');
  assert.equal((await get('/posts/first/')).status, 200);
  assert.equal((await get('/blog-core.wasm')).type, 'application/wasm');
  assert.match((await get('/posts/index.json')).type, /^application\/json/);
  assert.match((await get('/posts/first.md')).type, /^text\/markdown/);
  assert.match((await get('/index.xml')).type, /^application\/rss\+xml/);
  assert.equal((await get('/%2e%2e/%2e%2e/etc/passwd')).status, 404);

  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else files.push(path.join(dir, e.name));
    }
  };
  walk(OUT);
  assert.ok(files.some((f) => f.endsWith('.html')) && files.length > 5, `OUT holds the built site: ${files.length} files`);
  const mentioning = files.filter((f) => fs.readFileSync(f).includes('__livereload'));
  assert.deepEqual(mentioning, [], 'no file of OUT mentions __livereload');
});
