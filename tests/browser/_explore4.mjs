import { startServer, launchBrowser } from './harness.mjs';
const s = await startServer(); const b = await launchBrowser();
const p = await b.newPage({viewport:{width:375,height:700}});
await p.goto(s.url('/#/posts/markdown-features#images'));
await p.locator('wasm-blog .post-content').waitFor();
await p.waitForTimeout(1500);
console.log(await p.evaluate(() => { const r=document.querySelector('wasm-blog').shadowRoot; return [...r.querySelectorAll('pre > code')].map(c => c.className + ' :: ' + [...new Set([...c.querySelectorAll('span')].map(s=>s.className))].join(',')).join('\n'); }));
console.log(await p.evaluate(() => { const r=document.querySelector('wasm-blog').shadowRoot; const h=r.getElementById('images'); return [h.getBoundingClientRect().top, innerHeight, scrollY, document.documentElement.scrollWidth, r.querySelector('table').getBoundingClientRect().width, r.querySelector('.post-content').clientWidth, r.querySelector('table').scrollWidth, r.querySelector('table').clientWidth]; }));
await b.close(); await s.close();
