/**
 * Options for a document: the nearest `.shipshape.yaml` / `.hadolint.yaml`, then the VS Code settings
 * on top (settings are the user's explicit choice for this machine or workspace).
 */
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { loadConfig, mergeOptions } from '../core/config/load';
import type { CheckOptions, SeverityOverride } from '../core/config/options';
import type { Severity } from '../core/diagnostics';

export function optionsFor(uri: vscode.Uri, log: (message: string) => void): CheckOptions {
  const settings = vscode.workspace.getConfiguration('shipshape', uri);
  const fromFiles = uri.scheme === 'file' ? loadConfig(dirname(uri.fsPath)) : { options: {}, problems: [] as string[], files: [] };
  for (const problem of fromFiles.problems) log(`config: ${problem}`);
  const fromSettings: CheckOptions = {
    severity: settings.get<Record<string, SeverityOverride>>('rules') ?? {},
    trustedRegistries: nonEmpty(settings.get<string[]>('trustedRegistries')),
    allowInlineIgnores: settings.get<boolean>('allowInlineIgnores'),
    minimumSeverity: settings.get<Severity>('minimumSeverity'),
    kubernetesVersion: settings.get<string>('kubernetesVersion') || undefined,
    crdDirs: nonEmpty(settings.get<string[]>('crdDirectories')),
  };
  return mergeOptions(fromFiles.options, fromSettings);
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length ? list : undefined;
}

export function isEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('shipshape', uri).get<boolean>('enable', true);
}

export function debounceMs(): number {
  return vscode.workspace.getConfiguration('shipshape').get<number>('debounceMs', 150);
}
