// In-page timing for the first-visit benchmark, as a Playwright init script
// (it runs at the start of every document of the context, before the page's
// own scripts). It reports, through the binding __benchMark(name, value):
//   origin  performance.timeOrigin of the first document (navigation start)
//   title   when a text (the first post's title) is visible
//   click   when the reader clicked (capture listener on window)
//   body    when a text of the post's body is visible, after the click
// Times are absolute (timeOrigin + now, ms), so that they compare across a
// navigation to another document (a static site's post page).
//
// "Visible": a text node holding the text, in the document or in any shadow
// root (open ones found by scanning, every one caught at attachShadow), whose
// element has a box and is not hidden (checkVisibility with opacity and
// visibility). Checked on every DOM mutation (MutationObserver on the
// document and each shadow root) and on every animation frame (a stylesheet
// can reveal text without a mutation). The time reported is the start of the
// first animation frame after the text was found (`frame`): the frame that
// paints it; `dom` is when it was found.
export function visibilityProbe({ title, body }) {
  const abs = () => performance.timeOrigin + performance.now();
  const mark = (name, value) => { try { window.__benchMark(name, value); } catch { /* binding not there */ } };
  const store = window.sessionStorage;
  if (!store.getItem('bench-origin')) {
    store.setItem('bench-origin', String(performance.timeOrigin));
    mark('origin', performance.timeOrigin);
  }
  const afterClick = store.getItem('bench-clicked') === '1';
  const pending = afterClick ? [{ name: 'body', text: body }] : [{ name: 'title', text: title }];
  const roots = [document];
  const known = new WeakSet();
  const observer = new MutationObserver(() => check());
  const observe = (root) => {
    if (known.has(root)) return;
    known.add(root);
    if (root !== document) roots.push(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
  const isVisible = (el) => {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Open shadow roots made by the parser (declarative) or before this script.
  const discover = () => {
    for (const root of [...roots]) {
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) observe(el.shadowRoot);
    }
  };
  const find = (text) => {
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.data.includes(text) && isVisible(n.parentElement)) return n.parentElement;
      }
    }
    return null;
  };
  function check() {
    if (!pending.length) return;
    discover();
    for (let i = pending.length - 1; i >= 0; i--) {
      const t = pending[i];
      if (!find(t.text)) continue;
      pending.splice(i, 1);
      const found = { dom: abs() };
      requestAnimationFrame(() => {
        found.frame = abs();
        mark(t.name, found);
      });
    }
  }
  const tick = () => {
    check();
    if (pending.length) requestAnimationFrame(tick);
  };
  observe(document);
  requestAnimationFrame(tick);
  addEventListener('click', () => {
    if (store.getItem('bench-clicked') === '1') return;
    store.setItem('bench-clicked', '1');
    mark('click', { dom: abs() });
    pending.length = 0;
    pending.push({ name: 'body', text: body });
    check();
    requestAnimationFrame(tick);
  }, true);
  // Where the benchmark clicks: the centre of the element showing `text`.
  window.__benchFind = (text) => {
    discover();
    const el = find(text);
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, tag: el.tagName.toLowerCase() };
  };
}
