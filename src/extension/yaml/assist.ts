/** Hover (a key's schema description) and completion (keys an object may still have, enum values) for manifests and Compose files. */
import * as vscode from 'vscode';
import { completionsAt, hoverAt, type ValidationOptions } from '../../core/schemas';
import type { YamlProject } from '../../core/workspace/yaml-project';
import { fileKey, kindOf, MAX_EDITOR_CHARS, yamlOptionsFor } from './documents';

export const YAML_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { language: 'dockercompose', scheme: 'file' },
  { pattern: '**/*.{yaml,yml}', scheme: 'file' },
];

export class YamlAssist implements vscode.HoverProvider, vscode.CompletionItemProvider {
  constructor(
    private readonly project: YamlProject,
    private readonly log: (message: string) => void,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const options = this.optionsFor(document);
    if (!options) return undefined;
    const markdown = hoverAt(document.getText(), fileKey(document.uri), { line: position.line, character: position.character }, options);
    if (!markdown) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(markdown), document.getWordRangeAtPosition(position, /[\w.\-/]+/));
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const options = this.optionsFor(document);
    if (!options) return undefined;
    const completions = completionsAt(document.getText(), fileKey(document.uri), { line: position.line, character: position.character }, options);
    return completions.map((c) => {
      const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember);
      item.detail = c.detail;
      // A key is inserted with its colon (unless one is already typed after the cursor).
      if (c.kind === 'key' && !/^\s*:/.test(document.lineAt(position.line).text.slice(position.character))) item.insertText = `${c.label}: `;
      return item;
    });
  }

  private optionsFor(document: vscode.TextDocument): ValidationOptions | undefined {
    if (document.getText().length > MAX_EDITOR_CHARS) return undefined;
    const kind = kindOf(document);
    if (kind !== 'kubernetes' && kind !== 'compose') return undefined;
    const options = yamlOptionsFor(document.uri, this.log);
    return { kind, kubernetesVersion: options.kubernetesVersion, crdDirs: options.crdDirs, extraCrds: this.project.crdsExcept(fileKey(document.uri)) };
  }
}
