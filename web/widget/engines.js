// The engines and a widget's session with them. The engine comes in two
// builds of the one core (wasm/CMakeLists.txt): "list" (blog-core: the index
// and its list pages, a tag's or a category's included) is what a widget
// starts with; "full" (blog-full: the same and the Markdown engine, the terms
// overviews, the archive and search) is loaded when the list engine asks for
// a post's file (a post opened, or a link to one about to be: prefetch) or
// says a route needs it (upgradeFor), and the session hands its route over to
// it (upgrade). A built site's post page starts with the full one.
//
// One instance of each engine for the page, shared by every widget; each
// widget has its own handle into it (its own index, cache and route).
import { Controller } from './exports.js';
import { assetUrl } from './trusted.js';
import { EngineError, reasonOf, networkFailure, within, cacheFor, requestEnded } from './network.js';

// An engine's file: its glue ("js") or its module ("wasm").
const engineFile = (kind, ext) => assetUrl(`blog-${kind === 'list' ? 'core' : 'full'}.${ext}`);
// The engine at `url` could not be `done` ("loaded", "started") for `why`.
const engineError = (url, done, why) => new EngineError(`its engine (${url}) could not be ${done} (${why})`);
// How long the engine's files may go without a response before the widget
// says so, unless response-timeout says otherwise. Mirrors the core's
// ControllerConfig::response_timeout_ms (the core is what is being loaded;
// resilience.test.mjs checks the mirror).
export const DEFAULT_RESPONSE_TIMEOUT_MS = 15000;

// Fetches and compiles an engine's .wasm: a promise of the WebAssembly.Module,
// compiled while it downloads (streaming) when the server sends the wasm MIME
// type, from an ArrayBuffer otherwise. Started beside the import of the glue,
// so that the download and the compile do not wait for it.
// Like the core's requests, only the wait for the response is bounded.
async function compileEngine(timeoutMs, url) {
  let response;
  const request = new AbortController();
  try {
    response = await within(fetch(url, { credentials: 'same-origin', signal: request.signal, cache: cacheFor(url) }),
      timeoutMs, url, () => request.abort());
  } catch (err) {
    requestEnded(url, false);
    if (err instanceof EngineError) throw err;
    throw engineError(url, 'loaded', await networkFailure(url, err));
  }
  requestEnded(url, response.ok);
  if (!response.ok) throw engineError(url, 'loaded', `HTTP ${response.status}`);
  try {
    const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
      return await WebAssembly.compileStreaming(response);
    }
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    throw engineError(url, 'started', reasonOf(err));
  }
}

// The glue's factory, given the module compiled beside it: the instance.
function instantiate(createBlogCore, compiled, wasm) {
  const failed = (err) => engineError(wasm, 'started', reasonOf(err));
  return new Promise((resolve, reject) => {
    createBlogCore({
      instantiateWasm(imports, receiveInstance) {
        compiled
          .then((module) => WebAssembly.instantiate(module, imports)
            .then((instance) => receiveInstance(instance, module), (err) => { throw failed(err); }))
          .catch(reject);
        return {};  // the exports arrive through receiveInstance
      },
    }).then(resolve, (err) => reject(err instanceof EngineError ? err : failed(err)));
  });
}

// Loaded the first time a widget asks for it; the first widget's
// response-timeout bounds the downloads.
const loading = { list: null, full: null };
// A widget that starts once the full engine is there starts with it.
export let fullLoaded = false;
export function loadEngine(kind, timeoutMs) {
  if (!loading[kind]) {
    const glue = engineFile(kind, 'js');
    const wasm = engineFile(kind, 'wasm');
    // The module and the glue download together.
    const compiled = compileEngine(timeoutMs, wasm);
    compiled.catch(() => {});  // awaited below, once the glue is in; not an unhandled rejection meanwhile
    loading[kind] = (async () => {
      let createBlogCore;
      try {
        ({ default: createBlogCore } = await within(import(glue), timeoutMs, glue));
      } catch (err) {
        if (err instanceof EngineError) throw err;
        throw engineError(glue, 'loaded', reasonOf(err));
      }
      const core = await instantiate(createBlogCore, compiled, wasm);
      core.blogHosts = new Map();  // handle -> session, read by the EM_JS imports
      if (kind === 'full') fullLoaded = true;
      return core;
    })();
    loading[kind].catch(() => { loading[kind] = null; });  // "Try again" starts over
  }
  return loading[kind];
}

// A widget's controller in an engine, and the hand-over from the list engine
// to the full one. The core calls fetch() and show() (blogHosts); the widget
// (`host`) gives it requests (host.requests), shows frames (host.show) and
// hears of failures (host.engineFailed).
//
// The hand-over: the list engine asked for a post's file, or is on a route
// only the full engine builds. The full engine loads once per page;
// meanwhile the list engine's screen stays (a post's title and meta,
// "Loading…" for its body) and the file downloads. The full engine's
// controller starts on the same route with the index bytes already here
// (the list engine's response, not fetched again) and the post files the
// list engine asked for (carried), and the list engine's controller goes.
export class EngineSession extends Controller {
  _kind = null;          // the engine of handle: "list" or "full"
  _upgrading = null;     // the full engine's load, while the route waits for it
  _upgradeFailed = false;  // "Try again" loads it again
  _handoff = false;      // the full engine's first screens after the hand-over (see show)
  _indexAnswer = null;   // the list engine's index response, for the full one
  // url -> { _answer, _post }: what the list engine asked for that the full
  // one will want: post files, and a paged index's other files until the
  // list engine's screen is complete (then they are not kept: a screen that
  // waited for a post was not complete).
  _carried = new Map();

  constructor(host, indexUrl, root) {
    super();
    this._el = host;
    this._indexUrl = indexUrl;
    this._root = root;
  }

  // The controller for the widget in `core` (an engine of `kind`).
  _open(core, kind) {
    this._kind = kind;
    this._create(core, this._indexUrl, this._root, this._el.pageSize, this._el.responseTimeout);
    core.blogHosts.set(this._handle, this);
  }

  // The controller goes (the widget stopped: an upgrade under way is
  // dropped; or the full engine takes over).
  _close() {
    this._module.blogHosts.delete(this._handle);
    this._destroy();
  }

  // Shows the screen of `route`, asking the full engine for it if it must.
  _navigate(route) {
    this._show(route);
    this._upgradeFor(route);
  }

  _prefetch(route) {
    this._preload(route);
    // A screen of the full engine's: it takes over now, as for a post's file.
    this._upgradeFor(route);
  }

  // A screen the list engine cannot build (a post, the tags' or categories'
  // overview, the archive, search: the core says which) needs the full
  // engine: loaded now, beside the index and the post, and the route handed
  // over to it (upgrade); meanwhile the list engine shows "Loading…".
  _upgradeFor(route) {
    if (this._kind === 'list' && this._needsFull(route)) this._upgrade();
  }

  async _upgrade() {
    if (this._upgrading || this._kind !== 'list') return;
    this._upgradeFailed = false;
    this._upgrading = loadEngine('full', this._el.responseTimeout || DEFAULT_RESPONSE_TIMEOUT_MS);
    let core;
    try {
      core = await this._upgrading;
    } catch (err) {
      if (!this._handle) return;  // closed meanwhile
      this._upgrading = null;
      this._upgradeFailed = true;
      this._el._engineLost(err);
      return;
    }
    if (!this._handle || !this._el._connected) return;
    this._upgrading = null;
    this._close();  // the list engine's; the carried answers stay
    this._open(core, 'full');
    this._handoff = true;
    this._show(this._el._route);
  }

  // Called by the core: start a request and answer it with blog_fetch_done,
  // or with blog_fetch_timed_out when no response (status and headers) came
  // within timeoutMs. Once the headers are in, the body may take its time.
  // The list engine's request for a post's Markdown (`post`) starts the full
  // engine (upgrade) and is kept for it: the list engine never gets a post,
  // which it could not render.
  fetch(requestId, url, timeoutMs, maxBytes, post) {
    const handle = this._handle;
    const isIndex = url === this._indexUrl;
    let answer;
    if (this._kind === 'full' && isIndex && this._indexAnswer) {
      answer = this._indexAnswer;  // the list engine's, handed over
      this._indexAnswer = null;
    } else if (this._kind === 'full' && this._carried.has(url)) {
      answer = this._carried.get(url)._answer;
      this._carried.delete(url);
    } else {
      answer = this._el._requests._get(url, timeoutMs, maxBytes);
      if (this._kind === 'list') {
        if (isIndex) {
          this._indexAnswer = answer;
        } else {
          this._carried.set(url, { _answer: answer, _post: post });
          if (post) {
            this._upgrade();
            return;
          }
        }
      }
    }
    answer.then((a) => {
      if (this._handle !== handle) return;  // the widget (or its engine) changed meanwhile
      this._el._answered(a);
      this._answer(requestId, a);
    });
  }

  // Called by the core with a screen to show.
  show(frame) {
    if (this._handoff) {
      // The full engine's first screens after the list engine's: the list
      // engine's stays until the full one has more to show than "Loading…",
      // and is not touched when the full one's is the same (a press on a
      // link under way must land on the element it started on); the reader
      // stays where they are on the route already shown.
      if (frame.kind === 'loading') return;
      this._handoff = false;
      if (frame.html === this._el._shownHtml) return;
      if (frame.scroll === 'top') frame = { ...frame, scroll: 'keep' };
      // Focus in the screen (a reader at the keyboard) moves to the new one's heading.
      if (document.activeElement === this._el) this._el._refocus = true;
    }
    if (this._kind === 'list' && frame.complete) {
      for (const [url, carried] of this._carried) if (!carried._post) this._carried.delete(url);
    }
    this._el.show(frame);
  }
}
