import { startServer, launchBrowser } from './harness.mjs';
const s = await startServer(); const b = await launchBrowser();
const p = await b.newPage();
// reuse safety content generator by importing text from file written by test is not possible; quick re-gen:
const mod = await import('/tmp/explore/payloads.mjs');
s.write('x/index.json', JSON.stringify({title:'x',posts:[{slug:'p',title:'p'}]}));
s.write('x/p.md', mod.md);
await p.goto(s.url('/fixtures/hostile/index.html'));
await p.evaluate((u)=>{document.querySelector('wasm-blog').remove(); const w=document.createElement('wasm-blog'); w.setAttribute('src',u); document.body.append(w); location.hash='#/posts/p';}, '/generated/x/index.json');
await p.locator('wasm-blog .post-content').waitFor();
await p.waitForTimeout(800);
console.log(await p.evaluate(() => [...document.querySelector('wasm-blog').shadowRoot.querySelectorAll('.post-content a, .post-content img')].map(e=>e.outerHTML.slice(0,160)).join('\n')));
await b.close(); await s.close();
