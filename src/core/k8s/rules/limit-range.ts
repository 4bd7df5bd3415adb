/**
 * LimitRanges the API server rejects. Mirrors kubernetes/pkg/apis/core/validation.ValidateLimitRange:
 * each limit's type is a qualified name, unprefixed one of Pod, Container, PersistentVolumeClaim,
 * and appears once; resource names are container resources for Pod and Container limits and
 * standard resources otherwise; a Pod limit may not set default or defaultRequest; a
 * PersistentVolumeClaim limit needs a min or max storage; per resource, min <= defaultRequest <=
 * default <= max (and min <= max), maxLimitRequestRatio at least 1, and for resources that cannot
 * be overcommitted (extended resources, hugepages) default equal to defaultRequest. Quantities
 * compare exactly, and maxLimitRequestRatio may not exceed max/min (computed there on values rounded
 * up to thousandths, or to whole numbers when they are huge, as Quantity.MilliValue/Value do).
 */
import { asArray, asRecord } from '../../rules/yaml-values';
import { apiGroupOf, describe, isBuiltIn, isQualifiedName, isTemplated } from '../api-validation';
import type { YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';
import { parseExactQuantity } from './resource-quantity';
import { compareQuantities, containerResourceNameErrors, overcommitAllowed, resourceNameErrors, type Exact } from './resource-names';

const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);
const GROUPS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;
type Group = (typeof GROUPS)[number];

export const limitRange: KubernetesRule = {
  meta: {
    id: 'k8s-limit-range',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'A LimitRange’s limits must use valid types and resource names, and keep min <= defaultRequest <= default <= max.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object) || object.kind !== 'LimitRange' || apiGroupOf(object.apiVersion) !== '') return;
    const types = new Set<string>();
    asArray(asRecord(object.value.spec)?.limits).forEach((item, i) => {
      const limit = asRecord(item);
      if (!limit) return;
      const at: YamlPath = ['spec', 'limits', i];
      const type = typeof limit.type === 'string' ? limit.type : undefined;
      if (type !== undefined && !isTemplated(type)) {
        const reasons = isQualifiedName(type);
        if (!reasons.length && !type.includes('/') && !LIMIT_TYPES.has(type)) reasons.push('must be a standard limit type (Pod, Container, PersistentVolumeClaim) or fully qualified');
        if (reasons.length) context.report({ path: [...at, 'type'], message: describe('Limit type', type, reasons) });
        else if (types.has(type)) context.report({ path: [...at, 'type'], message: `Limit type "${type}" is a duplicate: each type may have one limit.` });
        types.add(type);
      }
      checkLimit(context, limit, at, type);
    });
  },
};

function checkLimit(context: KubernetesRuleContext, limit: Record<string, unknown>, at: YamlPath, type: string | undefined): void {
  const values: Record<Group, Map<string, { value: unknown; quantity: Exact }>> = { max: new Map(), min: new Map(), default: new Map(), defaultRequest: new Map(), maxLimitRequestRatio: new Map() };
  const containerNames = type === 'Pod' || type === 'Container';
  for (const group of GROUPS) {
    const list = asRecord(limit[group]);
    if (!list) continue;
    if (type === 'Pod' && (group === 'default' || group === 'defaultRequest')) {
      if (Object.keys(list).length > 0) context.report({ path: [...at, group], target: 'key', message: `${group} may not be specified when \`type\` is 'Pod'.` });
      continue;
    }
    for (const [name, value] of Object.entries(list)) {
      if (isTemplated(name) || (typeof value === 'string' && isTemplated(value))) continue;
      const reasons = containerNames ? containerResourceNameErrors(name) : resourceNameErrors(name);
      if (reasons.length) context.report({ path: [...at, group, name], target: 'key', message: describe('Resource name', name, reasons) });
      const quantity = parseExactQuantity(value);
      if (quantity) values[group].set(name, { value, quantity });
    }
  }
  if (type === 'PersistentVolumeClaim' && !('storage' in (asRecord(limit.min) ?? {})) && !('storage' in (asRecord(limit.max) ?? {}))) {
    context.report({ path: at, target: 'key', message: 'A PersistentVolumeClaim limit needs a min or max storage value: neither was provided.' });
  }
  const names = new Set(GROUPS.flatMap((g) => [...values[g].keys()]));
  const one = parseExactQuantity(1)!;
  for (const name of names) {
    const get = (g: Group) => values[g].get(name);
    const [min, max, def, request, ratio] = [get('min'), get('max'), get('default'), get('defaultRequest'), get('maxLimitRequestRatio')];
    const greater = (a: typeof min, b: typeof min) => a !== undefined && b !== undefined && compareQuantities(a.quantity, b.quantity) > 0;
    const report = (group: Group, message: string) => context.report({ path: [...at, group, name], message: `${name}: ${message}.` });
    if (greater(min, max)) report('min', `min value ${String(min!.value)} is greater than max value ${String(max!.value)}`);
    if (greater(min, request)) report('defaultRequest', `min value ${String(min!.value)} is greater than default request value ${String(request!.value)}`);
    if (greater(request, max)) report('defaultRequest', `default request value ${String(request!.value)} is greater than max value ${String(max!.value)}`);
    if (greater(request, def)) report('defaultRequest', `default request value ${String(request!.value)} is greater than default limit value ${String(def!.value)}`);
    if (greater(min, def)) report('default', `min value ${String(min!.value)} is greater than default value ${String(def!.value)}`);
    if (greater(def, max)) report('default', `default value ${String(def!.value)} is greater than max value ${String(max!.value)}`);
    if (ratio && compareQuantities(ratio.quantity, one) < 0) report('maxLimitRequestRatio', `ratio ${String(ratio.value)} is less than 1`);
    if (ratio && min && max && ratioAboveBound(ratio.quantity, min.quantity, max.quantity)) {
      report('maxLimitRequestRatio', `ratio ${String(ratio.value)} is greater than max/min (${String(max.value)}/${String(min.value)})`);
    }
    if (!overcommitAllowed(name) && def && request && compareQuantities(def.quantity, request.quantity) !== 0) {
      report('defaultRequest', `default value ${String(def.value)} must equal the defaultRequest value ${String(request.value)} (${name} cannot be overcommitted)`);
    }
  }
}

const MAX_MILLI_VALUE = (2n ** 63n - 1n) / 1000n;

/** Quantity.Value() (scale 0) or MilliValue() (scale 3): rounded up. */
function scaled(q: Exact, scale: bigint): bigint {
  const n = q.num * scale;
  const whole = n / q.den;
  return n % q.den > 0n ? whole + 1n : whole;
}

/** ValidateLimitRange's `maxRatioValue > max/min`, in exact arithmetic on the same rounded values. */
function ratioAboveBound(ratio: Exact, min: Exact, max: Exact): boolean {
  const small = [ratio, min, max].every((q) => scaled(q, 1n) < MAX_MILLI_VALUE);
  const scale = small ? 1000n : 1n;
  const [r, lo, hi] = [scaled(ratio, scale), scaled(min, scale), scaled(max, scale)];
  // ratio (r / scale) > hi / lo; with lo = 0 the bound is infinite (or NaN for 0/0): never exceeded.
  if (lo <= 0n) return false;
  return r * lo > hi * scale;
}
