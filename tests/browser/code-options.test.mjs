// Hugo's fence options on a post: ```go {hl_lines=[2,"4-5"], linenos=true,
// linenostart=10}. After highlight.js has run, the highlighted lines are
// still lit, each line shows its number, and copying the block gives the
// code without the numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser, waitForRendered } from './harness.mjs';

const CODE = [
  'package main',
  '',
  'import "fmt"',
  '',
  '// a comment',
  'func main() {',
  '    fmt.Println("hi <b>")',
  '}',
].join('\n') + '\n';

const MARKDOWN = 'A post with Hugo\'s fence options.\n\n' +
  '```go {hl_lines=[3,"5-6"], linenos=true, linenostart=10, style=monokai}\n' + CODE + '```\n\n' +
  'And a plain block.\n\n```go\nfunc plain() {}\n```\n';

const env = useBrowser({ setup(server) {
  server.write('fence/index.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fence</title>' +
    '<link rel="icon" href="data:,"><script type="module" src="/wasm-blog.js"></script></head>' +
    '<body><wasm-blog src="index.json"></wasm-blog></body></html>');
  server.write('fence/index.json', JSON.stringify({ title: 'Fence options', showCodeCopyButtons: true, posts: [
    { slug: 'options', title: 'Options', date: '2022-07-23T21:42:07-07:00', summary: 's' },
  ] }));
  server.write('fence/options.md', MARKDOWN);
} });

const PAGE = '/generated/fence/index.html#/posts/options';

test('code options: highlighted lines stay lit and numbered after highlight.js, and copying gives the code alone', async () => {
  const { page, errors, close } = await openPage(env, PAGE);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url('/').replace(/\/$/, '') });
    await waitForRendered(page, 'post-content');  // highlighting is done by then
    const block = page.locator('wasm-blog .post-content pre').filter({ has: page.locator('code .line') }).first();
    const code = block.locator('code');
    assert.equal(await code.getAttribute('class'), 'language-go hljs', 'the language only, never the options');
    const lines = await code.locator(':scope > .line').evaluateAll((spans) => spans.map((s) => ({
      hl: s.classList.contains('hl'),
      number: getComputedStyle(s, '::before').content,
      keywords: s.querySelectorAll('.hljs-keyword').length,
      background: getComputedStyle(s).backgroundColor,
      text: s.textContent,
    })));
    assert.equal(lines.length, 8, 'one span per line of the code');
    assert.deepEqual(lines.map((l) => l.hl), [false, false, true, false, true, true, false, false], 'lines 3, 5 and 6 highlighted');
    assert.deepEqual(lines.map((l) => l.number), ['"10"', '"11"', '"12"', '"13"', '"14"', '"15"', '"16"', '"17"'],
      'numbered from linenostart');
    assert.ok(lines[0].keywords > 0 && lines[5].keywords > 0, 'highlight.js marked the keywords inside the line spans');
    assert.notEqual(lines[2].background, lines[3].background, 'a highlighted line has its own background');
    assert.equal(lines.map((l) => l.text).join(''), CODE, 'the lines hold the code, line for line');
    assert.equal(await code.evaluate((el) => el.textContent), CODE, 'no number in the code\'s text');

    // The copy button puts exactly the code on the clipboard.
    const button = block.locator('button.copy-code');
    await block.hover();
    await button.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CODE);

    // A block without options renders and highlights as before: no line spans.
    const plain = page.locator('wasm-blog .post-content pre code').filter({ hasText: 'func plain' });
    assert.equal(await plain.locator('.line').count(), 0);
    assert.ok(await plain.locator('.hljs-keyword').count() > 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
