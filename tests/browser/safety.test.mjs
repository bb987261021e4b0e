// Hostile content must never run script. Every payload below tries to set
// window.__pwned (a few also try alert()); the test renders them, clicks every
// link, hovers every image and then checks that nothing ran, in any document
// or frame, and that no dialog opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, eventually, openPage, useBrowser, waitForBlog } from './harness.mjs';

const P = 'window.__pwned=1';
const b64 = (s) => Buffer.from(s).toString('base64');
const SCRIPT = `<script>${P}</script>`;
const IMG = `<img src=x onerror="${P}">`;

// Index fields: shown as text on the list, the post, the tag pages and the
// document title; never parsed as HTML.
const HOSTILE_TITLE = `${SCRIPT}Title ${IMG}`;
const HOSTILE_AUTHOR = `${IMG}Mallory "><svg onload=${P}>`;
const HOSTILE_SUMMARY = `${IMG} a summary ${SCRIPT} with "quotes" & 'apostrophes'`;
const HOSTILE_TAGS = [SCRIPT, IMG, `x" onmouseover="${P}`];

// [name, Markdown] from the corpus the native tests render too
// (tests/corpus/hostile-markdown.json): raw HTML is omitted by default; links
// and images with dangerous schemes are neutralised however they are spelled,
// and relative links ("../javascript:…") never resolve to a scheme.
const CORPUS = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/corpus/hostile-markdown.json'), 'utf8'));
const PAYLOADS = CORPUS.payloads.map((p) => [p.name, p.markdown]);
assert.equal(CORPUS.marker, P, 'the corpus and this file use the same marker');

function hostileMarkdown() {
  const parts = ['This post holds hostile payloads; none of them may run.'];
  PAYLOADS.forEach(([name, md], i) => {
    const n = String(i + 1).padStart(2, '0');
    parts.push(`### Payload ${n}: ${name}`, md, `After payload ${n}.`);
  });
  return parts.join('\n\n') + '\n';
}

const env = useBrowser({ setup(server) {
  server.write('hostile/index.json', JSON.stringify({
    title: `Hostile ${SCRIPT}`,
    author: HOSTILE_AUTHOR,
    description: IMG,
    posts: [
      { slug: 'hostile-fields', title: HOSTILE_TITLE, author: HOSTILE_AUTHOR, date: '2022-07-24T21:42:07-07:00',
        summary: HOSTILE_SUMMARY, tags: HOSTILE_TAGS },
      // No summary: the list shows one made from the hostile Markdown.
      { slug: 'payloads', title: 'Hostile Markdown', date: '2022-07-23T21:42:07-07:00', tags: ['payloads'] },
      // Left out: a slug and a file that are not allowed; the notice quotes them.
      { slug: `<img src=x onerror=${P}>`, title: 'Bad slug' },
      { slug: 'bad-file', title: 'Bad file', file: `javascript:${P}` },
    ],
  }));
  server.write('hostile/hostile-fields.md', 'The body of the post whose index fields are hostile.\n');
  server.write('hostile/payloads.md', hostileMarkdown());
  // The same payloads with the index beside the page (src="index.json"):
  // there "./javascript:…" once resolved to a script URL.
  server.write('beside/index.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>beside</title>' +
    '<link rel="icon" href="data:,"><script type="module" src="/wasm-blog.js"></script></head>' +
    '<body><wasm-blog src="index.json"></wasm-blog></body></html>');
  server.write('beside/index.json', JSON.stringify({ title: 'Beside', posts: [
    { slug: 'payloads', title: 'Hostile Markdown beside the page', date: '2022-07-23T21:42:07-07:00', summary: 's' },
  ] }));
  server.write('beside/payloads.md', hostileMarkdown());
} });

const PAGE = '/fixtures/hostile/index.html';
const BESIDE_PAGE = '/generated/beside/index.html';

// Opens a page with a trap on window.__pwned in every document and frame of
// the context: any assignment is reported, even from a page we navigated away from.
async function openTrapped(hash, pagePath = PAGE) {
  const opened = await openPage(env, null);
  const pwned = [];
  await opened.context.exposeBinding('__reportPwned', (source, where) => { pwned.push(where); });
  await opened.context.addInitScript(() => {
    let value;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get() { return value; },
      set(v) {
        value = v;
        try { window.__reportPwned(String(location.href)); } catch { /* reported via the value */ }
      },
    });
  });
  // Nothing may leave 127.0.0.1, even if a payload managed to navigate.
  await opened.context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  await opened.page.goto(env.server.url(pagePath + hash));
  return { ...opened, pwned };
}

// Everything in the widget's shadow root that must not come from content:
// elements outside the allow-list, event-handler attributes, inline styles
// (outside KaTeX's own output, error spans included) and URLs with a dangerous scheme.
function auditShadowRoot() {
  const root = document.querySelector('wasm-blog').shadowRoot;
  const ALLOWED = new Set(['div', 'header', 'nav', 'main', 'footer', 'article', 'details', 'summary', 'span', 'a',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'br', 'hr', 'em', 'strong', 'del', 'code', 'pre',
    'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'input', 'link']);
  const problems = [];
  for (const el of root.querySelectorAll('*')) {
    const inKatex = !!el.closest('.katex, .katex-error');  // KaTeX's own markup
    // The core's own fixed markup, never content: the header's theme toggle,
    // the scroll-to-top button (last in the view root) and a code block's copy button.
    const chrome = !!el.closest('header.header button#theme-toggle, div.wasm-blog > button.top-link[data-action="top"]:last-child, '
      + '.post-content pre > button.copy-code[data-action="copy-code"]');
    const tag = el.localName;
    if (!inKatex && !chrome && !ALLOWED.has(tag)) problems.push(`<${tag}> element`);
    if (tag === 'input' && !el.classList.contains('task-list-item-checkbox')) problems.push('<input> element');
    if (tag === 'link' && !el.href.startsWith(location.origin + '/vendor/')) problems.push(`<link href=${el.href}>`);
    if (tag === 'details' && !el.closest('.toc')) problems.push('<details> outside the TOC');
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) problems.push(`${tag}[${attr.name}]`);
      if (attr.name === 'style' && !inKatex) problems.push(`${tag}[style]`);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(attr.name)) {
        let protocol;
        try { protocol = new URL(attr.value, document.baseURI).protocol; } catch { protocol = 'invalid'; }
        if (!['http:', 'https:'].includes(protocol)) problems.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return problems;
}

async function assertNothingRan(opened) {
  const { page, pwned, dialogs } = opened;
  // A sleep on purpose: it gives a script that should NOT run the time to run.
  await page.waitForTimeout(300);
  let value;
  try { value = await page.evaluate(() => window.__pwned); } catch { value = 'page unavailable'; }
  assert.equal(value, undefined, 'window.__pwned is undefined');
  assert.deepEqual(pwned, [], 'no document or frame set __pwned');
  assert.deepEqual(dialogs, [], 'no dialog opened');
}

test('safety: the trap notices a script that runs (self-check of this test file)', async () => {
  const opened = await openTrapped('');
  try {
    await waitForBlog(opened.page, '.post-entry');
    // A link outside the widget, added by the test itself, must be caught.
    await opened.page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'javascript:window.__pwned=1';
      a.textContent = 'self-check';
      document.body.append(a);
    });
    await opened.page.locator('body > a', { hasText: 'self-check' }).click();
    await eventually(() => opened.pwned.length > 0, { timeout: 2000 });
    assert.equal(opened.pwned.length, 1);
    assert.equal(await opened.page.evaluate(() => window.__pwned), 1);
  } finally {
    await opened.close();
  }
});

test('safety: hostile index fields are shown as text on the list and never run', async () => {
  const opened = await openTrapped('');
  const { page, errors } = opened;
  try {
    await waitForBlog(page, '.post-entry');
    const entry = page.locator('wasm-blog .post-entry').first();
    assert.equal(await entry.locator('h2').textContent(), HOSTILE_TITLE);
    assert.equal(await entry.locator('.entry-content').textContent(), `${HOSTILE_SUMMARY}...`);
    assert.ok((await entry.locator('.entry-footer').textContent()).endsWith(HOSTILE_AUTHOR));
    assert.equal(await page.locator('wasm-blog .logo a').textContent(), `Hostile ${SCRIPT}`);
    assert.equal(await page.title(), `Hostile ${SCRIPT}`);
    // The post without a summary gets one from its Markdown: text only.
    await waitForBlog(page, '.post-entry .entry-content', { hasText: 'This post holds hostile payloads' });
    // The entries that were left out are quoted as text.
    const notice = await (await waitForBlog(page, '.notice-warn')).textContent();
    assert.ok(notice.includes(`<img src=x onerror=${P}>`), notice);
    assert.ok(notice.includes(`javascript:${P}`), notice);
    assert.deepEqual(await page.evaluate(auditShadowRoot), []);
    for (const img of await page.locator('wasm-blog img').all()) {
      if (await img.isVisible()) await img.hover({ timeout: 1000 });
    }
    await assertNothingRan(opened);
    assert.deepEqual(errors, []);
  } finally {
    await opened.close();
  }
});

test('safety: hostile index fields are text on the post and on the tag pages', async () => {
  const opened = await openTrapped('#/posts/hostile-fields');
  const { page, errors } = opened;
  try {
    await waitForBlog(page, '.post-content', { hasText: 'The body of the post whose index fields are hostile.' });
    assert.equal(await page.locator('wasm-blog h1.post-title').textContent(), HOSTILE_TITLE);
    assert.ok((await page.locator('wasm-blog .post-meta').textContent()).endsWith(HOSTILE_AUTHOR));
    assert.equal(await page.title(), `${HOSTILE_TITLE} | Hostile ${SCRIPT}`);
    assert.deepEqual(await page.locator('wasm-blog .post-tags a').allTextContents(), HOSTILE_TAGS);
    assert.deepEqual(await page.evaluate(auditShadowRoot), []);
    for (const [i, tag] of HOSTILE_TAGS.entries()) {
      await page.locator('wasm-blog .post-tags a').nth(i).click();
      await waitForBlog(page, '.page-header h1');
      assert.equal(await page.locator('wasm-blog .page-header h1').textContent(), tag);
      assert.deepEqual(await page.locator('wasm-blog .post-entry h2').allTextContents(), [HOSTILE_TITLE]);
      assert.deepEqual(await page.evaluate(auditShadowRoot), []);
      await page.goBack();
      await waitForBlog(page, '.post-tags');
    }
    await assertNothingRan(opened);
    assert.deepEqual(errors, []);
  } finally {
    await opened.close();
  }
});

async function renderAndClickEveryLink(pagePath) {
  const postHash = '#/posts/payloads';
  const opened = await openTrapped(postHash, pagePath);
  const { page, errors } = opened;
  const postUrl = env.server.url(pagePath + postHash);
  const rendered = async () => {
    await waitForBlog(page, '.post-content', { hasText: `After payload ${PAYLOADS.length}.` });
    // Code and math are enhanced after the first paint; wait for both.
    await eventually(() => page.evaluate(() => {
      const root = document.querySelector('wasm-blog').shadowRoot;
      return !!root.querySelector('code.hljs') && !!root.querySelector('.math .katex');
    }), { timeout: 5000 });
  };
  try {
    await rendered();
    const content = page.locator('wasm-blog .post-content');
    const text = (await content.innerText()).replace(/\s+/g, ' ');
    PAYLOADS.forEach(([name], i) => {
      const n = String(i + 1).padStart(2, '0');
      assert.ok(text.includes(`Payload ${n}: ${name}`), `the heading of payload ${n} is shown`);
      assert.ok(text.includes(`After payload ${n}.`), `the text after payload ${n} (${name}) is shown`);
    });
    // Markdown around inline payloads still renders; the raw tags are left
    // out (as cmark does, the text between them stays, as text).
    for (const s of [`Inline ${P} script.`, 'Inline image.', 'Styled raw span text.', 'Inline raw inline link anchor.',
      'plain javascript link', 'decimal entity', 'reference link', `Quoted ${P} text`]) {
      assert.ok(text.includes(s), `"${s}" is shown`);
    }
    const omitted = await page.evaluate(() => {
      const root = document.querySelector('wasm-blog').shadowRoot.querySelector('.post-content');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
      let n = 0;
      while (walker.nextNode()) if (walker.currentNode.data.trim() === 'raw HTML omitted') n++;
      return n;
    });
    assert.ok(omitted >= 30, `raw HTML is marked as omitted (${omitted} times)`);
    assert.equal(await page.locator('wasm-blog .post-content span[style]:not(.katex span, .katex-error)').count(), 0,
      'no span[style] from the post (KaTeX\'s own spans aside)');
    for (const sel of ['script', 'iframe', 'object', 'embed', 'svg', 'form', 'style', 'meta', 'base', 'template', 'img[onerror]']) {
      assert.equal(await page.locator(`wasm-blog .post-content ${sel}`).count(), 0, `no ${sel} in the post`);
    }
    // The code block with HTML in it is highlighted as text.
    const fence = page.locator('wasm-blog .post-content code.language-html').first();
    assert.ok((await fence.textContent()).includes(SCRIPT), 'the HTML in the code fence is shown as code');
    assert.deepEqual(await page.evaluate(auditShadowRoot), []);

    // Every image and link gets the events a pointer sends (in one call);
    // a sample of them, spread over the post, the real pointer too. Then
    // links are clicked, sampled the same way (below).
    const pointed = page.locator('wasm-blog .post-content img, wasm-blog .post-content a');
    await pointed.evaluateAll((els) => {
      for (const el of els) {
        for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove']) {
          el.dispatchEvent(new MouseEvent(type, { bubbles: !type.endsWith('enter'), composed: true }));
        }
      }
    });
    for (const i of clickSample(await pointed.count())) {
      const el = pointed.nth(i);
      if (await el.isVisible()) await el.hover({ timeout: 1000 }).catch(() => el.dispatchEvent('mouseover'));
    }
    const links = page.locator('wasm-blog .post-content a');
    const count = await links.count();
    assert.ok(count >= 40, `the post has links to click (${count})`);
    // Every link's href and attributes were audited above; clicking is
    // sampled: CLICK_SAMPLE links spread over the post, every one with
    // BLOG_CLICK_ALL=1. The whole corpus is rendered and audited natively
    // (markdown_test, the fuzz targets' replays), with and without sanitizing.
    const picked = clickSample(count);
    let clicked = 0;
    for (const i of picked) {
      const link = links.nth(i);
      const href = await link.getAttribute('href');
      // A link to another document (not a "#" route or anchor, not neutralised)
      // navigates: wait for it, so that the next link is looked for on this post.
      const leaves = href !== null && !href.startsWith('#') && new URL(href, postUrl).href.split('#')[0] !== postUrl.split('#')[0];
      const left = leaves ? page.waitForURL((u) => u.href.split('#')[0] !== postUrl.split('#')[0], { timeout: 5000 }) : null;
      if (await link.isVisible()) {
        await link.click({ timeout: 2000, noWaitAfter: true }).catch(() => link.evaluate((a) => a.click(), null, { timeout: 2000 }));
      } else {
        await link.evaluate((a) => a.click(), null, { timeout: 2000 });
      }
      clicked++;
      if (left) await left.then(() => page.waitForLoadState('load'), () => {});
      await page.waitForTimeout(60);  // on purpose: time for a script that must not run
      assert.deepEqual(opened.pwned, [], `nothing ran after clicking link ${i} (${href})`);
      if (page.url() !== postUrl) {
        await page.goto(postUrl);
        await rendered();
      }
    }
    assert.equal(clicked, picked.length);
    await assertNothingRan(opened);
    assert.deepEqual(errors, []);
  } finally {
    await opened.close();
  }
}

// Which of `count` links are clicked: all with BLOG_CLICK_ALL=1, else
// CLICK_SAMPLE of them at even steps, the first and the last included.
const CLICK_SAMPLE = 12;
function clickSample(count) {
  const all = [...Array(count).keys()];
  if (process.env.BLOG_CLICK_ALL === '1' || count <= CLICK_SAMPLE) return all;
  return [...new Set(all.filter((i) => i % Math.ceil(count / (CLICK_SAMPLE - 1)) === 0).concat(count - 1))];
}

test(`safety: ${PAYLOADS.length} hostile Markdown payloads render as text, and clicking links runs nothing`, () =>
  renderAndClickEveryLink(PAGE));

test('safety: with the index beside the page, no relative link resolves to a script URL (links clicked)', () =>
  renderAndClickEveryLink(BESIDE_PAGE));

test('safety: every link to a "…/javascript:" path stays on this site', async () => {
  const opened = await openTrapped('#/posts/payloads', BESIDE_PAGE);
  try {
    await waitForBlog(opened.page, '.post-content', { hasText: `After payload ${PAYLOADS.length}.` });
    const hrefs = await opened.page.evaluate(() => [...document.querySelector('wasm-blog').shadowRoot
      .querySelectorAll('.post-content a[href]')].map((a) => a.href));
    const dotted = hrefs.filter((h) => /javascript:/i.test(h));
    assert.ok(dotted.length >= 15, `the relative "javascript:" links are links to paths (${dotted.length})`);
    for (const h of dotted) assert.equal(new URL(h).origin, env.server.origin, h);
  } finally {
    await opened.close();
  }
});
