// fetch() with its failures as values: network errors and HTTP statuses become a short detail string.
import { err, ok, type Result } from '../shared/result';

export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Result<Uint8Array, string>> {
  const response = await fetchResponse(url, signal);
  if (!response.ok) return response;
  return ok(new Uint8Array(await response.value.arrayBuffer()));
}

export async function fetchJson(url: string, signal?: AbortSignal): Promise<Result<unknown, { kind: 'http' | 'json'; detail: string }>> {
  const response = await fetchResponse(url, signal);
  if (!response.ok) return err({ kind: 'http', detail: response.error });
  try {
    return ok(await response.value.json() as unknown);
  } catch (thrown: unknown) {
    return err({ kind: 'json', detail: thrown instanceof Error ? thrown.message : String(thrown) });
  }
}

async function fetchResponse(url: string, signal?: AbortSignal): Promise<Result<Response, string>> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (thrown: unknown) {
    // An abort is the caller's own decision; let it propagate rather than dress it up as a network failure.
    if (signal?.aborted) throw thrown;
    return err(thrown instanceof Error ? thrown.message : String(thrown));
  }
  return response.ok ? ok(response) : err(`HTTP ${response.status} ${response.statusText}`.trim());
}
