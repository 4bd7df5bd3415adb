/**
 * Container resources the API server rejects: a request above its limit, an unknown resource
 * name (`cpus`, `storage`), a negative quantity, and for extended resources (`nvidia.com/gpu`)
 * and hugepages, which cannot be overcommitted, a request without a limit or different from it.
 * Mirrors kubernetes/pkg/apis/core/validation.ValidateResourceRequirements with
 * validateContainerResourceName, ValidateResourceQuantityValue (non-negative; integer for extended
 * resources), validateResourceQuantityHugePageValue (whole pages) and helper.IsOvercommitAllowed. The quantity grammar itself is the schema's
 * (k8s-schema reports `1.5.3`); quantities are compared exactly, so `500m` equals `0.5`.
 */
import { asRecord } from '../../rules/yaml-values';
import { describe, isBuiltIn, isQualifiedName, isTemplated } from '../api-validation';
import type { YamlPath } from '../model';
import { containersOf } from '../pod-spec';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** A quantity as an exact fraction. */
interface Exact {
  num: bigint;
  den: bigint;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** resource.ParseQuantity's grammar, exactly (no floating point): undefined when it does not parse. */
export function parseExactQuantity(value: unknown): Exact | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value : '';
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const [, sign, whole, fraction = '', suffix, exponent] = match;
  let num = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let power = -fraction.length;
  if (exponent !== undefined) {
    if (Math.abs(Number(exponent)) > 1000) return undefined; // beyond any quantity the server keeps
    power += Number(exponent);
  } else if (suffix !== undefined && suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix]);
  else power += DECIMAL[suffix ?? ''];
  return power >= 0 ? { num: num * 10n ** BigInt(power), den: 1n } : { num, den: 10n ** BigInt(-power) };
}

/** Quantity.Value(): rounded up to a whole number. */
function ceil(q: Exact): bigint {
  const whole = q.num / q.den;
  return q.num % q.den > 0n ? whole + 1n : whole;
}

function compare(a: Exact, b: Exact): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** helper.IsNativeResource: unprefixed, or in the kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsExtendedResourceName */
function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
}

/** helper.IsOvercommitAllowed: requests may differ from limits for native resources other than hugepages. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** validateContainerResourceName */
function resourceNameErrors(name: string): string[] {
  const errors = isQualifiedName(name);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) errors.push('must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or an extended resource such as example.com/gpu');
  } else if (!isNative(name) && !isExtended(name)) {
    errors.push("doesn't follow extended resource name standard");
  }
  return errors;
}

export const resourceQuantity: KubernetesRule = {
  meta: {
    id: 'k8s-resource-quantity',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Container resource requests must not exceed their limits, and resource names and quantities must be ones the API server accepts.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object)) return;
    for (const ref of containersOf(object)) {
      if (ref.kind === 'ephemeral') continue; // ephemeral containers may not set resources at all
      const resources = asRecord(ref.container.resources);
      if (!resources) continue;
      const base = [...ref.path, 'resources'];
      const limits = asRecord(resources.limits) ?? {};
      const requests = asRecord(resources.requests) ?? {};
      const parsedLimits = new Map<string, Exact>();
      for (const [group, list] of [['limits', limits], ['requests', requests]] as const) {
        for (const [name, value] of Object.entries(list)) {
          if (isTemplated(name) || (typeof value === 'string' && isTemplated(value))) continue;
          const at = [...base, group, name];
          const nameErrors = resourceNameErrors(name);
          if (nameErrors.length) context.report({ path: at, target: 'key', message: describe('Resource name', name, nameErrors) });
          const quantity = parseExactQuantity(value);
          if (!quantity) continue; // not a quantity: k8s-schema says so
          if (quantity.num < 0n) context.report({ path: at, message: `${group}.${name} ${String(value)} must be greater than or equal to 0.` });
          else if (isExtended(name) && quantity.num % quantity.den !== 0n) context.report({ path: at, message: `${group}.${name} ${String(value)} must be an integer.` });
          const page = name.startsWith('hugepages-') ? parseExactQuantity(name.slice('hugepages-'.length)) : undefined;
          if (page && page.num > 0n && quantity.num >= 0n && ceil(quantity) % ceil(page) !== 0n) {
            context.report({ path: at, message: `${group}.${name} ${String(value)} is not a positive integer multiple of ${name.slice('hugepages-'.length)}, the page size.` });
          }
          if (group === 'limits') parsedLimits.set(name, quantity);
          else checkAgainstLimit(context, at, name, value, quantity, limits[name], parsedLimits.get(name));
        }
      }
      const names = [...Object.keys(limits), ...Object.keys(requests)];
      if (names.some((n) => n.startsWith('hugepages-')) && !names.some((n) => n === 'cpu' || n === 'memory')) {
        context.report({ path: base, target: 'key', message: 'HugePages require cpu or memory: set a cpu or memory request or limit beside them.' });
      }
    }
  },
};

function checkAgainstLimit(context: KubernetesRuleContext, at: YamlPath, name: string, value: unknown, request: Exact, limitValue: unknown, limit: Exact | undefined): void {
  if (limitValue === undefined) {
    if (!overcommitAllowed(name)) context.report({ path: at, target: 'key', message: `requests.${name} needs limits.${name}: a limit must be set for resources that cannot be overcommitted, equal to the request.` });
    return;
  }
  if (!limit) return;
  const order = compare(request, limit);
  if (order !== 0 && !overcommitAllowed(name)) {
    context.report({ path: at, message: `requests.${name} ${String(value)} must be equal to ${name} limit of ${String(limitValue)} (it cannot be overcommitted).` });
  } else if (order > 0) {
    context.report({ path: at, message: `requests.${name} ${String(value)} must be less than or equal to ${name} limit of ${String(limitValue)}.` });
  }
}
