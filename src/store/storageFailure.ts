// The boundary where IndexedDB's and Dexie's throws become StoreError values. Dexie wraps DOM errors (an aborted
// transaction carries the cause in `inner`), so the whole chain is searched by error name.
import type { StoreError } from './storeError';

/** The disk is full or the origin's quota is used up: the write did not happen and the user must free space. */
const QUOTA_NAMES = new Set(['QuotaExceededError']);

/**
 * The database cannot be used at all right now: no IndexedDB (private mode in some browsers, old browser), closed or
 * blocked by another tab's upgrade, a newer schema already on disk, or the browser's own storage failing.
 */
const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'DatabaseClosedError',
  'OpenFailedError',
  'InvalidStateError',
  'VersionError',
  'VersionChangeError',
  'UpgradeError',
  'UnknownError',
  'SecurityError',
  'InvalidAccessError',
  'TimeoutError',
  'NotFoundError',
]);

interface Named {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
  readonly cause?: unknown;
}

const isNamed = (value: unknown): value is Named => typeof value === 'object' && value !== null;

/** The error and the causes it wraps, outermost first (bounded: a cyclic chain must not hang the app). */
function causeChain(error: unknown): Named[] {
  const chain: Named[] = [];
  let current: unknown = error;
  while (isNamed(current) && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current.inner ?? current.cause;
  }
  return chain;
}

const describe = (e: Named): string => `${String(e.name)}: ${String(e.message ?? '')}`;

/**
 * The StoreError for a storage failure, or undefined when the throw is not one (a bug in our code, which must keep
 * throwing: STYLE.md principle 3).
 */
export function storageFailure(error: unknown): StoreError | undefined {
  const chain = causeChain(error);
  const quota = chain.find((e) => QUOTA_NAMES.has(String(e.name)));
  if (quota !== undefined) return { code: 'QUOTA_EXCEEDED', detail: describe(quota) };
  const unavailable = chain.find((e) => UNAVAILABLE_NAMES.has(String(e.name)));
  if (unavailable !== undefined) return { code: 'STORAGE_UNAVAILABLE', detail: describe(unavailable) };
  return undefined;
}
