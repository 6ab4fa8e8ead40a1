// One HTTP request to the PACS, its failures turned into PacsError values at this boundary (fetch throws TypeError
// for a refused connection, AbortError for our own timeout).
import { err, ok, type Result } from '../shared/result';
import type { PacsError } from './pacsError';

/** The fetch this module needs (the browser's, or a stand-in in tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  readonly fetch: FetchLike;
  /** Waiting longer than this for the response headers is a PACS_TIMEOUT. */
  readonly timeoutMs: number;
  /** The caller gave up (a newer search, the panel closed): rejects with the signal's reason, not a PacsError. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The response (status 2xx), or why not. The timeout covers the whole exchange, body included, as `read` runs
 * inside it: a PACS that sends headers and then stalls is a timeout too.
 */
export async function pacsRequest<T>(url: string, init: RequestInit, options: RequestOptions,
  read: (response: Response) => Promise<Result<T, PacsError>>): Promise<Result<T, PacsError>> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await options.fetch(url, { ...init, signal: controller.signal, credentials: 'same-origin' });
    if (response.status === 401 || response.status === 403) return err({ code: 'PACS_UNAUTHORIZED', url, status: response.status });
    // A proxy in front of the PACS (nginx, the dev server) says 502/503 when the PACS is down and 504 when it is slow.
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    if (response.status === 502 || response.status === 503) return err({ code: 'PACS_UNREACHABLE', url, detail: `${status} from the proxy in front of the PACS` });
    if (response.status === 504) return err({ code: 'PACS_TIMEOUT', url, seconds: Math.round(options.timeoutMs / 100) / 10 });
    if (!response.ok) return err({ code: 'PACS_BAD_ANSWER', url, detail: status });
    return await read(response);
  } catch (thrown: unknown) {
    if (timedOut) return err({ code: 'PACS_TIMEOUT', url, seconds: Math.round(options.timeoutMs / 100) / 10 });
    if (options.signal?.aborted) throw options.signal.reason;
    return err({ code: 'PACS_UNREACHABLE', url, detail: thrown instanceof Error ? thrown.message : String(thrown) });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** A JSON body (QIDO-RS, WADO-RS metadata); an empty 204 body is an empty list, as some servers answer no match. */
export async function readJson(response: Response, url: string): Promise<Result<unknown, PacsError>> {
  const text = await response.text();
  if (response.status === 204 || text.trim() === '') return ok([]);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err({ code: 'PACS_BAD_ANSWER', url, detail: 'the answer is not JSON' });
  }
}
