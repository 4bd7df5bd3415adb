/** Which YAML documents Shipshape validates, and as what; the options that apply to each. */
import * as vscode from 'vscode';
import { isAbsolute, join } from 'node:path';
import type { CheckOptions } from '../../core/config/options';
import { isYamlName } from '../../core/workspace/file-kinds';
import { isHelmTemplatePath, yamlKindOf } from '../../core/workspace/yaml-project';
import { optionsFor } from '../settings';

/** Larger open files get one clear message instead of validation (parsing them blocks the extension host). */
export const MAX_EDITOR_CHARS = 10 * 1024 * 1024;

export type ValidatedKind = 'kubernetes' | 'compose';

const YAML_LANGUAGES = new Set(['yaml', 'dockercompose', 'helm']);

/** A key for the project index: the path for files, the URI for untitled buffers. */
export function fileKey(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export function isCandidate(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return YAML_LANGUAGES.has(document.languageId) || isYamlName(document.uri.path) || matchesComposeGlob(document);
}

/** 'helm-template' documents are indexed for cross-file rules but never validated. */
export function kindOf(document: vscode.TextDocument): ValidatedKind | 'helm-template' | undefined {
  if (!isCandidate(document)) return undefined;
  const kind = yamlKindOf(document.getText(), fileKey(document.uri), matchesComposeGlob(document));
  return kind === 'other' ? undefined : kind;
}

export function isHelmTemplate(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && isHelmTemplatePath(uri.fsPath);
}

/** The `shipshape.composeFiles` globs, relative to the document's workspace folder. */
function matchesComposeGlob(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('shipshape', document.uri).get<string[]>('composeFiles') ?? [];
  if (globs.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return globs.some((glob) => vscode.languages.match({ pattern: folder ? new vscode.RelativePattern(folder, glob) : glob }, document) > 0);
}

/** Settings and config files as for Dockerfiles; CRD folders are resolved against the workspace folder. */
export function yamlOptionsFor(uri: vscode.Uri, log: (message: string) => void): CheckOptions {
  const options = optionsFor(uri, log);
  if (!options.crdDirs) return options;
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  return { ...options, crdDirs: options.crdDirs.map((dir) => (isAbsolute(dir) || !folder ? dir : join(folder, dir))) };
}
