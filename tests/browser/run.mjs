// Runs the browser test files (all of tests/browser/, or the files named) with
// one Chromium for all of them: `make test-browser` calls it. Launching
// Chromium and closing it again cost each file about two CPU-seconds, as
// much as several of its tests; each file still gets its own server, and
// each test its own browser context (harness.mjs).
//   node tests/browser/run.mjs [--concurrency N] [file.test.mjs ...]
// A file run alone (`node --test tests/browser/x.test.mjs`) launches its own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowserServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let concurrency = 1;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--concurrency') concurrency = Number(args[++i]);
  else files.push(args[i]);
}
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error('run.mjs: --concurrency takes a whole number of files at a time, 1 or more');
  process.exit(2);
}

// Every file of the folder, the biggest first: a file's size is a fair guess
// at how long it runs, and the long ones started last would finish alone.
if (!files.length) {
  files.push(...fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join(here, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size));
}

const server = await launchBrowserServer();
const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...files],
  { stdio: 'inherit', env: { ...process.env, BLOG_BROWSER_WS: server.wsEndpoint() } });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code, signal) => {
  await server.close();
  process.exit(code ?? (signal ? 1 : 0));
});
