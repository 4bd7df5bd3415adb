/**
 * Label keys and values the API server rejects: in `metadata.labels` (the object's and its
 * templates'), in map selectors (a Service's or ReplicationController's `spec.selector`, a pod's
 * `nodeSelector`) and in label selectors (`matchLabels`, `matchExpressions` values). Mirrors
 * apimachinery's v1validation.ValidateLabels (IsQualifiedName keys, IsValidLabelValue values) and
 * ValidateLabelSelector / ValidateLabelSelectorRequirement (In and NotIn need values, Exists and
 * DoesNotExist take none, every value a label value, as on create where
 * AllowInvalidLabelValueInSelector is false; the operator itself is a schema enum, k8s-schema's).
 * Custom resources: their labels only.
 */
import { asArray, asRecord, asString } from '../../rules/yaml-values';
import type { YamlRecord } from '../../rules/yaml-values';
import { describe, isBuiltIn, isLabelValue, isQualifiedName, isServedObject, isTemplated, metadataPaths, valueAt } from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

/** Fields of built-in kinds that hold a metav1.LabelSelector. */
const LABEL_SELECTOR_FIELDS = new Set(['selector', 'labelSelector', 'podSelector', 'namespaceSelector', 'objectSelector']);
const MAX_DEPTH = 64;

export const labelSyntax: KubernetesRule = {
  meta: {
    id: 'k8s-label-syntax',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Label keys, label values and label selectors must have the syntax the API server requires.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isServedObject(object)) return;
    for (const metadata of metadataPaths(object)) {
      const labels = asRecord(valueAt(object.value, [...metadata, 'labels']));
      if (labels) checkLabelMap(context, labels, [...metadata, 'labels'], 'Label');
    }
    // A CRD's spec is a schema, free-form; custom resources' content is their schema's business.
    if (!isBuiltIn(object) || object.kind === 'CustomResourceDefinition') return;
    walk(object, object.value, [], context, 0);
  },
};

/** Finds the selectors of a built-in object; `status` and `metadata` hold none the server validates. */
function walk(object: K8sObject, value: unknown, path: YamlPath, context: KubernetesRuleContext, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(object, item, [...path, i], context, depth + 1));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  for (const [key, child] of Object.entries(record)) {
    if (depth === 0 && (key === 'status' || key === 'metadata')) continue;
    const at = [...path, key];
    const map = asRecord(child);
    if (key === 'selector' && depth === 1 && path[0] === 'spec' && (object.kind === 'Service' || object.kind === 'ReplicationController')) {
      checkLabelMap(context, map, at, 'Selector label');
    } else if (key === 'nodeSelector' && map && map.nodeSelectorTerms === undefined) {
      checkLabelMap(context, map, at, 'Node selector label');
    } else if (LABEL_SELECTOR_FIELDS.has(key) && map) {
      checkLabelSelector(context, map, at);
    } else if (key === 'clusterRoleSelectors') {
      asArray(child).forEach((selector, i) => {
        const s = asRecord(selector);
        if (s) checkLabelSelector(context, s, [...at, i]);
      });
    } else {
      walk(object, child, at, context, depth + 1);
    }
  }
}

function checkLabelMap(context: KubernetesRuleContext, labels: YamlRecord | undefined, path: YamlPath, what: string): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isTemplated(key)) {
      const reasons = isQualifiedName(key);
      if (reasons.length) context.report({ path: [...path, key], target: 'key', message: describe(`${what} key`, key, reasons) });
    }
    if (typeof value === 'string' && !isTemplated(value)) {
      const reasons = isLabelValue(value);
      if (reasons.length) context.report({ path: [...path, key], message: describe(`${what} value`, value, reasons) });
    }
  }
}

function checkLabelSelector(context: KubernetesRuleContext, selector: YamlRecord, path: YamlPath): void {
  checkLabelMap(context, asRecord(selector.matchLabels), [...path, 'matchLabels'], 'Selector label');
  asArray(selector.matchExpressions).forEach((item, i) => {
    const requirement = asRecord(item);
    if (!requirement) return;
    const at = [...path, 'matchExpressions', i];
    const key = asString(requirement.key);
    if (key !== undefined && !isTemplated(key)) {
      const reasons = isQualifiedName(key);
      if (reasons.length) context.report({ path: [...at, 'key'], message: describe('Selector key', key, reasons) });
    }
    const operator = asString(requirement.operator);
    const values = requirement.values;
    const count = Array.isArray(values) ? values.length : 0;
    // An unknown operator (`in`) is the schema's enum to report; the values rules follow the operator.
    if (operator !== undefined) {
      if ((operator === 'In' || operator === 'NotIn') && count === 0 && (values === undefined || Array.isArray(values))) {
        context.report({ path: [...at, values === undefined ? 'operator' : 'values'], message: `Selector values must be specified when \`operator\` is 'In' or 'NotIn'.` });
      } else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
        context.report({ path: [...at, 'values'], target: 'key', message: `Selector values may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'.` });
      }
    }
    asArray(values).forEach((value, j) => {
      if (typeof value !== 'string' || isTemplated(value)) return;
      const reasons = isLabelValue(value);
      if (reasons.length) context.report({ path: [...at, 'values', j], message: describe('Selector value', value, reasons) });
    });
  });
}
