/**
 * Runs the built-in Helm renderer off the extension host's thread. The engine is synchronous: on the
 * host it would freeze the editor for the length of a render and the cancel button could not reach it.
 * In this worker, a render that is cancelled or over budget is stopped by terminating the thread.
 * Kept alive between renders so charts and parsed templates stay cached. No `vscode` here.
 */
import { parentPort } from 'node:worker_threads';
import { ChartRenderError, renderChart, type RenderOptions, type RenderedManifest } from '../../core/helm/index';
import type { ErrorLocation } from '../../core/helm/errors';

export interface RenderJob {
  id: number;
  chartDir: string;
  options: Omit<RenderOptions, 'shouldCancel'>;
  /** The worker stops itself (cleanly, through shouldCancel) after this long. */
  budgetMs: number;
}

export interface RenderErrorInfo {
  message: string;
  templatePath?: string;
  line?: number;
  column?: number;
  trace?: ErrorLocation[];
}

export type RenderReply =
  | { id: number; ok: true; output: string; manifests: RenderedManifest[]; warnings: string[] }
  | { id: number; ok: false; error: RenderErrorInfo };

function render(job: RenderJob): RenderReply {
  const deadline = Date.now() + job.budgetMs;
  try {
    const result = renderChart(job.chartDir, { ...job.options, shouldCancel: () => Date.now() > deadline });
    // templateLines is computed on first use by a getter, which does not survive the copy to the host.
    const manifests = result.manifests.map((m) => ({ ...m, templateLines: m.templateLines }));
    return { id: job.id, ok: true, output: result.output, manifests, warnings: result.warnings };
  } catch (caught) {
    const e = caught instanceof ChartRenderError ? caught : new ChartRenderError(`internal error: ${(caught as Error)?.stack ?? String(caught)}`);
    // Past the budget, the engine's "cancelled" error (wherever it stopped) means the budget ran out.
    const overBudget = Date.now() > deadline && /cancel/i.test(e.message);
    const message = overBudget ? `rendering took longer than ${job.budgetMs / 1000} s and was stopped (at ${e.templatePath ?? 'the chart'}${e.line ? `:${e.line}` : ''})` : e.message;
    return { id: job.id, ok: false, error: { message, templatePath: e.templatePath, line: e.line, column: e.column, trace: e.trace } };
  }
}

parentPort?.on('message', (job: RenderJob) => parentPort!.postMessage(render(job)));
