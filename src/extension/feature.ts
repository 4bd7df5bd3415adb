/** What each editor feature (Dockerfiles, YAML, Helm, the preview tree) receives when it is registered. */
import type * as vscode from 'vscode';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  log: (message: string) => void;
}

export type RegisterFeature = (context: FeatureContext) => vscode.Disposable[];
