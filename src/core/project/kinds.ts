/**
 * The one answer to "what kind of file is this", for the CLI, the server and the tree: by name first
 * (Dockerfiles, Chart.yaml, chart templates, config files), then by content for YAML (manifest, Compose
 * file or neither). A `# shipshape: kind=` modeline and the user's compose globs win over detection.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { detectYamlKind, looksLikeKubernetes } from '../yaml/detect';
import { isDockerfileName, isYamlName } from '../workspace/file-kinds';

export type FileKind =
  | 'dockerfile'
  | 'kubernetes'
  | 'compose'
  /** A file under a chart's templates/ folder: checked through the rendered chart, never as YAML. */
  | 'helm-template'
  /** A chart's Chart.yaml: render errors and findings with no template line land here. */
  | 'chart'
  /** `values*.yaml` beside a Chart.yaml: the chart's values (keys no template reads are hinted). */
  | 'helm-values'
  /** `.shipshape.yaml`, `.hadolint.yaml`, `.dockerignore`: read by the checks of other files. */
  | 'config'
  | 'other';

export const CONFIG_NAMES = new Set(['.shipshape.yaml', '.shipshape.yml', '.hadolint.yaml', '.hadolint.yml']);

export interface KindContext {
  /** The user's compose globs matched this path (`shipshape.composeFiles`). */
  composeGlob?: boolean;
  fileExists?: (path: string) => boolean;
  /**
   * Named on the command line (pre-commit and `git diff --name-only` pass every changed file): a name
   * we do not know is then a Dockerfile if its content is one (`Dockerfile-dev`, `build/app.docker`),
   * and otherwise left alone, never linted as a Dockerfile for not being YAML (README.md).
   */
  named?: boolean;
}

/** Whether a file found while walking a folder may be ours, by its name alone (content decides the rest). */
export function isCandidateName(path: string): boolean {
  const base = basename(path);
  if (/\.dockerignore$/i.test(base)) return base === '.dockerignore' || isDockerfileName(base.replace(/\.dockerignore$/i, ''));
  return isDockerfileName(base) || isYamlName(base) || /\.json$/i.test(base) || CONFIG_NAMES.has(base) || chartDirOfTemplate(path) !== undefined;
}

export function fileKindOf(path: string, text: string, context: KindContext = {}): FileKind {
  const fileExists = context.fileExists ?? existsSync;
  const base = basename(path);
  if (CONFIG_NAMES.has(base) || /\.dockerignore$/i.test(base)) return 'config';
  if (isDockerfileName(base)) return 'dockerfile';
  if (base === 'Chart.yaml' && !isYamlTemplatePath(path)) return 'chart';
  if (chartDirOfTemplate(path, fileExists) !== undefined) return 'helm-template';
  if (/^values.*\.ya?ml$/i.test(base) && fileExists(join(dirname(path), 'Chart.yaml'))) return 'helm-values';
  // chart-testing's ci/*.yaml: values files `ct lint` and `ct install` render the chart with.
  if (isYamlName(base) && basename(dirname(path)) === 'ci' && fileExists(join(dirname(dirname(path)), 'Chart.yaml'))) return 'helm-values';
  // A JSON manifest (`kubectl apply -f x.json`): an object with apiVersion and kind at its top level.
  if (/\.json$/i.test(base)) return /^\s*[{[]/.test(text) && looksLikeKubernetes(text) ? 'kubernetes' : 'other';
  if (!isYamlName(base) && !context.composeGlob) return context.named && looksLikeDockerfile(text) ? 'dockerfile' : 'other';
  const kind = detectYamlKind(text, path, { fileExists });
  if (context.composeGlob && kind !== 'helm-template' && !/^[ \t]*#[ \t]*shipshape:[ \t]*kind=/m.test(text.slice(0, 4096))) return 'compose';
  return kind === 'kubernetes' || kind === 'compose' || kind === 'helm-template' ? kind : 'other';
}

const INSTRUCTION = /^(?:FROM|ARG|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(?:[ \t]|$)/i;

/**
 * A Dockerfile by content: its first line that is not blank or a comment (parser directives are
 * comments) is an instruction, and some line is a FROM. Prose, Markdown and scripts fail the first
 * test on their first line; a stray instruction word without a FROM fails the second.
 */
export function looksLikeDockerfile(text: string): boolean {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const first = /^[ \t]*([^\s#].*)$/m.exec(head)?.[1];
  return first !== undefined && INSTRUCTION.test(first) && /^[ \t]*FROM[ \t]+\S/im.test(head);
}

/** `<chart>/templates/**` → `<chart>` when `<chart>/Chart.yaml` exists; undefined otherwise. */
export function chartDirOfTemplate(path: string, fileExists: (path: string) => boolean = existsSync): string | undefined {
  const parts = path.split(/[\\/]/);
  const index = parts.lastIndexOf('templates');
  if (index <= 0 || index === parts.length - 1) return undefined;
  const chartDir = parts.slice(0, index).join(sep) || sep;
  return fileExists(join(chartDir, 'Chart.yaml')) ? chartDir : undefined;
}

/** A Chart.yaml inside a templates/ folder is a template that happens to have that name. */
function isYamlTemplatePath(path: string): boolean {
  return basename(dirname(path)) === 'templates';
}

/** A chart under another chart's charts/ folder is rendered as part of its parent. */
export function isSubchartDir(chartDir: string, fileExists: (path: string) => boolean = existsSync): boolean {
  return basename(dirname(chartDir)) === 'charts' && fileExists(join(dirname(dirname(chartDir)), 'Chart.yaml'));
}
