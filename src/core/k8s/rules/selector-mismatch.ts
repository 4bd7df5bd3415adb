/**
 * A workload's selector must match its own pod template's labels; the API server rejects the object
 * otherwise ("selector does not match template labels"), which this catches before `kubectl apply`.
 */
import { asArray, asRecord, asString, asStringMap, dig } from '../../rules/yaml-values';
import type { KubernetesRule } from '../rule';
import type { YamlPath } from '../model';

const WITH_LABEL_SELECTOR = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export const selectorMismatch: KubernetesRule = {
  meta: {
    id: 'k8s-selector-mismatch',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: "A workload's selector must match the labels of its pod template.",
    practice: 'correctness',
  },
  check(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    const labels = template.labels;
    if (object.kind === 'ReplicationController') {
      const selector = asRecord(dig(object.value, 'spec', 'selector'));
      for (const [key, value] of Object.entries(asStringMap(selector))) {
        if (labels[key] !== value) context.report(mismatch(['spec', 'selector', key], key, value, labels));
      }
      return;
    }
    // Jobs generate their selector unless `manualSelector: true`.
    if (!WITH_LABEL_SELECTOR.has(object.kind) || (object.kind === 'Job' && dig(object.value, 'spec', 'manualSelector') !== true)) return;
    const selector = asRecord(dig(object.value, 'spec', 'selector'));
    if (!selector) return;
    for (const [key, value] of Object.entries(asStringMap(selector.matchLabels))) {
      if (labels[key] !== value) context.report(mismatch(['spec', 'selector', 'matchLabels', key], key, value, labels));
    }
    asArray(selector.matchExpressions).forEach((item, i) => {
      const expression = asRecord(item);
      const key = asString(expression?.key);
      if (!expression || !key) return;
      const values = asArray(expression.values).map(String);
      const has = key in labels;
      const matches: Record<string, boolean> = {
        In: has && values.includes(labels[key]),
        NotIn: !has || !values.includes(labels[key]),
        Exists: has,
        DoesNotExist: !has,
      };
      const operator = asString(expression.operator) ?? '';
      if (operator in matches && !matches[operator]) {
        context.report({
          path: ['spec', 'selector', 'matchExpressions', i],
          message: `Selector expression \`${key} ${operator}\` does not match the pod template's labels.`,
        });
      }
    });
  },
};

function mismatch(path: YamlPath, key: string, value: string, labels: Record<string, string>) {
  const actual = key in labels ? `is "${labels[key]}"` : 'is missing';
  return { path, message: `Selector \`${key}: ${value}\` does not match the pod template, where \`${key}\` ${actual}.` };
}
