// The page's widgets: every connected one (a theme choice reaches them all;
// one that could not load the engine starts when another one has it), and
// the one that follows the page's URL (routing "hash" or "path"; any other
// routes as "internal", so that two widgets never fight over the URL).
export const widgets = new Set();
export const page = { _owner: null };
