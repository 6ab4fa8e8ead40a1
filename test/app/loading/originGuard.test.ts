// The loading workers' own lock on the network (issue 18): any URL of another origin is refused before a request is
// made, whichever API asks; URLs of the worker's own origin go through untouched.
import { describe, expect, it } from 'vitest';
import { ForeignRequestRefused, guardRequests, isOwnOrigin, type RequestScope } from '../../../src/app/loading/originGuard';

const BASE = 'http://127.0.0.1:5173/reader/assets/loadingWorker-abc.js';

describe('isOwnOrigin', () => {
  it.each([
    ['a relative URL', 'sample-dicom/IM0001.dcm', true],
    ['an absolute URL of the same origin', 'http://127.0.0.1:5173/x.wasm', true],
    ['a data: URL (no request at all)', 'data:application/wasm;base64,AGFzbQ==', true],
    ['a blob: URL made by this origin', 'blob:http://127.0.0.1:5173/5b1c', true],
    ['another port of the same host', 'http://127.0.0.1:5174/x', false],
    ['another scheme', 'https://127.0.0.1:5173/x', false],
    ['another host', 'http://example.org/x', false],
    ['a protocol-relative URL elsewhere', '//example.org/x', false],
    ['a blob: URL of another origin', 'blob:http://example.org/5b1c', false],
    ['a WebSocket URL', 'ws://127.0.0.1:5173/x', false],
  ])('%s: %s', (_, url, own) => expect(isOwnOrigin(url, BASE)).toBe(own));
});

describe('guardRequests', () => {
  const scopeWith = () => {
    const calls: string[] = [];
    class FakeSocket {
      constructor(readonly url: string) {
        calls.push(`socket ${url}`);
      }
    }
    class FakeXhr {
      open(method: string, url: string) {
        calls.push(`xhr ${method} ${url}`);
      }
    }
    const scope: RequestScope = {
      location: { href: BASE },
      fetch: async (input) => {
        calls.push(`fetch ${String(input instanceof Request ? input.url : input)}`);
        return new Response('ok');
      },
      XMLHttpRequest: FakeXhr as unknown as RequestScope['XMLHttpRequest'],
      WebSocket: FakeSocket,
      Worker: FakeSocket,
    };
    guardRequests(scope);
    return { scope, calls };
  };

  it('fetch to another origin rejects with the reason, and nothing is fetched; its own origin is fetched', async () => {
    const { scope, calls } = scopeWith();
    await expect(scope.fetch?.('http://127.0.0.1:9/leak')).rejects.toBeInstanceOf(ForeignRequestRefused);
    await expect(scope.fetch?.(new Request('http://evil.example/leak'))).rejects.toThrow(/refused; the worker talks to its own origin only/);
    await scope.fetch?.('codec.wasm');
    expect(calls).toEqual(['fetch codec.wasm']);
  });

  it('XMLHttpRequest, WebSocket and nested workers refuse other origins too', () => {
    const { scope, calls } = scopeWith();
    const Xhr = scope.XMLHttpRequest as unknown as new () => { open(m: string, u: string): void };
    const Socket = scope.WebSocket as new (url: string) => object;
    const Nested = scope.Worker as new (url: string) => object;
    expect(() => new Xhr().open('GET', 'http://evil.example/')).toThrow(ForeignRequestRefused);
    expect(() => new Socket('ws://evil.example/')).toThrow(ForeignRequestRefused);
    expect(() => new Nested('http://evil.example/w.js')).toThrow(ForeignRequestRefused);
    new Xhr().open('GET', '/own');
    new Nested('/assets/w.js');
    expect(calls).toEqual(['xhr GET /own', 'socket /assets/w.js']);
  });
});
