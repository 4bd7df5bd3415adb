/**
 * The caller's side of render-worker.ts (the extension host's render view, the language server's
 * chart checks): one long-lived worker, one render at a time. Cancelling (or a worker that overruns
 * its budget) terminates the thread; the next render starts a fresh one. The caller's event loop
 * stays free throughout.
 */
import { Worker } from 'node:worker_threads';
import type { ChartRender, ChartRenderer, ChartRenderRequest } from '../../project/charts';
import type { CheckJob, CheckReply, RenderJob, RenderReply } from './render-worker';

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
/** A chart check's render (the editor's render view sets its own). */
const CHECK_BUDGET_MS = 30_000;

export class RenderClient implements ChartRenderer {
  private worker?: Worker;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    private readonly execArgv: string[] = [],
  ) {}

  /** Renders in the worker; rejects with RenderCancelled when cancelled, or with the worker's failure. */
  renderJob(job: Omit<RenderJob, 'id'>, token?: CancelSignal): Promise<RenderReply> {
    return this.enqueue(() => this.run<RenderReply>(job, job.budgetMs, token));
  }

  /** A chart rendered for checking, in the worker (the Project's ChartRenderer). */
  render(request: ChartRenderRequest, budgetMs = CHECK_BUDGET_MS): Promise<ChartRender> {
    const { shouldCancel: _local, ...plain } = request;
    const job: Omit<CheckJob, 'id'> = { kind: 'check', request: plain, budgetMs };
    return this.enqueue(() => this.run<CheckReply>(job, budgetMs)).then((reply) => reply.render);
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private run<T extends { id: number }>(job: Omit<RenderJob, 'id'> | Omit<CheckJob, 'id'>, budgetMs: number, token?: CancelSignal): Promise<T> {
    if (token?.isCancellationRequested) return Promise.reject(new RenderCancelled());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
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
      const onMessage = (reply: T) => {
        if (reply.id !== id) return;
        cleanup();
        resolve(reply);
      };
      const onError = (error: Error) => stop(new Error(`the render worker failed: ${error.message}`));
      const onExit = (code: number) => stop(new Error(`the render worker exited (code ${code})`));
      const timer = setTimeout(() => stop(new Error(`rendering took longer than ${budgetMs / 1000} s and was stopped`)), budgetMs + GRACE_MS);
      const subscription = token?.onCancellationRequested(() => stop(new RenderCancelled()));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...job, id } satisfies RenderJob | CheckJob);
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
