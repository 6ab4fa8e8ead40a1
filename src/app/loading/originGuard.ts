// The loading workers talk to their own origin and to nothing else. The page's Content-Security-Policy is a <meta>,
// which a worker does not inherit: a worker has only the policy of its own script's response headers, which a plain
// static server does not send. So the worker refuses, itself, every request whose URL is not of its own origin
// (fetch, XMLHttpRequest, WebSocket, EventSource, nested workers), whatever server it came from; the CSP header that
// vite.config.ts sends on worker scripts (and the README asks static servers to send) is the second lock.

/** Whether `url` (absolute, or relative to `base`) stays on `base`'s origin; data: and same-origin blob: URLs do. */
export function isOwnOrigin(url: string, base: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:') return true;
  // A blob: URL's origin is the origin that made it (new URL('blob:http://a/x').origin === 'http://a').
  return parsed.origin === new URL(base).origin;
}

export class ForeignRequestRefused extends TypeError {
  override readonly name = 'ForeignRequestRefused';
  constructor(url: string) {
    super(`recist loading worker: a request to ${url} was refused; the worker talks to its own origin only`);
  }
}

/** What the guard replaces in a worker's global scope; each is optional, as not every browser has every one. */
export interface RequestScope {
  readonly location: { readonly href: string };
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  XMLHttpRequest?: { prototype: { open: (...args: never[]) => void } };
  WebSocket?: unknown;
  EventSource?: unknown;
  Worker?: unknown;
  SharedWorker?: unknown;
}

type Constructor = new (url: string | URL, ...rest: never[]) => object;

const urlOf = (input: RequestInfo | URL): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** Makes every request API of `scope` refuse URLs of another origin. Call once, before any other code runs. */
export function guardRequests(scope: RequestScope): void {
  const base = scope.location.href;
  const check = (url: string) => {
    if (!isOwnOrigin(url, base)) throw new ForeignRequestRefused(url);
  };
  const fetch = scope.fetch;
  if (fetch) {
    scope.fetch = (input, init) => {
      try {
        check(urlOf(input));
      } catch (refused) {
        return Promise.reject(refused as Error);
      }
      return fetch.call(scope, input, init);
    };
  }
  const xhr = scope.XMLHttpRequest?.prototype;
  if (xhr) {
    const open = xhr.open as (this: unknown, method: string, url: string | URL, ...rest: unknown[]) => void;
    xhr.open = function guardedOpen(this: unknown, method: string, url: string | URL, ...rest: unknown[]) {
      check(String(url));
      open.call(this, method, url, ...rest);
    } as never;
  }
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker'] as const) {
    const Original = scope[name] as Constructor | undefined;
    if (typeof Original !== 'function') continue;
    scope[name] = new Proxy(Original, {
      construct(target, args: unknown[]) {
        check(String(args[0]));
        return Reflect.construct(target, args) as object;
      },
    });
  }
}
