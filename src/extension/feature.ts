/** What each editor feature (Dockerfiles, YAML, Helm, the preview tree) receives when it is registered. */
import type * as vscode from 'vscode';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  log: (message: string) => void;
  /** Tells the language server which values files a chart is rendered with (hover, checks and its render follow). */
  chartValuesChosen?: (chartDir: string, valuesFiles: string[]) => void;
}

export type RegisterFeature = (context: FeatureContext) => vscode.Disposable[];
