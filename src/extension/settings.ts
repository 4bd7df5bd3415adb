/**
 * Options for the rendered-chart view's render (its Kubernetes version: the server checks the output
 * against the same): the nearest `.shipshape.yaml` / `.hadolint.yaml`, then the VS Code settings on
 * top, mapped as the server maps them.
 */
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { loadConfig, mergeOptions } from '../core/config/load';
import type { CheckOptions } from '../core/config/options';
import { toCheckOptions, type ClientSettings } from '../core/config/settings';

export function optionsFor(uri: vscode.Uri, log: (message: string) => void): CheckOptions {
  const settings = vscode.workspace.getConfiguration('shipshape', uri);
  const fromFiles = uri.scheme === 'file' ? loadConfig(dirname(uri.fsPath)) : { options: {}, problems: [] as string[], files: [] };
  for (const problem of fromFiles.problems) log(`config: ${problem}`);
  // WorkspaceConfiguration exposes each setting as a property: the same object the server is sent.
  return mergeOptions(fromFiles.options, toCheckOptions(settings as unknown as ClientSettings));
}

export function debounceMs(): number {
  return vscode.workspace.getConfiguration('shipshape').get<number>('debounceMs', 150);
}
