/** What the Helm features ask of the language server: it learns each chart's values files and checks rendered views. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderedProblem } from '../../core/project/rendered';
import type { Segment } from '../../core/project/rendered-lines';
import { CHART_VALUES_NOTIFICATION, CHECK_RENDERED_REQUEST, HIDE_SECRETS_REQUEST } from '../../server/protocol';
import { requestWhenRunning, whenRunning } from '../client';
import type { FeatureContext } from '../feature';

export function helmServerBridge(client: LanguageClient): Pick<FeatureContext, 'chartValuesChosen' | 'checkRendered' | 'hideSecrets'> {
  const notify = whenRunning<{ chart: string; valuesFiles: string[] }>(client, CHART_VALUES_NOTIFICATION, (p) => p.chart);
  return {
    chartValuesChosen: (chart, valuesFiles) => notify({ chart, valuesFiles }),
    checkRendered: async (chart: string, name: string, segments: Segment[], token: vscode.CancellationToken): Promise<RenderedProblem[] | undefined> =>
      (await requestWhenRunning<{ problems: RenderedProblem[] } | null>(client, CHECK_RENDERED_REQUEST, { chart, name, segments }, token))?.problems,
    // Without the server there is nothing to tell secrets by: the text is not shown rather than shown whole.
    hideSecrets: async (chart: string, text: string): Promise<string> =>
      (await requestWhenRunning<{ text: string } | null>(client, HIDE_SECRETS_REQUEST, { chart, text }))?.text ?? 'helm template failed (its message is not shown: the language server is not running to hide secrets in it)',
  };
}
