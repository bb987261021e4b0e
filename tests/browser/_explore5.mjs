import { startServer, launchBrowser } from './harness.mjs';
const s = await startServer(); const b = await launchBrowser();
for (const u of ['/', '/#/posts/markdown-features', '/fixtures/embed/page.html', '/fixtures/two/index.html']) {
  const ctx = await b.newContext(); const p = await ctx.newPage();
  const reqs = []; p.on('request', r => reqs.push(r.url().replace(s.origin, '')));
  p.on('console', m => console.log('  console', m.type(), m.text()));
  await p.goto(s.url(u)); await p.waitForTimeout(3500);
  console.log(u, reqs.join(' '));
  await ctx.close();
}
await b.close(); await s.close();
