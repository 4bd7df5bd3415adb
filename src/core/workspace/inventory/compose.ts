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
