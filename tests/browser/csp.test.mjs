// The standalone page under a strict Content-Security-Policy and under
// Trusted Types: the list, a post with code (highlight.js) and math (KaTeX)
// render completely with zero violations. The server sends the header sets of
// harness.mjs's CSP table under /csp/<name>/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, eventually, openPage, renderedCount, useBrowser, waitForRendered } from './harness.mjs';

const env = useBrowser();

// What the page itself says about the policy it runs under: writing a string
// to innerHTML (blocked by Trusted Types), an inline <style> (blocked by
// style-src 'self'). Each blocked probe is one violation.
const probe = (page) => page.evaluate(async () => {
  const result = {};
  try { document.createElement('div').innerHTML = '<b>x</b>'; result.innerHTML = 'allowed'; } catch { result.innerHTML = 'blocked'; }
  const style = document.createElement('style');
  style.textContent = 'body { --csp-probe: applied; }';
  document.head.append(style);
  await new Promise((r) => requestAnimationFrame(r));
  result.inlineStyle = getComputedStyle(document.body).getPropertyValue('--csp-probe').trim() === 'applied' ? 'allowed' : 'blocked';
  style.remove();
  return result;
});

for (const name of ['tt', 'strict', 'both']) {
  const header = CSP[name]['Content-Security-Policy'];
  const tt = header.includes('require-trusted-types-for');
  const strict = header.includes('default-src');

  test(`csp (${name}): the list renders with zero violations under "${header}"`, async () => {
    const { page, errors, consoleErrors, cspViolations, close } = await openPage(env, `/csp/${name}/`);
    try {
      await waitForRendered(page, 'post-entry');
      assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
      assert.equal(await page.locator('wasm-blog .logo a').innerText(), 'Jose Villalta');
      assert.deepEqual(await cspViolations(), []);
      assert.deepEqual(errors, []);
      assert.deepEqual(consoleErrors, []);
      // The policy is really in force (and a violation would be noticed).
      const seen = await probe(page);
      assert.deepEqual(seen, { innerHTML: tt ? 'blocked' : 'allowed', inlineStyle: strict ? 'blocked' : 'allowed' });
      await eventually(async () => (await cspViolations()).length === (tt ? 1 : 0) + (strict ? 1 : 0),
        { what: 'the probe\'s own violations to be reported' });
    } finally {
      await close();
    }
  });

  test(`csp (${name}): a post with code and math renders, highlighted and typeset, with zero violations`, async () => {
    const { page, errors, consoleErrors, cspViolations, close } = await openPage(env, `/csp/${name}/#/posts/markdown-features`);
    try {
      await waitForRendered(page, 'post-content');
      const content = page.locator('wasm-blog .post-content');
      assert.ok((await content.locator('code.language-go.hljs span.hljs-keyword').count()) > 0, 'Go code is highlighted');
      assert.ok((await content.locator('code.language-python.hljs span.hljs-string').count()) > 0, 'Python code is highlighted');
      assert.equal(await content.locator('.math.inline .katex').count(), 2, 'inline math is typeset');
      assert.equal(await content.locator('.math.display .katex').count(), 1, 'display math is typeset');
      assert.equal(await content.locator('.katex-error').count(), 0);
      // KaTeX's layout depends on its stylesheet and inline styles set through the DOM.
      const fracHeight = await content.locator('.math.display .katex-html').evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(fracHeight > 20, `display math is laid out (${fracHeight}px tall)`);
      const img = content.locator('img[alt="Architecture diagram"]');
      await img.scrollIntoViewIfNeeded();
      await eventually(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), { what: 'the diagram to load' });
      // Another post: later screens too.
      const before = await renderedCount(page);
      await page.evaluate(() => { location.hash = '#/posts/lets-go'; });
      await waitForRendered(page, 'post-content', { after: before });
      assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Lets Go');
      assert.ok((await page.locator('wasm-blog .post-content code.hljs').count()) > 0, 'its code is highlighted');
      assert.deepEqual(await cspViolations(), []);
      assert.deepEqual(errors, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await close();
    }
  });
}

test('csp (ttother): a page that enforces Trusted Types without allowing "wasm-blog" gets a message, not a blank widget', async () => {
  const { page, close } = await openPage(env, '/csp/ttother/');
  try {
    await waitForRendered(page, 'notice-error');
    assert.equal(await page.locator('wasm-blog .notice-error p').innerText(),
      'The blog cannot show its pages: this page\'s Content-Security-Policy does not allow the Trusted Types policy '
      + '"wasm-blog" (add it to the trusted-types directive).');
  } finally {
    await close();
  }
});
