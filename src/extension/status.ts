/**
 * The language status item (the `{}` beside the language in the status bar): what Shipshape takes the
 * active file for (as the server decided), and the Kubernetes version it is validated against, with a
 * click to change that version.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, requestWhenRunning } from './client';
import { FILE_INFO_REQUEST } from '../server/protocol';

const KINDS: Record<string, string> = {
  dockerfile: 'Dockerfile',
  kubernetes: 'Kubernetes manifest',
  compose: 'Compose file',
  'helm-template': 'Helm chart template',
  chart: 'Helm Chart.yaml',
  'helm-values': 'Helm chart values',
  config: 'Shipshape config',
  other: 'not checked by Shipshape',
};

interface FileInfo {
  kind: string;
  kubernetesVersion?: string;
  chart?: string;
}

export function registerLanguageStatus(client: LanguageClient): { disposables: vscode.Disposable[]; text: () => string } {
  const item = vscode.languages.createLanguageStatusItem('shipshape.kind', DOCUMENT_SELECTOR);
  item.name = 'Shipshape';
  item.text = 'Shipshape';
  let asked = 0;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const mine = ++asked;
    const info = await requestWhenRunning<FileInfo | null>(client, FILE_INFO_REQUEST, { uri: document.uri.toString() }).catch(() => null);
    if (mine !== asked || !info) return;
    const kind = KINDS[info.kind] ?? info.kind;
    item.text = info.kubernetesVersion ? `${kind} · Kubernetes ${info.kubernetesVersion}` : kind;
    item.detail = info.chart ? `chart ${info.chart}` : undefined;
    item.command = info.kubernetesVersion ? { title: 'Change version', command: 'shipshape.chooseKubernetesVersion' } : undefined;
  };
  const choose = vscode.commands.registerCommand('shipshape.chooseKubernetesVersion', async (version?: string) => {
    const versions = (vscode.extensions.getExtension('shipshape.shipshape')?.packageJSON.contributes.configuration.properties['shipshape.kubernetesVersion'].enum as string[] | undefined) ?? ['1.34'];
    const current = vscode.workspace.getConfiguration('shipshape').get<string>('kubernetesVersion');
    const picked =
      version ??
      (await vscode.window.showQuickPick(versions.map((v) => ({ label: v, description: v === current ? 'current' : undefined })), { title: 'Validate Kubernetes manifests against version' }))?.label;
    if (!picked) return undefined;
    await vscode.workspace.getConfiguration('shipshape').update('kubernetesVersion', picked, vscode.ConfigurationTarget.Workspace);
    return picked;
  });
  void update();
  return {
    disposables: [
      item,
      choose,
      vscode.window.onDidChangeActiveTextEditor(() => void update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('shipshape') && void setTimeout(() => void update(), 300)),
      client.onDidChangeState(() => void update()),
    ],
    text: () => item.text,
  };
}
