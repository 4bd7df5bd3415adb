/** Kubernetes and Compose validation, hover and completion in YAML editors. */
import * as vscode from 'vscode';
import type { RegisterFeature } from '../feature';
import { YamlAssist, YAML_SELECTOR } from './assist';
import { YamlDiagnostics } from './diagnostics';

export const registerYamlFeatures: RegisterFeature = ({ log }) => {
  const diagnostics = new YamlDiagnostics(log);
  const assist = new YamlAssist(diagnostics.project, log);
  return [
    diagnostics,
    vscode.languages.registerHoverProvider(YAML_SELECTOR, assist),
    vscode.languages.registerCompletionItemProvider(YAML_SELECTOR, assist),
  ];
};
