/**
 * `shipshape lsp --stdio`: the language server. A thin adapter between LSP and the core's Project:
 * buffers and file events go into the Project; its findings come out as diagnostics for every checked
 * file of the workspace (the same `shipshape check` reports). Hover, completion, quick fixes, outline,
 * go-to-definition and the preview tree's data are the Project's answers in LSP's shapes.
 *
 * Scheduling: an edited document is checked and published first (at the next turn of the event loop);
 * the rest of the workspace, whose cross-file findings may change, follows in short slices that yield
 * to incoming messages, and a newer change restarts them. So a slow workspace pass never delays the
 * answer for the file being typed in.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  InlayHintKind,
  ResponseError,
  SemanticTokensBuilder,
  FileChangeType,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { contains, type Diagnostic } from '../core/diagnostics';
import { definitionsAt, outlineOf } from '../core/project/navigation';
import { ignoreEdits } from '../core/project/ignore-edits';
import { Project, toInventoryPath, type LanguageHint } from '../core/project';
import type { Completion } from '../core/project/project';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../core/helm/authoring/tokens';
import { buildTree } from '../core/project/tree';
import { describeProject } from '../core/project/summary';
import { ruleDocUri, toLspDiagnostic, type DiagnosticData } from './convert';
import { ruleMeta } from '../core/rules/registry';
import { CHART_VALUES_NOTIFICATION, CHECK_RENDERED_REQUEST, HIDE_SECRETS_REQUEST, FILE_INFO_REQUEST, CHECK_WORKSPACE_REQUEST, TREE_CHANGED, TREE_REQUEST } from './protocol';
import { checkRendered } from '../core/project/rendered';
import type { Segment } from '../core/project/rendered-lines';
import { redactText } from '../core/secrets/redact';
import { toCheckOptions, type ClientSettings } from '../core/config/settings';
import { composeGlobMatcher } from './settings';
import { RenderClient } from '../core/helm/worker/render-client';

declare const SHIPSHAPE_VERSION: string | undefined;
const VERSION = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev';

/** Larger open buffers get one clear message instead of validation. */
export const MAX_EDITOR_CHARS = 10 * 1024 * 1024;
const LIMITS = { maxFiles: 5000, maxFileBytes: 5 * 1024 * 1024 };
/** The Helm render worker the build puts beside the server's bundle. */
const RENDER_WORKER = join(__dirname, 'helm-render-worker.js');
/** Work done between yields while publishing the workspace. */
const SLICE_MS = 20;
/** A chart is rendered again this long after a keystroke in one of its templates (a quicker next keystroke waits for it). */
const RENDER_DELAY_MS = 60;
/** Other files are re-checked once edits settle. */
const OTHERS_DELAY_MS = 250;


export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let project: Project | undefined;
  let roots: string[] = [];
  let settings: ClientSettings = {};
  let configurationCapability = false;
  let watchCapability = false;
  /** What was last published per URI, so an unchanged result is not sent again. */
  const published = new Map<string, string>();
  /** Open documents' URIs by project key (the client's spelling of the URI is kept). */
  const uris = new Map<string, string>();
  let othersTimer: ReturnType<typeof setTimeout> | undefined;
  /** Values files chosen per chart by the client (kept across projects: new compose globs make a new one). */
  const chosenValues = new Map<string, string[]>();
  let pass = 0;
  let treeRevision = -1;
  const log = (message: string) => connection.console.log(message);

  /** A path as the tree shows it: relative to its workspace folder (prefixed by the folder's name when there are several). */
  const displayPath = (path: string): string => {
    for (const root of roots) {
      if (!path.startsWith(root + sep)) continue;
      const relative = path.slice(root.length + 1).split(sep).join('/');
      return roots.length > 1 ? `${basename(root)}/${relative}` : relative;
    }
    return path;
  };
  const keyOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const uriOf = (key: string): string => uris.get(key) ?? (isAbsolute(key) ? pathToFileURL(key).href : key);

  // Charts render in a worker thread beside the bundle (running from source: in place), so that a
  // big chart's render never holds up a keystroke's findings, a hover or a completion.
  const renderer = existsSync(RENDER_WORKER) ? new RenderClient(RENDER_WORKER, log) : undefined;
  const newProject = () => {
    const next: Project = new Project({
      roots,
      settings: toCheckOptions(settings),
      isComposeGlob: composeGlobMatcher(settings),
      limits: LIMITS,
      log,
      renderer,
      onChartRendered: (chartDir) => next === project && chartRendered(chartDir),
    });
    for (const document of documents.all()) openInto(next, document);
    for (const [chart, files] of chosenValues) next.setChosenValuesFiles(chart, files);
    return next;
  };

  const hintOf = (document: TextDocument): LanguageHint => {
    if (document.languageId === 'dockerfile') return 'dockerfile';
    if (document.languageId === 'dockercompose') return 'compose';
    return document.languageId === 'yaml' || document.languageId === 'helm' ? 'yaml' : undefined;
  };

  const openInto = (target: Project, document: TextDocument) => {
    const key = keyOf(document.uri);
    uris.set(key, document.uri);
    if (document.getText().length > MAX_EDITOR_CHARS) target.close(key);
    else target.setOpen(key, document.getText(), hintOf(document));
  };

  const publish = (key: string, diagnostics: LspDiagnostic[]) => {
    const uri = uriOf(key);
    const stamp = JSON.stringify(diagnostics);
    if (published.get(uri) === stamp) return;
    if (diagnostics.length === 0 && !published.has(uri)) return;
    published.set(uri, stamp);
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  const diagnosticsFor = (key: string, quick = false): LspDiagnostic[] => {
    if (!project || settings.enable === false) return [];
    const document = uris.has(key) ? documents.get(uris.get(key)!) : undefined;
    if (document && document.getText().length > MAX_EDITOR_CHARS) {
      const size = (document.getText().length / 1048576).toFixed(1);
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: 'shipshape',
          message: `Shipshape: this file is ${size} MB; files over ${MAX_EDITOR_CHARS / 1048576} MB are not validated in the editor (use \`shipshape check\`).`,
        },
      ];
    }
    try {
      return (quick ? project.checkQuick(key) : project.check(key)).map(toLspDiagnostic);
    } catch (error) {
      // A checker bug must not take the server down; the log says what happened.
      log(`checking ${key} failed: ${(error as Error).stack ?? String(error)}`);
      return [];
    }
  };

  /** Publishes every checked file (and clears files that are gone), yielding between slices. */
  const publishWorkspace = async (): Promise<void> => {
    const mine = ++pass;
    if (!project) return;
    const keys = new Set([...project.paths(), ...uris.keys()]);
    let sliceStart = Date.now();
    for (const key of keys) {
      if (mine !== pass) return; // a newer change restarted the pass
      publish(key, diagnosticsFor(key));
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    // Files that left the project (deleted, no longer ours) lose their findings.
    for (const uri of [...published.keys()]) {
      if (!keys.has(keyOf(uri))) {
        published.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    if (project.revision !== treeRevision) {
      treeRevision = project.revision;
      void connection.sendNotification(TREE_CHANGED);
    }
  };

  const scheduleOthers = (delay = OTHERS_DELAY_MS) => {
    clearTimeout(othersTimer);
    pass++; // a pass under way stops at its next slice
    othersTimer = setTimeout(() => void publishWorkspace(), delay);
  };

  /** A chart's render arrived: its open files first, then everything else once edits settle. */
  const chartRendered = (chartDir: string) => {
    for (const key of uris.keys()) if (key.startsWith(chartDir + sep)) publish(key, diagnosticsFor(key));
    scheduleOthers();
  };

  const changed = (document: TextDocument) => {
    if (!project) return;
    openInto(project, document);
    const key = keyOf(document.uri);
    // The edited file first, at once; the others when edits settle. A chart template's own rules come
    // at once, the chart's render and validation right after, unless another keystroke comes first.
    const current = () => documents.get(document.uri)?.version === document.version;
    setImmediate(() => {
      if (!current() || !project) return;
      const rendersPending = project.rendersPending(key);
      publish(key, diagnosticsFor(key, true));
      if (rendersPending)
        setTimeout(() => {
          if (current()) publish(key, diagnosticsFor(key));
        }, RENDER_DELAY_MS);
      scheduleOthers();
    });
  };

  /** Settles when the project of the current settings exists (requests that need it wait for it). */
  let markReady: () => void = () => undefined;
  /** The compose globs the project was made with. */
  let projectComposeFiles = '';
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const refreshSettings = async () => {
    if (configurationCapability) {
      const fetched = (await connection.workspace.getConfiguration({ section: 'shipshape' })) as ClientSettings | null;
      if (fetched) settings = fetched;
    }
    const first = project === undefined;
    const composeFiles = JSON.stringify(settings.composeFiles ?? []);
    if (project && composeFiles === projectComposeFiles) {
      // Severities, versions and CRD folders change answers, not which files there are or their parses.
      project.setSettings(toCheckOptions(settings));
    } else {
      // Compose globs change what kind files are: read the workspace again.
      project = newProject();
      project.scan();
      projectComposeFiles = composeFiles;
    }
    markReady();
    scheduleOthers(0);
    if (first) {
      const current = project;
      // Once the first pass has read the files: what was found, for the user's log.
      setTimeout(() => current === project && log(`Shipshape ${VERSION} (language server)\n${describeProject(current, roots)}`), OTHERS_DELAY_MS);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const init = params.initializationOptions as { settings?: ClientSettings } | ClientSettings | undefined;
    settings = (init && 'settings' in init ? init.settings : (init as ClientSettings | undefined)) ?? {};
    configurationCapability = params.capabilities.workspace?.configuration === true;
    watchCapability = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '.', '"'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        inlayHintProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      },
      serverInfo: { name: 'shipshape' },
    };
  });

  connection.onInitialized(() => {
    if (watchCapability) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    // After the handshake: the first check compiles schemas, the scan reads files.
    setImmediate(() => void refreshSettings());
  });

  connection.onDidChangeConfiguration(() => void refreshSettings());

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!project) return;
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = fileURLToPath(change.uri);
      if (/[\\/](?:node_modules|\.git|\.vscode-test)[\\/]/.test(path)) continue;
      if (change.type === FileChangeType.Deleted) project.deletedOnDisk(path);
      else project.changedOnDisk(path);
    }
    scheduleOthers();
  });

  documents.onDidOpen(({ document }) => changed(document));
  documents.onDidChangeContent(({ document }) => changed(document));
  documents.onDidClose(({ document }) => {
    const key = keyOf(document.uri);
    uris.delete(key);
    project?.close(key);
    // Unsaved edits are gone with the editor: the file is checked as on disk (or dropped, if untitled).
    publish(key, project?.paths().includes(key) ? diagnosticsFor(key) : []);
    scheduleOthers();
  });

  connection.onHover(({ textDocument, position }) => {
    if (!project) return null;
    const key = keyOf(textDocument.uri);
    // A finding under the cursor: why its rule exists, and its doc (the editor shows the message itself).
    const why = project
      .checkQuick(key) // as published while typing: a hover never waits for a chart's render
      .filter((d) => contains(d.range, position))
      .map((d) => {
        const meta = ruleMeta(d.rule);
        return meta ? `**${d.rule}**: ${meta.description} [Rule doc](${ruleDocUri(d.rule)})` : undefined;
      })
      .filter((line, i, all): line is string => line !== undefined && all.indexOf(line) === i);
    const markdown = [...why, project.hover(key, position)].filter(Boolean).join('\n\n---\n\n');
    return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
  });

  connection.onCompletion(({ textDocument, position, context }) => {
    const document = documents.get(textDocument.uri);
    if (!project || !document) return [];
    const key = keyOf(textDocument.uri);
    const isTemplate = project.kindOf(key) === 'helm-template';
    // `.` and `"` only mean something inside a chart template's actions.
    if (!isTemplate && (context?.triggerCharacter === '.' || context?.triggerCharacter === '"')) return [];
    const lineRest = document.getText({ start: position, end: { line: position.line + 1, character: 0 } });
    return project.completions(key, position).map((c) => ({
      label: c.label,
      kind: COMPLETION_KINDS[c.kind],
      detail: c.detail,
      ...('documentation' in c && c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
      // A YAML key is inserted with its colon (unless one is already typed after the cursor).
      ...(c.kind === 'key' && !/^\s*:/.test(lineRest) ? { insertText: `${c.label}: ` } : {}),
    }));
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const builder = new SemanticTokensBuilder();
    for (const t of project?.helmTokens(keyOf(textDocument.uri)) ?? []) {
      builder.push(t.line, t.character, t.length, TOKEN_TYPES.indexOf(t.type), t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0));
    }
    return builder.build();
  });

  connection.languages.inlayHint.on(({ textDocument, range }) =>
    (project?.helmValueHints(keyOf(textDocument.uri)) ?? [])
      .filter((h) => h.position.line >= range.start.line && h.position.line <= range.end.line)
      .map((h) => ({ position: h.position, label: h.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: 'From the chart\'s values' })),
  );

  connection.onReferences(({ textDocument, position, context }) => {
    if (!project) return [];
    return project.helmReferences(keyOf(textDocument.uri), position, context.includeDeclaration).map((l) => ({ uri: uriOf(l.file), range: l.range }));
  });

  connection.onPrepareRename(({ textDocument, position }) => project?.helmPrepareRename(keyOf(textDocument.uri), position) ?? null);

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const result = project?.helmRename(keyOf(textDocument.uri), position, newName);
    if (!result) return null;
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    const changes: Record<string, { range: Diagnostic['range']; newText: string }[]> = {};
    for (const [file, edits] of result.edits) changes[uriOf(file)] = edits;
    return { changes };
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!project || !document) return [];
    const key = keyOf(textDocument.uri);
    const kind = project.kindOf(key);
    const actions: CodeAction[] = [];
    // An edit may belong to another file (a template's fix that adds a key to values.yaml).
    const edit = (edits: { range: Diagnostic['range']; newText: string; file?: string }[]) => {
      const changes: Record<string, { range: Diagnostic['range']; newText: string }[]> = {};
      for (const { file, range, newText } of edits) (changes[file ? uriOf(file) : textDocument.uri] ??= []).push({ range, newText });
      return { changes };
    };
    const all = project.check(key);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'shipshape' || typeof diagnostic.code !== 'string') continue;
      const rule = diagnostic.code;
      for (const fix of (diagnostic.data as DiagnosticData | undefined)?.fixes ?? []) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: edit(fix.edits) });
      }
      // Every finding of this rule in the file with a fix: one action applies them all.
      const fixable = all.filter((d) => d.rule === rule && d.fixes?.length);
      if (fixable.length > 1) {
        const edits = fixable.flatMap((d) => (d.fixes!.find((f) => f.preferred) ?? d.fixes![0]).edits);
        if (!overlaps(edits)) actions.push({ title: `Fix all ${rule} problems in this file (${fixable.length})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(edits) });
      }
      if (kind === 'dockerfile' || kind === 'kubernetes' || kind === 'compose') {
        for (const ignore of ignoreEdits(kind === 'dockerfile' ? 'dockerfile' : 'yaml', document.getText(), diagnostic.range.start.line, rule)) {
          actions.push({ title: ignore.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([ignore.edit]) });
        }
      }
    }
    return actions;
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    if (!project) return [];
    const inventory = project.currentInventory();
    const document = documents.get(textDocument.uri);
    const defines = project.helmDefines(keyOf(textDocument.uri));
    if (defines.length > 0) return defines.map((d) => ({ name: d.name, detail: 'define', kind: SymbolKind.Function, range: d.range, selectionRange: d.range }));
    return outlineOf(inventory, toInventoryPath(keyOf(textDocument.uri))).map((s) => {
      const endLine = Math.min(s.at.endLine, (document?.lineCount ?? s.at.endLine + 1) - 1);
      const range = { start: { line: s.at.line, character: 0 }, end: { line: endLine, character: document ? lineLength(document, endLine) : 0 } };
      return {
        name: s.name,
        detail: s.detail,
        kind: s.kind === 'stage' ? SymbolKind.Class : s.kind === 'service' ? SymbolKind.Module : SymbolKind.Object,
        range,
        selectionRange: { start: { line: s.at.line, character: s.at.character }, end: { line: s.at.line, character: s.at.character } },
      };
    });
  });

  connection.onDefinition(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!project || !document) return [];
    const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
    const word = wordAt(line, position.character);
    const key = keyOf(textDocument.uri);
    const helm = project.helmDefinitions(key, position);
    if (helm.length > 0) return helm.map((l) => ({ uri: uriOf(l.file), range: l.range }));
    return definitionsAt(project.currentInventory(), toInventoryPath(keyOf(textDocument.uri)), position.line, word).map((at) => ({
      uri: uriOf(at.path),
      range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character } },
    }));
  });

  connection.onRequest(TREE_REQUEST, async () => {
    await ready;
    if (!project) return { items: [] };
    const current = project;
    const byPath = new Map<string, Diagnostic[]>();
    for (const { file, diagnostics } of current.checkAll()) byPath.set(toInventoryPath(file), diagnostics);
    return { items: buildTree(current.currentInventory(), (path) => byPath.get(path) ?? [], displayPath) };
  });

  connection.onNotification(CHART_VALUES_NOTIFICATION, ({ chart, valuesFiles }: { chart: string; valuesFiles: string[] }) => {
    chosenValues.set(chart, valuesFiles);
    project?.setChosenValuesFiles(chart, valuesFiles);
    scheduleOthers(0);
  });

  connection.onRequest(FILE_INFO_REQUEST, async ({ uri }: { uri: string }) => {
    await ready;
    if (!project) return null;
    const key = keyOf(uri);
    const kind = project.kindOf(key);
    const uses = kind === 'kubernetes' || kind === 'helm-template' || kind === 'chart' || kind === 'helm-values';
    return { kind, kubernetesVersion: uses ? (project.optionsFor(key).kubernetesVersion ?? '1.34') : undefined, chart: project.chartOf(key)?.name };
  });

  connection.onRequest(CHECK_RENDERED_REQUEST, async ({ chart, name, segments }: { chart: string; name: string; segments: Segment[] }, token) => {
    await ready;
    if (!project) return null;
    const problems = await checkRendered(segments, name, project.optionsFor(join(chart, 'Chart.yaml')), {
      stale: () => token.isCancellationRequested,
      secrets: project.secretsOfChart(chart),
    });
    return problems && !token.isCancellationRequested ? { problems } : null;
  });

  connection.onRequest(HIDE_SECRETS_REQUEST, async ({ chart, text }: { chart: string; text: string }) => {
    await ready;
    return { text: redactText(text, project?.secretsOfChart(chart)?.wide ?? []) };
  });

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async () => {
    await ready;
    await project?.rendersSettled();
    clearTimeout(othersTimer);
    await publishWorkspace();
    return { files: project?.paths().length ?? 0 };
  });

  connection.onShutdown(() => renderer?.dispose());

  documents.listen(connection);
  connection.listen();
}

const COMPLETION_KINDS: Record<Completion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  valuesKey: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  define: CompletionItemKind.Snippet,
  function: CompletionItemKind.Function,
  object: CompletionItemKind.Module,
  field: CompletionItemKind.Field,
};

function overlaps(edits: { range: Diagnostic['range'] }[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].range.end;
    const next = sorted[i].range.start;
    if (next.line < prev.line || (next.line === prev.line && next.character < prev.character)) return true;
  }
  return false;
}

function wordAt(line: string, character: number): string {
  const left = /[\w.-]*$/.exec(line.slice(0, character))?.[0] ?? '';
  const right = /^[\w.-]*/.exec(line.slice(character))?.[0] ?? '';
  return left + right;
}

function lineLength(document: TextDocument, line: number): number {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
}
