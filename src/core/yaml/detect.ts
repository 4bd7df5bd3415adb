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
  if (looksLikeKubernetes(text)) return 'kubernetes';
  if (/^services[ \t]*:/m.test(text) && !/^apiVersion[ \t]*:/m.test(text)) return 'compose';
  return 'other';
}

/** Some document has both a top-level apiVersion and kind (YAML or JSON). */
export function looksLikeKubernetes(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
  const apiVersion = /^apiVersion[ \t]*:[ \t]*\S/gm;
  const kind = /^kind[ \t]*:[ \t]*\S/m;
  // Both keys at column 0 of the same document: check document by document only when they appear.
  // A document with a Kubernetes-style `kind:` and `metadata:` but no apiVersion is a manifest missing
  // its apiVersion (the API server rejects it; kubeconform's missing_apiversion fixture), not "other".
  const kindAndMetadata = (doc: string) => /^kind[ \t]*:[ \t]*["']?[A-Z][A-Za-z0-9]*["']?[ \t]*(?:#.*)?$/m.test(doc) && /^metadata[ \t]*:/m.test(doc);
  if (!kind.test(text)) return false;
  if (!apiVersion.test(text)) return text.split(/^---(?=[ \t\r\n]|$)/m).some(kindAndMetadata);
  return text.split(/^---(?=[ \t\r\n]|$)/m).some((doc) => (/^apiVersion[ \t]*:[ \t]*\S/m.test(doc) && kind.test(doc)) || kindAndMetadata(doc));
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
