/**
 * Runs the built-in Helm renderer off the caller's thread: the editor's render view (a RenderJob)
 * and the language server's checks of a chart (a CheckJob). The engine is synchronous: on the
 * extension host it would freeze the editor for the length of a render; in the server, a big chart's
 * render would hold up every hover and keystroke. A render that is cancelled or over budget is
 * stopped by terminating the thread. Kept alive between renders so charts and parsed templates stay
 * cached.
 */
import { parentPort } from 'node:worker_threads';
import { ChartRenderError, renderChart, type RenderOptions, type RenderedManifest } from '../index';
import type { ErrorLocation } from '../errors';
import { renderFailed, renderForCheck, type ChartRender, type ChartRenderRequest } from '../../project/charts';

export interface RenderJob {
  id: number;
  chartDir: string;
  options: Omit<RenderOptions, 'shouldCancel'>;
  /** The worker stops itself (cleanly, through shouldCancel) after this long. */
  budgetMs: number;
}

/** A chart rendered for checking (`renderForCheck`), as the Project would in place. */
export interface CheckJob {
  id: number;
  kind: 'check';
  request: ChartRenderRequest;
  budgetMs: number;
}

export interface CheckReply {
  id: number;
  render: ChartRender;
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
    // Shown in the editor's panels: no secret-named value in an error.
    const result = renderChart(job.chartDir, { ...job.options, hideSecretsInErrors: true, shouldCancel: () => Date.now() > deadline });
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

function check(job: CheckJob): CheckReply {
  const deadline = Date.now() + job.budgetMs;
  let render = renderForCheck({ ...job.request, shouldCancel: () => Date.now() > deadline });
  const stoppedAt = render.error && Date.now() > deadline ? /^The chart does not render: (\S+:\d+)/.exec(render.error.message) : null;
  if (render.error && Date.now() > deadline) {
    render = renderFailed(`The chart was not checked: rendering took longer than ${job.budgetMs / 1000} s and was stopped (at ${stoppedAt?.[1] ?? 'the chart'}).`);
  }
  // As above: templateLines must be a plain property to survive the copy.
  const documents = render.documents.map((d) => ({ ...d, manifest: { ...d.manifest, templateLines: d.manifest.templateLines } }));
  return { id: job.id, render: { ...render, documents } };
}

parentPort?.on('message', (job: RenderJob | CheckJob) => parentPort!.postMessage('kind' in job && job.kind === 'check' ? check(job) : render(job as RenderJob)));
