/**
 * The extension host's side of render-worker.ts: one long-lived worker, one render at a time.
 * Cancelling (or a worker that overruns its budget) terminates the thread; the next render starts a
 * fresh one. The host's event loop stays free throughout.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderReply } from './render-worker';

export class RenderCancelled extends Error {
  constructor() {
    super('rendering cancelled');
  }
}

export interface CancelSignal {
  isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Extra time past the worker's own budget before the thread is killed (it checks the budget between steps). */
const GRACE_MS = 2_000;

export class RenderClient {
  private worker?: Worker;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    private readonly execArgv: string[] = [],
  ) {}

  /** Renders in the worker; rejects with RenderCancelled when cancelled, or with the worker's failure. */
  render(job: Omit<RenderJob, 'id'>, token?: CancelSignal): Promise<RenderReply> {
    const run = () => this.run(job, token);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private run(job: Omit<RenderJob, 'id'>, token?: CancelSignal): Promise<RenderReply> {
    if (token?.isCancellationRequested) return Promise.reject(new RenderCancelled());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<RenderReply>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        subscription?.dispose();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const stop = (error: Error) => {
        cleanup();
        this.terminate();
        reject(error);
      };
      const onMessage = (reply: RenderReply) => {
        if (reply.id !== id) return;
        cleanup();
        resolve(reply);
      };
      const onError = (error: Error) => stop(new Error(`the render worker failed: ${error.message}`));
      const onExit = (code: number) => stop(new Error(`the render worker exited (code ${code})`));
      const timer = setTimeout(() => stop(new Error(`rendering took longer than ${job.budgetMs / 1000} s and was stopped`)), job.budgetMs + GRACE_MS);
      const subscription = token?.onCancellationRequested(() => stop(new RenderCancelled()));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...job, id } satisfies RenderJob);
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.script, { execArgv: this.execArgv });
      this.worker.unref();
    }
    return this.worker;
  }

  /** Stops the worker (and whatever it is rendering); the next render starts a new one. */
  terminate(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) worker.terminate().catch((e: unknown) => this.log(`helm: stopping the render worker failed: ${String(e)}`));
  }

  dispose(): void {
    this.terminate();
  }
}
