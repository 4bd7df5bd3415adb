/**
 * What a YAML file is: a Kubernetes manifest (by content), a Compose file (by name or shape), a Helm
 * template (never validated as YAML: `{{ }}` makes garbage diagnostics), or something else we leave
 * alone. Works on the raw text so it costs nothing on a 10 MB file, and never parses.
 */
import { basename, join, sep } from 'node:path';

export type YamlKind = 'kubernetes' | 'compose' | 'helm-template' | 'other';

/** `# shipshape: kind=kubernetes|compose|none` anywhere in the first lines overrides detection. */
const MODELINE = /^[ \t]*#[ \t]*shipshape:[ \t]*kind=(kubernetes|compose|none)\b/m;
const COMPOSE_NAME = /^(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$/i;

export interface DetectOptions {
  /** The caller knows the file is a Helm template (e.g. the editor saw Chart.yaml). */
  isHelmTemplate?: boolean;
  /** Lets detection check for `Chart.yaml` above a `templates/` folder. */
  fileExists?: (path: string) => boolean;
}

export function detectYamlKind(text: string, fileName: string, options: DetectOptions = {}): YamlKind {
  const modeline = MODELINE.exec(text.slice(0, 4096));
  if (modeline) return modeline[1] === 'none' ? 'other' : (modeline[1] as YamlKind);
  if (options.isHelmTemplate || isInHelmTemplatesDir(fileName, text, options.fileExists)) return 'helm-template';
  if (COMPOSE_NAME.test(basename(fileName))) return 'compose';
  if (looksLikeKubernetes(text, fileName)) return 'kubernetes';
  if (/^services[ \t]*:/m.test(text) && !/^apiVersion[ \t]*:/m.test(text)) return 'compose';
  return 'other';
}

/**
 * Kustomize's own file names: kustomize fills in a missing apiVersion or kind itself
 * (kustomization.yaml with only `resources:` is normal), so half an identity there is no error.
 */
const KUSTOMIZATION_NAME = /^(?:kustomization\.ya?ml|Kustomization)$/;

/**
 * Some document is a Kubernetes object: both a top-level apiVersion and kind (YAML or JSON), or half
 * of that identity with `metadata:` beside it. A document with a Kubernetes-style `kind:` (or a
 * group/version `apiVersion:`) and `metadata:` but not the other key is a manifest missing it (the API
 * server rejects it; kubeconform's missing_apiversion fixture), not "other" YAML.
 */
export function looksLikeKubernetes(text: string, fileName = ''): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
  const apiVersion = /^apiVersion[ \t]*:[ \t]*\S/m;
  const kind = /^kind[ \t]*:[ \t]*\S/m;
  if (!kind.test(text) && !apiVersion.test(text)) return false;
  const halfIdentityCounts = !KUSTOMIZATION_NAME.test(basename(fileName));
  return text.split(/^---(?=[ \t\r\n]|$)/m).some((doc) => (apiVersion.test(doc) && kind.test(doc)) || (halfIdentityCounts && isHalfIdentity(doc, apiVersion, kind)));
}

/** `kind: Deployment` + `metadata:`, or `apiVersion: apps/v1` + `metadata:`, with the other key absent. */
const KIND_VALUE = /^kind[ \t]*:[ \t]*["']?[A-Z][A-Za-z0-9]*["']?[ \t]*(?:#.*)?\r?$/m;
const API_VERSION_VALUE = /^apiVersion[ \t]*:[ \t]*["']?(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?["']?[ \t]*(?:#.*)?\r?$/m;
// A key with no value (`kind:`) counts as absent: the API server reads it so.
function isHalfIdentity(doc: string, apiVersion: RegExp, kind: RegExp): boolean {
  if (!/^metadata[ \t]*:/m.test(doc)) return false;
  return (KIND_VALUE.test(doc) && !apiVersion.test(doc)) || (API_VERSION_VALUE.test(doc) && !kind.test(doc));
}

function isInHelmTemplatesDir(fileName: string, text: string, fileExists?: (path: string) => boolean): boolean {
  const parts = fileName.split(/[\\/]/);
  const index = parts.lastIndexOf('templates');
  if (index < 0 || index === parts.length - 1) return false;
  // Without a way to look for Chart.yaml, template actions in a templates/ folder are evidence enough.
  if (!fileExists) return /\{\{-?\s*[.$a-z(\/]/.test(text);
  // templates/ may be nested (templates/sub/x.yaml); the chart root is the parent of `templates`.
  const chartRoot = parts.slice(0, index).join(sep) || '.';
  return fileExists(join(chartRoot, 'Chart.yaml'));
}
