// Finding one's way around (issue 8): the header's menu, the tags page, the
// archive (by year and month) and search as you type, all decided by the
// core; the widget only hands it what the reader types, keeps the box
// focused and the URL in step without a history entry per keystroke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, eventually, hashOf, openPage, useBrowser, waitForBlog } from './harness.mjs';

// The sample blog as dist/ serves it (the tool's index of posts/).
const sample = JSON.parse(fs.readFileSync(path.join(DIST, 'posts/index.json'), 'utf8'));
const listed = sample.posts.filter((p) => !p.hidden && !p.draft);

const page = (src, extra = '') => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
  + '<link rel="icon" href="data:,"><script type="module" src="/wasm-blog.js"></script></head>'
  + `<body><wasm-blog src="${src}"${extra}></wasm-blog></body></html>`;

// A blog in French with a post titled "Déjà-vu", a hostile title, and its own menu.
const generated = {
  title: 'Notes',
  language: 'fr',
  menu: [
    { name: 'Accueil', url: '#/' },
    { name: 'Recherche', url: '#/search' },
    { name: 'Script', url: 'javascript:alert(1)' },
  ],
  posts: [
    { slug: 'deja-vu', title: 'Déjà-vu', date: '2023-03-02T10:00:00+01:00', summary: 'Le sentiment d’avoir déjà vécu.', tags: ['mémoire'],
      categories: ['Essais'] },
    { slug: 'hostile', title: '<img src=x onerror=alert(1)> Déjà <script>alert(2)</script>', date: '2023-02-01', summary: 's' },
    { slug: 'autre', title: 'Autre chose', date: '2022-12-31', summary: 'Rien à voir, sauf en résumé: deja.', categories: ['Essais', 'Divers'] },
  ],
};

const env = useBrowser({ setup(server) {
  server.write('nav/index.json', JSON.stringify(generated));
  server.write('nav/index.html', page('index.json'));
  // The same blog on a built site's paths: every screen is a real path under
  // the root; the host answers each with the page (no prerendered screen).
  server.write('pathnav/posts/index.json', JSON.stringify(generated));
  for (const dir of ['', 'search/', 'archive/']) {
    server.write(`pathnav/${dir}index.html`, page('/generated/pathnav/posts/index.json', ' routing="path" root="/generated/pathnav/"'));
  }
} });

const texts = (p, selector) => p.locator(`wasm-blog ${selector}`).allInnerTexts();
const searchBox = (p) => p.locator('wasm-blog input[data-action="search"]');
// What has the focus inside the widget ("input#searchInput"), and the box's value and caret.
const focusState = (p) => p.evaluate(() => {
  const el = document.querySelector('wasm-blog').shadowRoot.activeElement;
  return el ? { what: `${el.tagName.toLowerCase()}#${el.id}`, value: el.value, start: el.selectionStart, end: el.selectionEnd } : null;
});
const resultTitles = (p) => texts(p, '#searchResults .entry-header h2');

test('navigation pages: the header has PaperMod\'s menu (Archive, Search, Tags) and its links work', async () => {
  const { page: p, errors, close } = await openPage(env, '/');
  try {
    await waitForBlog(p, '.post-entry');
    assert.deepEqual(await texts(p, '#menu li a span'), ['Archive', 'Search', 'Tags']);
    assert.deepEqual(await p.locator('wasm-blog #menu a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['#/archive', '#/search', '#/tags']);
    assert.equal(await p.locator('wasm-blog #menu .active').count(), 0, 'the home list is none of them');
    for (const [name, hash, shows] of [['Archive', '#/archive', '.archive-year'], ['Search', '#/search', '#searchbox'],
      ['Tags', '#/tags', '.terms-tags']]) {
      await p.locator('wasm-blog #menu a', { hasText: name }).click();
      await waitForBlog(p, shows);
      assert.equal(hashOf(p), hash);
      assert.deepEqual(await texts(p, '#menu .active'), [name], `${name} is the current entry`);
      assert.equal(await p.title(), `${name} | ${sample.title}`);
    }
    await p.locator('wasm-blog .logo a').click();
    await waitForBlog(p, '.post-entry');
    assert.equal(await p.locator('wasm-blog #menu .active').count(), 0);
    assert.equal(await p.locator('wasm-blog .wasm-blog').getAttribute('lang'), 'en');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: #/tags shows every tag with its count, and a click opens the tag', async () => {
  const counts = new Map();
  for (const post of listed) for (const tag of new Set(post.tags || [])) counts.set(tag, (counts.get(tag) || 0) + 1);
  const want = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([tag, n]) => `${tag} ${n}`);
  const { page: p, errors, close } = await openPage(env, '/#/tags');
  try {
    await waitForBlog(p, '.terms-tags');
    assert.deepEqual((await texts(p, '.terms-tags li')).map((t) => t.replace(/\s+/g, ' ').trim()), want);
    await p.locator('wasm-blog .terms-tags a', { hasText: 'kubernetes' }).click();
    await waitForBlog(p, '.page-header h1', { hasText: 'kubernetes' });
    assert.equal(hashOf(p), '#/tags/kubernetes');
    const titles = listed.filter((post) => (post.tags || []).includes('kubernetes')).map((post) => post.title);
    await eventually(async () => JSON.stringify(await texts(p, '.post-entry h2')) === JSON.stringify(titles),
      { what: `the kubernetes list to show ${titles.join(', ')}` });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: #/categories lists every category with its count, a click opens its posts, the element says the kind', async () => {
  const { page: p, errors, close } = await openPage(env, '/generated/nav/index.html#/categories');
  try {
    await waitForBlog(p, '.terms-tags');
    assert.equal(await p.locator('wasm-blog .page-header h1').innerText(), 'Categories');
    assert.deepEqual((await texts(p, '.terms-tags li')).map((t) => t.replace(/\s+/g, ' ').trim()), ['Divers 1', 'Essais 2']);
    assert.equal(await p.evaluate(() => document.querySelector('wasm-blog').dataset.kind), 'categories');
    await p.locator('wasm-blog .terms-tags a', { hasText: 'Essais' }).click();
    await waitForBlog(p, '.page-header h1', { hasText: 'Essais' });
    assert.equal(hashOf(p), '#/categories/essais');  // Hugo's key for the term (urlize), its name in the heading
    assert.deepEqual(await texts(p, '.post-entry h2'), ['Déjà-vu', 'Autre chose']);
    assert.equal(await p.evaluate(() => document.querySelector('wasm-blog').dataset.kind), 'category');
    await p.goBack();
    await waitForBlog(p, '.terms-tags');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: #/archive groups the sample posts by year and month, newest first, with counts', async () => {
  const { page: p, errors, close } = await openPage(env, '/#/archive');
  try {
    await waitForBlog(p, '.archive-year');
    const years = await p.locator('wasm-blog .archive-year').evaluateAll((ys) => ys.map((y) => ({
      year: y.querySelector('.archive-year-header').firstChild.textContent,
      count: y.querySelector('.archive-year-header .archive-count').textContent.trim(),
      months: [...y.querySelectorAll('.archive-month')].map((m) => ({
        month: m.querySelector('.archive-month-header').firstChild.textContent,
        count: m.querySelector('.archive-count').textContent.trim(),
        titles: [...m.querySelectorAll('.archive-entry-title')].map((t) => t.textContent),
      })),
      undated: [...y.querySelectorAll(':scope > .archive-posts .archive-entry-title')].map((t) => t.textContent),
    })));
    const dated = listed.filter((post) => post.date);
    const undated = listed.filter((post) => !post.date);
    // The sample blog: nine posts of July 2022, one without a date.
    assert.equal(dated.length, 9);
    assert.deepEqual(years, [
      { year: '2022', count: '9', months: [{ month: 'July', count: '9', titles: dated.map((post) => post.title) }], undated: [] },
      { year: 'Undated', count: String(undated.length), months: [], undated: undated.map((post) => post.title) },
    ]);
    const meta = await p.locator('wasm-blog .archive-entry .archive-meta').first().innerText();
    assert.match(meta.replace(/\u00a0/g, ' '), /^July 24, 2022 · Jose Villalta$/);
    await p.locator('wasm-blog .archive-entry-title a', { hasText: 'Borg' }).click();
    await waitForBlog(p, '.post-content');
    assert.equal(hashOf(p), '#/posts/paper-day-7-borg');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: search as you type: results follow each letter, the box keeps focus and caret, no history entry', async () => {
  const { page: p, errors, close } = await openPage(env, '/#/search');
  try {
    await waitForBlog(p, '#searchbox');
    assert.equal(await p.locator('wasm-blog #searchResults li').count(), 0, 'an empty query shows only the box');
    await searchBox(p).click();
    const historyBefore = await p.evaluate(() => history.length);
    const counts = [];
    let typed = '';
    for (const letter of 'borg') {
      await p.keyboard.type(letter);
      typed += letter;
      const state = await focusState(p);
      assert.deepEqual(state, { what: 'input#searchInput', value: typed, start: typed.length, end: typed.length },
        `after "${typed}" the box keeps the focus and the caret`);
      await eventually(() => hashOf(p) === `#/search?q=${typed}`, { what: `the URL to hold "${typed}"` });
      if (typed.length < 2) continue;  // a word is a prefix from its second letter on
      // The full-text results, once its files are in: words starting with what is typed, marked.
      await eventually(() => p.evaluate(() => !document.querySelector('wasm-blog').shadowRoot.querySelector('#searchResults[aria-busy]')),
        { what: `the results for "${typed}"` });
      const marks = await texts(p, '#searchResults mark');
      assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase().startsWith(typed)), `marks for "${typed}": ${marks}`);
      counts.push(await p.locator('wasm-blog #searchResults > li').count());
    }
    assert.ok(counts[0] >= counts[2], `no more posts match "borg" than "bo": ${counts}`);
    const titles = await resultTitles(p);
    assert.match(titles[0], /Borg/, 'a title match ranks first');
    // Every listed post whose title, tags or text says "borg", and no other.
    const saysBorg = listed.filter((post) => /\bborg/i.test(`${post.title} ${(post.tags || []).join(' ')} `
      + fs.readFileSync(path.join(DIST, 'posts', post.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '')));
    assert.deepEqual([...titles].sort(), saysBorg.map((post) => post.title).sort());
    assert.equal(await p.evaluate(() => history.length), historyBefore, 'typing adds no history entry');

    // Typing in the middle keeps the caret there; two letters more than any
    // word has are more than the one typo forgiven.
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.type('xx');
    assert.deepEqual(await focusState(p), { what: 'input#searchInput', value: 'boxxrg', start: 4, end: 4 });
    await eventually(() => p.locator('wasm-blog .search-empty').count(), { what: 'no results for "boxxrg"' });
    assert.equal(await p.locator('wasm-blog .search-empty').innerText(), 'No posts match \u201cboxxrg\u201d.');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Backspace');
    await eventually(() => p.locator('wasm-blog #searchResults > li').count(), { what: 'the results for "borg" again' });

    // Enter opens the first result; Back returns to the search as it was.
    await p.keyboard.press('Enter');
    await waitForBlog(p, '.post-content');
    assert.equal(hashOf(p), '#/posts/paper-day-7-borg');
    await p.goBack();
    await waitForBlog(p, '#searchResults li');
    assert.equal(hashOf(p), '#/search?q=borg');
    assert.equal(await searchBox(p).inputValue(), 'borg');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: words typed fast reach the URL (at most one replace per 300 ms), and the entry a result is opened from', async () => {
  const { page: p, errors, close } = await openPage(env, '/#/search');
  try {
    await waitForBlog(p, '#searchbox');
    await searchBox(p).click();
    const historyBefore = await p.evaluate(() => history.length);
    await p.evaluate(() => {
      window.__replaces = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args) => { window.__replaces += 1; return replace(...args); };
    });
    await p.keyboard.type('kubernetes containers');
    await eventually(() => hashOf(p) === '#/search?q=kubernetes%20containers', { what: 'the last words in the URL' });
    const replaces = await p.evaluate(() => window.__replaces);
    assert.ok(replaces >= 1 && replaces < 'kubernetes containers'.length, `${replaces} URL replaces for 21 keystrokes`);
    await p.keyboard.type(' design');
    await p.keyboard.press('Enter');  // at once: the words not yet written go into the entry first
    await waitForBlog(p, '.post-content');
    assert.equal(hashOf(p), '#/posts/paper-day-3-container-design-patterns');
    await p.goBack();
    await waitForBlog(p, '#searchResults li');
    assert.equal(hashOf(p), '#/search?q=kubernetes%20containers%20design');
    assert.equal(await searchBox(p).inputValue(), 'kubernetes containers design');
    assert.equal(await p.evaluate(() => history.length), historyBefore + 1, 'one entry for the post, none for the typing');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: a search that finds nothing says so, and clearing the box shows only the box', async () => {
  const { page: p, errors, close } = await openPage(env, '/#/search?q=borg');
  try {
    await waitForBlog(p, '#searchResults li');
    await searchBox(p).fill('zzzz');
    await waitForBlog(p, '.search-empty');
    assert.equal(await p.locator('wasm-blog .search-empty').innerText(), 'No posts match \u201czzzz\u201d.');
    assert.equal(await p.locator('wasm-blog #searchResults li').count(), 0);
    await eventually(() => hashOf(p) === '#/search?q=zzzz', { what: 'the URL to hold "zzzz"' });
    await searchBox(p).fill('');
    await eventually(async () => hashOf(p) === '#/search', { what: 'the URL to lose the query' });
    assert.equal(await p.locator('wasm-blog .search-empty').count(), 0);
    assert.equal(await p.locator('wasm-blog #searchResults li').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: "/" focuses the search box, or opens the search screen from any other', async () => {
  const { page: p, errors, close } = await openPage(env, '/');
  try {
    await waitForBlog(p, '.post-entry');
    const before = await p.evaluate(() => history.length);
    await p.keyboard.press('/');
    await waitForBlog(p, '#searchbox');
    assert.equal(hashOf(p), '#/search');
    await eventually(async () => (await focusState(p))?.what === 'input#searchInput', { what: 'the box to have the focus' });
    assert.equal(await searchBox(p).inputValue(), '', 'the "/" is not typed into the box');
    assert.equal(await p.evaluate(() => history.length), before + 1, 'opening the search screen is a step Back undoes');
    await p.keyboard.type('omega');
    await waitForBlog(p, '#searchResults mark', { hasText: 'Omega' });

    // On the search screen, "/" from elsewhere in the page comes back to the box.
    await p.evaluate(() => document.querySelector('wasm-blog').shadowRoot.activeElement.blur());
    assert.equal(await focusState(p), null);
    await p.keyboard.press('/');
    await eventually(async () => (await focusState(p))?.value === 'omega', { what: 'the box to have the focus again' });
    await p.goBack();
    await waitForBlog(p, '.post-entry');
    assert.ok(['', '#/'].includes(hashOf(p)));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: "deja" finds "Déjà-vu"; marks are in the original text, escaped; lang and menu from the index', async () => {
  const { page: p, errors, dialogs, close } = await openPage(env, '/generated/nav/index.html#/search');
  try {
    await waitForBlog(p, '#searchbox');
    assert.equal(await p.locator('wasm-blog .wasm-blog').getAttribute('lang'), 'fr');
    assert.deepEqual(await texts(p, '#menu li'), ['Accueil', 'Recherche'], 'the script URL is left out');
    assert.deepEqual(await texts(p, '#menu .active'), ['Recherche']);
    await searchBox(p).click();
    await p.keyboard.type('deja');
    await waitForBlog(p, '#searchResults li');
    assert.deepEqual(await resultTitles(p), [
      'Déjà-vu',
      '<img src=x onerror=alert(1)> Déjà <script>alert(2)</script>',
      'Autre chose',  // in its summary only: last
    ]);
    assert.deepEqual(await texts(p, '#searchResults li:first-child h2 mark'), ['Déjà']);
    assert.equal(await p.locator('wasm-blog #searchResults img, wasm-blog #searchResults script').count(), 0);
    await eventually(() => hashOf(p) === '#/search?q=deja', { what: 'the URL to hold "deja"' });
    await p.keyboard.type(' vu');
    await eventually(async () => (await resultTitles(p)).length === 1, { what: 'only Déjà-vu to hold both words' });
    assert.deepEqual(await texts(p, '#searchResults li:first-child h2 mark'), ['Déjà', 'vu']);
    await eventually(() => hashOf(p) === '#/search?q=deja%20vu', { what: 'the URL to hold "deja vu"' });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation pages: on a built site\'s paths, the words are the URL\'s query and typing replaces it', async () => {
  const { page: p, errors, close } = await openPage(env, '/generated/pathnav/search/?q=d%C3%A9j%C3%A0');
  try {
    await waitForBlog(p, '#searchResults li');
    assert.equal(await searchBox(p).inputValue(), 'déjà');
    assert.equal(await p.locator('wasm-blog #menu a', { hasText: 'Recherche' }).getAttribute('href'), '/generated/pathnav/search/');
    const before = await p.evaluate(() => history.length);
    await searchBox(p).click();
    await p.keyboard.press('End');
    await p.keyboard.type(' vu');
    await eventually(async () => (await resultTitles(p)).length === 1, { what: 'one result for "déjà vu"' });
    const where = () => new URL(p.url()).pathname + new URL(p.url()).search;
    await eventually(() => where() === '/generated/pathnav/search/?q=d%C3%A9j%C3%A0%20vu', { what: 'the path\'s query to hold "déjà vu"' });
    assert.equal(await p.evaluate(() => history.length), before);
    await p.reload();
    await waitForBlog(p, '#searchResults li');
    assert.equal(await searchBox(p).inputValue(), 'déjà vu', 'a reload shows the same search');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
