import { describe, expect, it } from 'vitest';
import { createLoadProgressFeed } from '../../src/ui/loadProgressFeed';

describe('a load progress feed', () => {
  it('starts at nothing read, total not known', () => {
    expect(createLoadProgressFeed('42 chosen files').getSnapshot()).toEqual({ what: '42 chosen files', done: 0, total: undefined });
  });

  it('tells its subscribers of each new count, with a new snapshot each time', () => {
    const feed = createLoadProgressFeed('files');
    const seen: unknown[] = [];
    feed.subscribe(() => seen.push(feed.getSnapshot()));
    const before = feed.getSnapshot();
    feed.report(16, 42);
    feed.report(32, 42);
    expect(seen).toEqual([{ what: 'files', done: 16, total: 42 }, { what: 'files', done: 32, total: 42 }]);
    expect(feed.getSnapshot()).not.toBe(before);
  });

  it('keeps its snapshot when the count has not changed, so nothing re-renders for it', () => {
    const feed = createLoadProgressFeed('files');
    feed.report(8, 40);
    const snapshot = feed.getSnapshot();
    let calls = 0;
    feed.subscribe(() => calls++);
    feed.report(8, 40);
    expect(calls).toBe(0);
    expect(feed.getSnapshot()).toBe(snapshot);
  });

  it('stops telling a subscriber that unsubscribed', () => {
    const feed = createLoadProgressFeed('files');
    let calls = 0;
    const unsubscribe = feed.subscribe(() => calls++);
    feed.report(1, 2);
    unsubscribe();
    feed.report(2, 2);
    expect(calls).toBe(1);
  });
});
