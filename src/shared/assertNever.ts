/** Makes a `switch` over a closed string-literal union exhaustive at compile time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
