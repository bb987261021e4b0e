// Waits shared by the browser benchmarks (first-visit.mjs, scale.mjs).

// Polls fn every 5 ms until it returns a truthy value, which is returned;
// null once `timeout` ms have passed.
export async function until(fn, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 5));
  }
}

// Waits until the server (bench/lib/server.mjs) has no request in flight and
// none has come for quietMs: the page's transfers are over. Gives up after maxMs.
export async function quiet(server, quietMs = 300, maxMs = 5000) {
  const end = Date.now() + maxMs;
  let seen = server.log.length;
  let since = Date.now();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    if (server.log.length !== seen || server.inFlight() > 0) {
      seen = server.log.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}
