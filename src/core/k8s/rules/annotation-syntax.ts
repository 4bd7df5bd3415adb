/**
 * Annotation keys the API server rejects, and annotations too large to store. Mirrors
 * apimachinery's api/validation.ValidateAnnotations: each key IsQualifiedName once lower-cased
 * (annotation keys may use capitals, even in the prefix), and ValidateAnnotationsSize: keys and
 * values together at most TotalAnnotationSizeLimitB (256 KiB, counted in bytes). Applies to the
 * object's metadata and, for built-in kinds, to the templates it carries.
 */
import { asRecord } from '../../rules/yaml-values';
import { describe, isQualifiedName, isServedObject, isTemplated, metadataPaths, valueAt } from '../api-validation';
import type { YamlPath } from '../model';
import type { KubernetesRule } from '../rule';

const TOTAL_SIZE_LIMIT = 256 * 1024;

export const annotationSyntax: KubernetesRule = {
  meta: {
    id: 'k8s-annotation-syntax',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Annotation keys must have the syntax the API server requires, and all annotations together at most 256 KiB.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isServedObject(object)) return;
    for (const metadata of metadataPaths(object)) {
      const annotations = asRecord(valueAt(object.value, [...metadata, 'annotations']));
      if (!annotations) continue;
      const path: YamlPath = [...metadata, 'annotations'];
      let size = 0;
      for (const [key, value] of Object.entries(annotations)) {
        size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
        if (isTemplated(key)) continue;
        const reasons = isQualifiedName(key.toLowerCase());
        if (reasons.length) context.report({ path: [...path, key], target: 'key', message: describe('Annotation key', key, reasons) });
      }
      if (size > TOTAL_SIZE_LIMIT) {
        context.report({ path, target: 'key', message: `Annotations total ${size} bytes: must have at most ${TOTAL_SIZE_LIMIT} bytes (256 KiB), keys and values together.` });
      }
    }
  },
};
