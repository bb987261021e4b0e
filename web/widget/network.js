// The widget's requests: fetch with a bound on the wait for a response and
// on a pause in the body, a size limit, past the HTTP cache after a failure,
// and the failure worded for the reader as the core words its own
// ("Could not load <url>: <this>"). Nothing here knows the engines' calls.

// The engine could not be fetched or started; the message is for the reader.
export class EngineError extends Error {}
export const reasonOf = (err) => (err && err.message ? err.message : String(err));
export const encoder = new TextEncoder();

// Words a fetch of `url` that failed without a response. The browser says
// only "Failed to fetch"; for another origin, a second request in no-cors
// mode tells a server that answers but does not let this page read it
// (CORS) from one that cannot be reached.
export async function networkFailure(url, err, signal) {
  const reason = reasonOf(err);
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return reason;
  }
  if (target.origin === location.origin || !(err instanceof TypeError) || (signal && signal.aborted)) return reason;
  const probe = new AbortController();
  const stop = () => probe.abort();
  if (signal) signal.addEventListener('abort', stop, { once: true });
  try {
    await fetch(target.href, { mode: 'no-cors', cache: 'no-store', signal: probe.signal });
    return `the server at ${target.origin} does not allow this page to read it `
      + `(no CORS header: its response has no Access-Control-Allow-Origin for ${location.origin})`;
  } catch {
    return `the server at ${target.origin} could not be reached (${reason})`;
  } finally {
    probe.abort();  // the status was all we needed, not the body
    if (signal) signal.removeEventListener('abort', stop);
  }
}
// Worded as the core words its own requests' timeouts ("15 s", "800 ms", "1500 ms").
const duration = (ms) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
const noResponse = (ms) => `no response from the server after ${duration(ms)}`;
// Sizes as the core words them in messages (core/util/size_text.hpp):
// "90 bytes", "812 KB", "4.0 MB".
function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${Math.floor((bytes + 512) / 1024)} KB`;
  const tenths = Math.floor((bytes * 10 + 524288) / 1048576);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}
// A response whose headers came but whose body stopped arriving for ms:
// what came of it, and of how much when the server said (declared, 0: not).
function bodyStalled(ms, received, declared) {
  const wait = `nothing more for ${duration(ms)}`;
  if (!received) return `the server answered but sent none of it (${wait.replace(' more', '')}).`;
  return `the server stopped sending it after ${sizeText(received)}${declared ? ` of ${sizeText(declared)}` : ''} (${wait}).`;
}

// Rejects with EngineError(`its engine (url) could not be loaded (no response …)`)
// when `promise` has not settled within ms.
export function within(promise, ms, url, onTimeout = () => {}) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new EngineError(`its engine (${url}) could not be loaded (${noResponse(ms)})`));
      onTimeout();  // after: the race is decided by the rejection above
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// URLs whose last request failed (no response, a stalled body, an error
// status, a network error): the next request (a "Try again") goes past the
// HTTP cache. A request still pending for the URL, such as a built page's
// <link rel="preload"> that no abort ends, holds the cache's lock on it, and
// a request through the cache would wait behind it instead of asking the
// server again.
const failedUrls = new Set();
export const cacheFor = (url) => (failedUrls.has(url) ? 'no-store' : 'default');
// Records how a request for url ended (ok: a 2xx response, read whole).
export function requestEnded(url, ok) {
  if (ok) failedUrls.delete(url);
  else failedUrls.add(url);
}

// The response's body as bytes, or null once it grows past maxBytes (0: no
// limit), when reading stops. A body that stops arriving for idleMs (0: no
// limit) is given up: onIdle(bytes received so far) is called and the read
// fails. A slow body that keeps arriving is never cut off.
async function readBody(response, maxBytes, idleMs, onIdle) {
  if ((!maxBytes && !idleMs) || !response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let idle = 0;
    const next = idleMs > 0
      ? Promise.race([reader.read(), new Promise((_, reject) => {
        // Reject before cancelling: a cancel ends the pending read as "done",
        // which would pass the half body off as the whole.
        idle = setTimeout(() => { onIdle(total); reject(new Error('stalled')); reader.cancel().catch(() => {}); }, idleMs);
      })])
      : reader.read();
    const { done, value } = await next.finally(() => clearTimeout(idle));
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { body.set(c, at); at += c.length; }
  return body;
}

// One widget's requests in flight, all aborted together (stop()); the
// index's may start early, before the engine asks for it (early()).
export class Requests {
  // AbortControllers of the requests in flight.
  _live = new Set();
  // The index's request started before the engine was there:
  // { _url, _request, _response }, taken by the engine's first request of url.
  _first = null;

  // Starts fetching url now, for the engine's request of it later.
  _early(url) {
    const request = new AbortController();
    this._live.add(request);
    const response = fetch(url, { signal: request.signal, cache: cacheFor(url) });
    response.catch(() => {});  // read (or aborted) when the core asks
    this._first = { _url: url, _request: request, _response: response };
  }

  _stop() {
    this._first = null;
    for (const request of this._live) request.abort();
    this._live.clear();
  }

  // Fetches url: a promise of its answer, never rejected:
  // { _status, _body } (_status 0: body is the network error's text, or says
  // that the body stopped arriving, as the core words it: "Could not load
  // <url>: <this>"), { _timedOut } (no response within timeoutMs), or
  // { _tooLarge, _declared } (over maxBytes, the body is not read into memory:
  // the download stops; _declared: the Content-Length, 0 if none).
  _get(url, timeoutMs, maxBytes) {
    const early = this._first && this._first._url === url ? this._first : null;
    if (early) {
      this._live.delete(early._request);
      this._first = null;
    }
    const request = early ? early._request : new AbortController();
    this._live.add(request);
    let timedOut = false;  // no response (headers) within timeoutMs
    let stalled = null;    // the body stopped arriving: { received, declared }
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; request.abort(); }, timeoutMs) : 0;
    const tooLarge = (declared) => {
      request.abort();
      return { _tooLarge: true, _declared: declared };
    };
    return (early ? early._response : fetch(url, { signal: request.signal, cache: cacheFor(url) }))
      .then(async (response) => {
        clearTimeout(timer);
        const declared = Number(response.headers.get('Content-Length')) || 0;
        if (maxBytes > 0 && declared > maxBytes) return tooLarge(declared);
        // The same timeout bounds a pause in the body: bytes that stop coming
        // are a dead connection, not a slow one. A compressed body's
        // Content-Length is not the size of what is read.
        const whole = response.headers.get('Content-Encoding') ? 0 : declared;
        const body = await readBody(response, maxBytes, timeoutMs, (received) => { stalled = { received, declared: whole }; });
        if (!body) return tooLarge(0);
        requestEnded(url, response.ok);
        return { _status: response.status, _body: body };
      })
      .catch(async (err) => {
        clearTimeout(timer);
        requestEnded(url, false);
        if (stalled) return { _status: 0, _body: encoder.encode(bodyStalled(timeoutMs, stalled.received, stalled.declared)) };
        if (timedOut) return { _timedOut: true };
        return { _status: 0, _body: encoder.encode(await networkFailure(url, err, request.signal)) };
      })
      .finally(() => this._live.delete(request));
  }
}
