/**
 * Two objects with the same kind, namespace and name: the second `kubectl apply` silently
 * overwrites the first. Compared within one folder, because separate folders are usually separate
 * environments or examples (`overlays/staging`, `overlays/prod`) that are never applied together.
 */
import { rangeOfPath } from '../../yaml/parse';
import type { KubernetesRule } from '../rule';

export const duplicateObject: KubernetesRule = {
  meta: {
    id: 'k8s-duplicate-object',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Objects of the same kind, namespace and name must be defined only once.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!object.name) return;
    const others = context.workspace.duplicatesOf(object).filter((o) => o !== object);
    if (others.length === 0) return;
    const shown = 3;
    const where = others.slice(0, shown).map((o) => {
      const line = rangeOfPath(o.file, o.docIndex, [...o.path, 'metadata', 'name']).start.line + 1;
      return o.fileName === object.fileName ? `line ${line}` : `${o.fileName.slice(o.fileName.lastIndexOf('/') + 1)}:${line}`;
    });
    context.report({
      path: ['metadata', 'name'],
      message: `${object.kind} "${object.name}" is also defined at ${where.join(', ')}${others.length > shown ? ` and ${others.length - shown} more places` : ''}; the last one applied wins.`,
    });
  },
};
