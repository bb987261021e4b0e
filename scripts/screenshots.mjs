// The documentation's screenshots (docs/*.png: README.md, docs/widget.md, docs/markdown.md), taken in Debian's Chromium from a
// built dist/ (or BLOG_DIST) served as the browser tests serve it:
//   docs/list.png   the list, light theme, 1280×800
//   docs/post.png   a post, dark theme
//   docs/search.png the search screen with a query
//   docs/host.png   someone else's page with two widgets on two blogs
// Run: make screenshots (after make dist).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../tests/browser/harness.mjs';

const DOCS = path.join(ROOT, 'docs');

const SMALL = {
  title: 'A second blog',
  author: 'Another Author',
  posts: [
    { slug: 'hello', title: 'Hello from the second blog', date: '2024-02-02', summary: 'A widget of its own, on its own index.', tags: ['demo'] },
    { slug: 'again', title: 'Two widgets, one page', date: '2024-01-01', summary: 'Neither one touches the other, nor the page around them.' },
  ],
};

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A page with two blogs</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #3b2f2f; background: #f3ede2; }
  header { padding: 16px 32px; background: #3b2f2f; color: #f3ede2; }
  header a { color: #f3ede2; margin-right: 16px; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; padding: 24px 32px; }
  section { border: 2px solid #3b2f2f; border-radius: 6px; overflow: hidden; background: white; }
  section h2 { margin: 0; padding: 8px 16px; font-size: 18px; background: #e6dccb; }
</style>
<script type="module" src="/wasm-blog.js"></script>
</head><body>
<header><strong>The host's page</strong> — its own styles, its own <a href="#about">#about</a> link</header>
<main>
<section><h2>The sample blog</h2><wasm-blog src="/posts/index.json" page-size="3"></wasm-blog></section>
<section><h2>A second blog</h2><wasm-blog src="/generated/small/index.json"></wasm-blog></section>
</main>
<p id="about" style="padding: 0 32px">About this page.</p>
</body></html>`;

const server = await startServer();
server.write('small/index.json', JSON.stringify(SMALL));
server.write('host.html', HOST);
const browser = await launchBrowser();

// Opens urlPath and waits until `count` widgets have shown a complete screen.
async function shot(file, urlPath, { scheme = 'light', count = 1, size = { width: 1280, height: 800 }, before } = {}) {
  const context = await browser.newContext({ viewport: size, colorScheme: scheme });
  await context.addInitScript(() => {
    document.addEventListener('wasm-blog-rendered', (e) => {
      if (e.detail.complete) (window.__done ||= new Set()).add(e.target);
    });
  });
  const page = await context.newPage();
  await page.goto(server.url(urlPath));
  await page.waitForFunction((n) => window.__done && window.__done.size >= n, count, { timeout: 15000 });
  if (before) await before(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(DOCS, file) });
  await context.close();
  console.log(`docs/${file}`);
}

try {
  fs.mkdirSync(DOCS, { recursive: true });
  await shot('list.png', '/');
  await shot('post.png', '/#/posts/lets-go', { scheme: 'dark' });
  await shot('search.png', '/#/search?q=paper');
  await shot('host.png', '/generated/host.html', { count: 2, size: { width: 1280, height: 900 } });
} finally {
  await browser.close();
  await server.close();
}
