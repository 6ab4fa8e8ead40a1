// A few loading workers doing the CPU work of an import (header parsing, decoding), each task to the least busy.
// What runs when is decided before, by the job queue (jobQueue.ts); tasks here start at once.
import type { TaskResult, WarmTask, WorkerRequest, WorkerResponse, WorkerTask } from './workerProtocol';

/** What the pool needs of a Worker; tests give it an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: Error) => void;
}

interface Slot {
  readonly worker: WorkerLike;
  readonly running: Map<number, Pending>;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private nextId = 1;
  private readonly warmed = new Set<string>();

  constructor(createWorker: () => WorkerLike, size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot = { worker: createWorker(), running: new Map() };
      slot.worker.onmessage = (event) => this.settle(slot, event.data);
      slot.worker.onerror = (event) => this.failSlot(slot, event.message || 'worker failed to start or crashed');
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs `task` in the least busy worker. */
  run<T extends WorkerTask>(task: T): Promise<TaskResult<T>> {
    return this.send(this.slots.reduce((best, s) => (s.running.size < best.running.size ? s : best)), task);
  }

  /**
   * Loads a codec in every worker, once per transfer syntax for the pool's life. A warm-up file goes to the first
   * worker only: the code its decoding optimises is shared by all workers of the page (codecWarmup.ts).
   */
  warm(task: WarmTask): void {
    if (this.warmed.has(task.transferSyntaxUid)) return;
    this.warmed.add(task.transferSyntaxUid);
    const { warmupFileUrl, ...loadOnly } = task;
    this.slots.forEach((slot, i) => {
      this.send(slot, i === 0 ? task : loadOnly).catch((thrown: unknown) => {
        this.warmed.delete(task.transferSyntaxUid);
        // A warm-up file of ours that does not decode is a broken build; a worker that failed says so elsewhere.
        if (warmupFileUrl !== undefined && i === 0) console.error('recist: codec warm-up failed', thrown);
      });
    });
  }

  private send<T extends WorkerTask | WarmTask>(slot: Slot, task: T): Promise<TaskResult<T>> {
    const id = this.nextId++;
    return new Promise<TaskResult<T>>((resolve, reject) => {
      slot.running.set(id, { resolve: resolve as (value: unknown) => void, reject });
      slot.worker.postMessage({ ...task, id }, []);
    });
  }

  terminate(): void {
    for (const slot of this.slots) slot.worker.terminate();
  }

  private settle(slot: Slot, response: WorkerResponse): void {
    const pending = slot.running.get(response.id);
    if (!pending) return;
    slot.running.delete(response.id);
    if (response.ok) pending.resolve(response.value);
    else pending.reject(new Error(`loading worker: ${response.message}`));
  }

  private failSlot(slot: Slot, message: string): void {
    for (const pending of slot.running.values()) pending.reject(new Error(`loading worker: ${message}`));
    slot.running.clear();
  }
}
