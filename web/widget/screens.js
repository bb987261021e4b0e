// The few screens the widget words itself, because the core cannot: the one
// before the engine has arrived, and the engine's (or the page's policy's)
// failure. They are built as the core's screens are, so the stylesheet and
// the tests read them alike.

// <div class="notice notice-error"> saying `text`, with "Try again" unless
// retry is false, as the core's error screens have it.
export function errorNotice(text, retry = true) {
  const box = document.createElement('div');
  box.className = 'notice notice-error';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  box.append(message);
  if (retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'retry';
    button.dataset.action = 'retry';
    button.textContent = 'Try again';
    const line = document.createElement('p');
    line.append(button);
    box.append(line);
  }
  return box;
}

// <main class="main"> holding `children`, as the core's screens have it.
export function mainWith(...children) {
  const main = document.createElement('main');
  main.className = 'main';
  main.append(...children);
  return main;
}

// "Loading…", as the core's own loading screen says it.
export function loadingScreen() {
  const p = document.createElement('p');
  p.className = 'loading';
  p.setAttribute('aria-busy', 'true');
  p.textContent = 'Loading…';
  return mainWith(p);
}

// What a screen is when the core has not said (the engine's own failure):
// read from the markup. The core's screens carry their kind (frame.kind).
export function screenKind(view) {
  const main = view.querySelector('main');
  if (!main) return 'loading';
  if (main.querySelector(':scope > .notice-error')) return 'error';
  if (main.querySelector(':scope > .not-found')) return 'not-found';
  if (main.querySelector(':scope > p.loading, :scope > article.post-single > p.loading')) return 'loading';
  if (main.querySelector(':scope > article.post-single')) return 'post';
  if (main.querySelector(':scope > .page-header')) return main.querySelector(':scope > .post-entry') ? 'tag' : 'tags';
  return 'list';
}
