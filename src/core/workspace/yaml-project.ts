/**
 * The YAML engine the Project calls: schema validation, cross-file Kubernetes rules over every
 * manifest known, Compose rules, then the user's options through the pipeline.
 */
import { dirname, resolve } from 'node:path';
import type { CheckOptions } from '../config/options';
import type { Diagnostic } from '../diagnostics';
import { checkComposeFile } from '../compose';
import { KubernetesWorkspace } from '../k8s';
import { applyOptions } from '../pipeline/options';
import { YamlSuppressions } from '../rules/yaml-suppressions';
import { validateYamlFile } from '../schemas';
import { parseYamlFile, type ParsedYamlFile } from '../yaml/parse';

export { helmRenderRule } from '../rules/helm-render';

/**
 * Every Kubernetes manifest of a project (so rules can look across files) plus its CRDs. Files are
 * added as they are found or edited and removed when deleted; `lint` checks one file against all.
 */
export class YamlProject {
  private readonly workspace = new KubernetesWorkspace();
  private readonly manifests = new Map<string, ParsedYamlFile>();
  private readonly crdFiles = new Map<string, ParsedYamlFile>();
  /** Kustomization file -> the patch files it names; patch file -> how many name it. */
  private readonly patchesOf = new Map<string, string[]>();
  private readonly patchFiles = new Map<string, number>();

  /** `readFile` reads the files a compose file includes (the Project's: open buffers, bounded, inside the workspace). */
  constructor(private readonly context: { readFile?: (path: string) => string | undefined } = {}) {}

  /** Adds or replaces a manifest's objects (Helm templates too: they tell others what exists). */
  setManifest(fileName: string, text: string): void {
    const previous = this.manifests.get(fileName);
    if (previous && previous.text === text) return;
    const file = parseYamlFile(text, { previous });
    this.manifests.set(fileName, file);
    this.workspace.updateFile(fileName, file);
    if (file.documents.some((d) => d.kind === 'CustomResourceDefinition')) this.crdFiles.set(fileName, file);
    else this.crdFiles.delete(fileName);
    this.setPatches(fileName, kustomizePatchFiles(fileName, file));
  }

  /** Files a Kustomization names as strategic-merge patches: partial objects by design. */
  private setPatches(kustomization: string, patches: string[]): void {
    for (const old of this.patchesOf.get(kustomization) ?? []) {
      const count = (this.patchFiles.get(old) ?? 1) - 1;
      if (count > 0) this.patchFiles.set(old, count);
      else this.patchFiles.delete(old);
    }
    if (patches.length === 0) this.patchesOf.delete(kustomization);
    else this.patchesOf.set(kustomization, patches);
    for (const patch of patches) this.patchFiles.set(patch, (this.patchFiles.get(patch) ?? 0) + 1);
  }

  /** Forgets a file; true when it was known (so other files' cross-file findings may change). */
  remove(fileName: string): boolean {
    this.crdFiles.delete(fileName);
    this.setPatches(fileName, []);
    this.workspace.removeFile(fileName);
    return this.manifests.delete(fileName);
  }

  /** A file as last indexed. */
  parsed(fileName: string): ParsedYamlFile | undefined {
    return this.manifests.get(fileName);
  }

  /** The text a file was last indexed with. */
  textOf(fileName: string): string | undefined {
    return this.manifests.get(fileName)?.text;
  }

  /** CRDs of the other files, for validation, hover and completion of custom resources. */
  crdsExcept(fileName: string): ParsedYamlFile[] {
    return [...this.crdFiles].filter(([name]) => name !== fileName).map(([, file]) => file);
  }

  get size(): number {
    return this.manifests.size;
  }

  /**
   * Schema and rule findings of one file; a Kubernetes file is (re)indexed first, so its cross-file
   * findings see its current text. `crdDirs` must already be absolute. `workspaceRules: false` runs
   * the schema only (the editor, until its index of the workspace is complete: no false "missing" findings).
   */
  lint(fileName: string, text: string, kind: 'kubernetes' | 'compose', options: CheckOptions, schemaDir?: string, workspaceRules = true): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    if (kind === 'kubernetes') {
      const extraCrds = this.crdsExcept(fileName);
      // A file a Kustomization names as a patch leaves out what it does not change.
      const partial = this.patchFiles.has(fileName);
      diagnostics.push(...validateYamlFile(text, fileName, { kind, kubernetesVersion: options.kubernetesVersion, crdDirs: options.crdDirs, extraCrds, schemaDir, partial }));
      this.setManifest(fileName, text);
      if (workspaceRules) diagnostics.push(...this.workspace.check(fileName, options));
      return applyOptions(diagnostics, options, new YamlSuppressions(this.manifests.get(fileName)!));
    }
    diagnostics.push(...validateYamlFile(text, fileName, { kind, schemaDir }));
    const file = parseYamlFile(text, { version: '1.2' });
    diagnostics.push(...checkComposeFile(file, fileName, options, { readFile: this.context.readFile }));
    return applyOptions(diagnostics, options, new YamlSuppressions(file));
  }
}

/** `patchesStrategicMerge: [file]` and `patches: [{path}]` of the file's Kustomizations, as absolute paths. */
export function kustomizePatchFiles(fileName: string, file: ParsedYamlFile): string[] {
  const files: string[] = [];
  for (const document of file.documents) {
    if (!document.apiVersion?.startsWith('kustomize.config.k8s.io/') || !document.value || typeof document.value !== 'object') continue;
    const value = document.value as Record<string, unknown>;
    const entries = [
      ...(Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : []),
      ...(Array.isArray(value.patches) ? value.patches.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).path : undefined)) : []),
    ];
    // Inline patches (multi-line strings) name no file.
    for (const entry of entries) if (typeof entry === 'string' && !entry.includes('\n')) files.push(resolve(dirname(fileName), entry));
  }
  return files;
}

