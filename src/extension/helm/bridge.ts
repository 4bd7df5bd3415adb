/** What the Helm features ask of the language server: it learns each chart's values files and checks rendered views. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderedProblem, Segment } from '../../core/project/rendered';
import { CHART_VALUES_NOTIFICATION, CHECK_RENDERED_REQUEST } from '../../server/protocol';
import { requestWhenRunning, whenRunning } from '../client';
import type { FeatureContext } from '../feature';

export function helmServerBridge(client: LanguageClient): Pick<FeatureContext, 'chartValuesChosen' | 'checkRendered'> {
  const notify = whenRunning<{ chart: string; valuesFiles: string[] }>(client, CHART_VALUES_NOTIFICATION, (p) => p.chart);
  return {
    chartValuesChosen: (chart, valuesFiles) => notify({ chart, valuesFiles }),
    checkRendered: async (chart: string, name: string, segments: Segment[], token: vscode.CancellationToken): Promise<RenderedProblem[] | undefined> =>
      (await requestWhenRunning<{ problems: RenderedProblem[] } | null>(client, CHECK_RENDERED_REQUEST, { chart, name, segments }, token))?.problems,
  };
}
