/** What each editor feature (Dockerfiles, YAML, Helm, the preview tree) receives when it is registered. */
import type * as vscode from 'vscode';
import type { RenderedProblem } from '../core/project/rendered';
import type { Segment } from '../core/project/rendered-lines';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  log: (message: string) => void;
  /** Tells the language server which values files a chart is rendered with (hover, checks and its render follow). */
  chartValuesChosen: (chartDir: string, valuesFiles: string[]) => void;
  /** The language server's check of a rendered chart's documents (undefined when superseded). */
  checkRendered: (chartDir: string, name: string, segments: Segment[], token: vscode.CancellationToken) => Promise<RenderedProblem[] | undefined>;
  /** The text with the chart's secret values hidden, as the language server knows them. */
  hideSecrets: (chartDir: string, text: string) => Promise<string>;
}

export type RegisterFeature = (context: FeatureContext) => vscode.Disposable[];
