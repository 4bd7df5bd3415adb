/** A compose file's services as the tree shows them, read from the shared compose model. */
import { namedEntries, readComposeProject } from '../../compose/model';
import { asArray, asRecord, asScalarText, asString } from '../../rules/yaml-values';
import { nodeAtPath, nodeOffsets } from '../../yaml/parse';
import type { ParsedYamlFile } from '../../yaml/parse';
import type { ComposeFileEntry, ComposeServiceEntry, SourceSpan } from './types';

export function readCompose(path: string, file: ParsedYamlFile): ComposeFileEntry | undefined {
  const project = readComposeProject(file);
  if (!project) return undefined;
  const document = file.documents[project.docIndex];
  const whole = file.lines.rangeOf(0, file.text.length);
  const services = project.services.map((service): ComposeServiceEntry => {
    const { node, keyNode } = nodeAtPath(document, service.path);
    const start = nodeOffsets(document, keyNode ?? node)?.[0] ?? document.startOffset;
    // A block value's range ends after its last newline: the span ends on the line before.
    const rawEnd = nodeOffsets(document, node)?.[1] ?? start;
    const end = rawEnd > start && file.text[rawEnd - 1] === '\n' ? rawEnd - 1 : rawEnd;
    const range = file.lines.rangeOf(start, end);
    const at: SourceSpan = { path, line: range.start.line, character: range.start.character, endLine: range.end.line };
    const v = service.value;
    return {
      name: service.name,
      image: asString(v.image),
      build: buildOf(v.build),
      buildDockerfile: dockerfileOf(path, v.build),
      ports: asArray(v.ports).flatMap((p) => portText(p) ?? []),
      networks: namedEntries(v.networks).map((n) => n.name),
      dependsOn: namedEntries(v.depends_on).map((n) => n.name),
      volumes: asArray(v.volumes).flatMap((m) => volumeText(m) ?? []),
      at,
    };
  });
  return { path, services, at: { path, line: 0, character: 0, endLine: whole.end.line } };
}

/** `build: ./api`, or `build: {context: ./api, dockerfile: Dockerfile.prod}` → `./api (Dockerfile.prod)`. */
function buildOf(build: unknown): string | undefined {
  if (typeof build === 'string') return build;
  const record = asRecord(build);
  if (!record) return undefined;
  const context = asString(record.context) ?? '.';
  const dockerfile = asString(record.dockerfile);
  return dockerfile ? `${context} (${dockerfile})` : context;
}

/** `<compose folder>/<context>/<dockerfile or Dockerfile>`; undefined for a remote context or inline Dockerfile. */
function dockerfileOf(composePath: string, build: unknown): string | undefined {
  const record = asRecord(build);
  const context = typeof build === 'string' ? build : (asString(record?.context) ?? '.');
  if (build === undefined || context.includes('://') || record?.dockerfile_inline !== undefined) return undefined;
  const dockerfile = asString(record?.dockerfile) ?? 'Dockerfile';
  const folder = composePath.slice(0, composePath.lastIndexOf('/'));
  const base = context.startsWith('/') ? context : `${folder}/${context}`;
  return normalize(dockerfile.startsWith('/') ? dockerfile : `${base}/${dockerfile}`);
}

/** Resolves `.` and `..` segments of a `/`-separated path. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 1) parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Short syntax as written; long syntax as `published:target/protocol`. */
function portText(port: unknown): string | undefined {
  const short = asScalarText(port);
  if (short !== undefined) return short;
  const record = asRecord(port);
  const target = asScalarText(record?.target);
  if (!record || target === undefined) return undefined;
  const published = asScalarText(record.published);
  const protocol = asString(record.protocol);
  return `${published !== undefined ? `${published}:` : ''}${target}${protocol ? `/${protocol}` : ''}`;
}

function volumeText(mount: unknown): string | undefined {
  if (typeof mount === 'string') return mount;
  const record = asRecord(mount);
  const target = asString(record?.target);
  if (!record || !target) return undefined;
  const source = asString(record.source);
  return source ? `${source}:${target}` : target;
}
