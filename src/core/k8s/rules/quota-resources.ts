/**
 * ResourceQuota limits the API server rejects: every key of spec.hard must be a resource quota can
 * count (a qualified name; unprefixed, a standard quota resource such as `requests.cpu`, `pods` or
 * `requests.storage`: `storage` and `cpus` are rejected) and every value a non-negative quantity,
 * whole for object counts (`pods: 2.5`) and extended resources. Mirrors
 * kubernetes/pkg/apis/core/validation.ValidateResourceQuotaSpec (ValidateResourceQuotaResourceName,
 * ValidateResourceQuantityValue). A value that does not parse is the schema's.
 */
import { asRecord } from '../../rules/yaml-values';
import { apiGroupOf, describe, isBuiltIn, isTemplated } from '../api-validation';
import type { KubernetesRule } from '../rule';
import { parseExactQuantity } from './resource-quantity';
import { quantityValueErrors, quotaResourceNameErrors } from './resource-names';

export const quotaResources: KubernetesRule = {
  meta: {
    id: 'k8s-quota-resources',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'A ResourceQuota’s hard limits must name resources quota can count, with non-negative (and, for counts, whole) quantities.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object) || object.kind !== 'ResourceQuota' || apiGroupOf(object.apiVersion) !== '') return;
    const hard = asRecord(asRecord(object.value.spec)?.hard);
    if (!hard) return;
    for (const [name, value] of Object.entries(hard)) {
      if (isTemplated(name) || (typeof value === 'string' && isTemplated(value))) continue;
      const at = ['spec', 'hard', name];
      const nameErrors = quotaResourceNameErrors(name);
      if (nameErrors.length) context.report({ path: at, target: 'key', message: describe('Quota resource', name, nameErrors) });
      const quantity = parseExactQuantity(value);
      if (!quantity) continue;
      const valueErrors = quantityValueErrors(name, quantity);
      if (valueErrors.length) context.report({ path: at, message: `hard.${name} ${String(value)} ${valueErrors.join('; ')}.` });
    }
  },
};
