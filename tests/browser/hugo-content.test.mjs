// Real Hugo posts read as they did (issue 17): a Chinese blog with
// hasCJKLanguage and Hugo's unsafe raw HTML, built by `wasm-blog build` and
// served as a static host serves it. The built page and the widget (which
// renders the next post in the browser, from the Markdown) show the same
// things: shortcodes rendered, the author's HTML kept and inert, Hugo's CJK
// counts, the blog's words and month names. A Persian page is right to left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, openPage, renderedCount, useBrowser, waitForRendered } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-hugo-content-'));
const SITE = path.join(tmp, 'site');
const OUT = path.join(tmp, 'public');
const OUT_I18N = path.join(tmp, 'public-i18n');
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(SITE, rel)), { recursive: true });
  fs.writeFileSync(path.join(SITE, rel), text);
};
const zh = '静态博客的生成器在浏览器里渲染文章。'.repeat(40);  // 720 characters
write('hugo.toml', [
  'baseURL = "https://example.org/"', 'title = "中文博客"', 'defaultContentLanguage = "zh"', 'languageCode = "zh-cn"',
  'hasCJKLanguage = true',
  '[params]', 'ShowReadingTime = true', 'ShowWordCount = true',
  '[markup.goldmark.renderer]', 'unsafe = true', ''].join('\n'));
write('layouts/shortcodes/note.html', '<div class="note">{{ .Get "kind" | default "info" }}: {{ .Inner | markdownify }}</div>\n');
write('content/posts/first.md', [
  '---', 'title: 第一篇', 'date: 2023-01-05', '---',
  zh, '',
  '{{< figure src="/cat.png" caption="一只**猫**" >}}', '',
  '{{< note kind="提示" >}}读一读*另一篇*{{< /note >}}', '',
  '<details><summary>展开</summary>', '', '藏起来的内容', '', '</details>', '',
  '<img src="x" onerror="window.__ran = true"><script>window.__ran = true</script>', '',
  'Press <kbd>Ctrl</kbd>.', ''].join('\n'));
write('content/posts/second.md', ['---', 'title: 第二篇', 'date: 2022-07-24', '---',
  '见 [第一篇]({{< ref "first.md" >}})。', ''].join('\n'));
write('static/cat.png', Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const env = useBrowser({ setup(server) {
  for (const [site, out, base] of [[SITE, OUT, 'https://example.org/'],
    [path.join(ROOT, 'tests/fixtures/hugo-i18n'), OUT_I18N, 'https://example.org/i18n/']])
    execFileSync(TOOL, ['build', site, out, '--base-url', base, '--assets', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  const host = (root) => (req, res, ctx) => {
    if (ctx.file(root)) return ctx.serve({}, root);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(path.join(root, '404.html')));
  };
  server.route('/i18n/', (req, res, ctx) => host(OUT_I18N)(req, res, ctx));
  server.route('/', host(OUT));
} });

// What a reader sees of the first post, wherever it was rendered.
async function firstPostShows(page) {
  const content = page.locator('wasm-blog .post-content');
  assert.equal(await content.locator('figure img').getAttribute('src'), '/cat.png');
  assert.equal((await content.locator('figure figcaption').innerText()).trim(), '一只猫');
  assert.equal(await content.locator('figure figcaption strong').innerText(), '猫');
  assert.match(await content.locator('.note').innerText(), /^提示: 读一读另一篇/);
  assert.equal(await content.locator('details summary').innerText(), '展开');
  assert.equal(await content.locator('kbd').innerText(), 'Ctrl');
  assert.equal(await content.locator('script').count(), 0);
  assert.equal(await content.locator('[onerror]').count(), 0);
  assert.doesNotMatch(await content.innerText(), /\{\{</);
  // Hugo's CJK counts: each character a word, 501 a minute.
  const meta = await page.locator('wasm-blog .post-meta').innerText();
  assert.match(meta, /一月 5, 2023/);
  assert.match(meta, /2 分钟/);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'the post\'s script and handler never ran');
}

test('hugo content: a built page and the widget\'s render of the same post show the shortcodes, the safe raw HTML and Hugo\'s CJK counts', async () => {
  const { page, errors, close } = await openPage(env, '/posts/first/');
  try {
    await waitForRendered(page, 'post-content');
    await firstPostShows(page);
    // The list's summary: Hugo's 70 characters, not the whole paragraph.
    await page.goto(env.server.url('/'));
    await waitForRendered(page, 'post-entry');
    const summary = await page.locator('wasm-blog .post-entry .entry-content').first().innerText();
    assert.ok([...summary.replace(/\.\.\.$/, '').trim()].length <= 72, summary);
    // To the second post in the page, then by its ref link back to the first:
    // the widget renders it from the Markdown.
    await page.evaluate(() => { window.__sameDocument = true; });
    let seen = await renderedCount(page);
    await page.locator('wasm-blog .post-entry', { hasText: '第二篇' }).click();
    await waitForRendered(page, 'post-content', { after: seen });
    seen = await renderedCount(page);
    await page.locator('wasm-blog .post-content a', { hasText: '第一篇' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/posts/first/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the widget rendered it, no reload');
    await firstPostShows(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('hugo content: a Persian page is right to left in the served page and in the widget\'s view', async () => {
  const { page, errors, close } = await openPage(env, '/i18n/fa/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.waitForFunction(() => {
      const view = document.querySelector('wasm-blog')?.shadowRoot?.querySelector('[lang="fa"]');
      return view && view.dir === 'rtl';
    }, null, { timeout: 10000 });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
