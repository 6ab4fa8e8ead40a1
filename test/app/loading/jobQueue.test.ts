import { describe, expect, it } from 'vitest';
import { JobQueue, TaskDropped, type Lane } from '../../../src/app/loading/jobQueue';

/** Jobs that wait until the test finishes them, logging when they start. */
function held(queue: JobQueue, log: string[], owner: object = {}) {
  const finish = new Map<string, () => void>();
  const add = (name: string, lane: Lane) => queue.add(() => new Promise<string>((resolve) => {
    log.push(name);
    finish.set(name, () => resolve(name));
  }), lane, owner);
  const done = async (name: string) => {
    finish.get(name)?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { add, done };
}

describe('JobQueue lanes', () => {
  it('display jobs go first, newest first; then scans; then background decodes in the order asked', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ display: 1, scan: 1, prefetch: 1 });
    const { add, done } = held(queue, log);
    add('p1', 'prefetch');
    add('s0', 'scan');
    for (const name of ['p2', 'p3']) add(name, 'prefetch');
    add('d1', 'display');
    add('d2', 'display');
    add('s1', 'scan');
    const hurried = add('p4', 'prefetch');
    hurried.hurry();
    // One running per lane: p1 (prefetch) and s0 (scan) started before the display jobs came; d1 took the display slot.
    expect(log).toEqual(['p1', 's0', 'd1']);
    await done('d1');
    expect(log.slice(3)).toEqual(['p4']);
    await done('p4');
    expect(log.slice(4)).toEqual(['d2']);
    await done('s0');
    expect(log.slice(5)).toEqual(['s1']);
    await done('p1');
    expect(log.slice(6)).toEqual(['p2']);
  });

  it('dropQueued drops an import\'s queued background jobs (they reject with TaskDropped); running and display jobs go on', async () => {
    const log: string[] = [];
    const queue = new JobQueue({ display: 1, scan: 1, prefetch: 1 });
    const old = {};
    const oldJobs = held(queue, log, old);
    const running = oldJobs.add('a', 'prefetch');
    const queued = oldJobs.add('b', 'prefetch');
    const shown = oldJobs.add('c', 'display');
    const other = held(queue, log, {}).add('new', 'prefetch');
    queue.dropQueued(old);
    await expect(queued.result).rejects.toBeInstanceOf(TaskDropped);
    await oldJobs.done('a');
    expect(await running.result).toBe('a');
    await oldJobs.done('c');
    expect(await shown.result).toBe('c');
    expect(log).toEqual(['a', 'c', 'new']);
    void other;
  });
});
