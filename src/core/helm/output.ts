/**
 * The text `helm template` prints (pkg/cmd/template.go, pkg/action/action.go renderResources):
 * optional CRDs, then `---\n# Source: <path>\n<doc>\n` per manifest, trimmed, then the hooks;
 * `--show-only` re-splits that text and keeps the documents whose template path matches a glob.
 */
import { goPathMatch } from './path-match';
import { isTestHook, splitManifests, type ManifestDoc } from './sort';

export interface CrdFile {
  /** `<chart full path>/crds/<file>` */
  path: string;
  content: string;
}

export interface AssembleOptions {
  /** Helm 3 / 4.0 / 4.1 document splitting (see splitManifests). */
  trimDocuments: boolean;
  crds?: CrdFile[];
  skipTests?: boolean;
  noHooks?: boolean;
  showOnly?: string[];
}

export class ShowOnlyError extends Error {}

function sourceBlock(path: string, content: string): string {
  return `---\n# Source: ${path}\n${content}\n`;
}

/** `manifests` and `hooks` already sorted (see sortManifests). */
export function assembleOutput(manifests: ManifestDoc[], hooks: ManifestDoc[], options: AssembleOptions): string {
  let buffer = '';
  for (const crd of options.crds ?? []) buffer += sourceBlock(crd.path, crd.content);
  for (const m of manifests) buffer += sourceBlock(m.path, m.content);
  let out = `${buffer.trim()}\n`;
  if (!options.noHooks) {
    for (const h of hooks) {
      if (options.skipTests && isTestHook(h)) continue;
      out += sourceBlock(h.path, h.content);
    }
  }
  if (!options.showOnly || options.showOnly.length === 0) return out;
  return showOnly(out, options.showOnly, options.trimDocuments);
}

/** `--show-only`: globs are matched (Go filepath.Match) against the path after the chart name. */
export function showOnly(text: string, globs: string[], trimDocuments: boolean): string {
  const docs = splitManifests(text, trimDocuments);
  let out = '';
  for (const glob of globs) {
    const pattern = glob.replace(/\\/g, '/');
    let missing = true;
    for (const doc of docs) {
      const m = /# Source: [^/]+\/(.+)/.exec(doc);
      if (!m) continue;
      let matched = false;
      try {
        matched = goPathMatch(pattern, m[1]);
      } catch {
        matched = false;
      }
      if (!matched) continue;
      out += `---\n${doc}\n`;
      missing = false;
    }
    if (missing) throw new ShowOnlyError(`could not find template ${glob} in chart`);
  }
  return out;
}
