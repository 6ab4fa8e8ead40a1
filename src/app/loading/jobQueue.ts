// The order in which an import's reads (and the decodes that follow them) run, in three lanes: what a viewport is
// waiting for (newest first, so fast scrolling lands where the reader stopped), header scans, then background
// decoding in the order asked. A few jobs run at once: file reads are I/O, and overlap.

export type Lane = 'display' | 'scan' | 'prefetch';

/** A queued job was dropped because its import was replaced: expected, not an error to show. */
export class TaskDropped extends Error {
  constructor() {
    super('loading task dropped: its import was replaced');
    this.name = 'TaskDropped';
  }
}

export interface QueuedJob<T> {
  readonly result: Promise<T>;
  /** Moves a queued job to the display lane; no effect once it runs. */
  hurry(): void;
}

interface Entry {
  readonly run: () => Promise<unknown>;
  readonly owner: object;
  lane: Lane;
  state: 'queued' | 'running' | 'done';
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Jobs in flight at most, per lane: a scan job reads the headers of many files in one request, a background job the
 * frames of many slices; a few such requests overlap. Scan jobs all start at once (importFiles cuts a folder in about
 * as many), so the main thread posts every file in one go while the workers begin on the first ones. Display jobs
 * have their own room, so one always starts at once, not behind reads under way.
 */
export const IN_FLIGHT: Readonly<Record<Lane, number>> = { display: 16, scan: 16, prefetch: 6 };

export class JobQueue {
  private readonly lanes: Record<Lane, Entry[]> = { display: [], scan: [], prefetch: [] };
  private readonly running: Record<Lane, number> = { display: 0, scan: 0, prefetch: 0 };

  constructor(private readonly limits: Readonly<Record<Lane, number>> = IN_FLIGHT) {}

  /** Queues `run`; `owner` names the import it belongs to (for dropQueued). */
  add<T>(run: () => Promise<T>, lane: Lane, owner: object): QueuedJob<T> {
    let entry: Entry | undefined;
    const result = new Promise<T>((resolve, reject) => {
      entry = { run, owner, lane, state: 'queued', resolve: resolve as (value: unknown) => void, reject };
    });
    const queued = entry as unknown as Entry;
    this.lanes[lane].push(queued);
    this.pump();
    return {
      result,
      hurry: () => {
        if (queued.state !== 'queued' || queued.lane === 'display') return;
        queued.lane = 'display';
        this.lanes.display.push(queued);
        this.pump();
      },
    };
  }

  /** Drops `owner`'s queued background jobs (scan, prefetch); they reject with TaskDropped. Display jobs still run. */
  dropQueued(owner: object): void {
    for (const lane of ['scan', 'prefetch'] as const) {
      this.lanes[lane] = this.lanes[lane].filter((entry) => {
        if (entry.owner !== owner || entry.state !== 'queued' || entry.lane !== lane) return true;
        entry.state = 'done';
        entry.reject(new TaskDropped());
        return false;
      });
    }
  }

  private take(lane: Lane): Entry | undefined {
    const queue = this.lanes[lane];
    while (queue.length > 0) {
      const entry = lane === 'display' ? queue.pop() : queue.shift();
      // A hurried entry keeps its old place too; whichever comes first runs it.
      if (entry && entry.state === 'queued') return entry;
    }
    return undefined;
  }

  private pump(): void {
    for (const lane of ['display', 'scan', 'prefetch'] as const) {
      while (this.running[lane] < this.limits[lane]) {
        const entry = this.take(lane);
        if (!entry) break;
        this.start(entry, lane);
      }
    }
  }

  private start(entry: Entry, lane: Lane): void {
    entry.state = 'running';
    this.running[lane]++;
    entry.run().then(entry.resolve, entry.reject).finally(() => {
      entry.state = 'done';
      this.running[lane]--;
      this.pump();
    });
  }
}
