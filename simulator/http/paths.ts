// Request paths as Java servlet containers read them: any run of slashes counts as one. The Java
// SDK joins a base URL written with a trailing slash and `/sendEdoc` into `//sendEdoc`, and the
// real axis serves it; so does every operation and the control API here. Hono routes on the path
// the top app's getPath returns, so the rule lives in this one place.
const decoded = (path: string): string => {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
};

/** The request's path, percent-decoded like hono's own, with each run of slashes folded into one. */
export const foldSlashes = (request: Request): string => {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf(':') + 3);
  if (start < 0) return '/';
  const rest = url.slice(start);
  const end = rest.search(/[?#]/);
  return decoded(end < 0 ? rest : rest.slice(0, end)).replace(/\/{2,}/g, '/');
};
