/**
 * The resource-name and quantity checks shared by the ResourceQuota and LimitRange rules, after
 * kubernetes/pkg/apis/core/helper (standardResources, standardQuotaResources,
 * standardContainerResources, integerResources, IsNativeResource, IsExtendedResourceName) and
 * core/validation (validateResourceName, validateContainerResourceName,
 * ValidateResourceQuotaResourceName, ValidateResourceQuantityValue). Not a rule itself.
 */
import { isQualifiedName } from '../api-validation';
import { parseExactQuantity } from './resource-quantity';

export type Exact = NonNullable<ReturnType<typeof parseExactQuantity>>;

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const NOT_QUOTA = new Set(['storage']);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER_RESOURCES = new Set(['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

/** helper.IsQuotaHugePageResourceName */
function isQuotaHugePages(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

/** helper.IsNativeResource: unprefixed, or in the kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsExtendedResourceName */
export function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
}

/** helper.IsOvercommitAllowed */
export function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** validateResourceName: a qualified name; unprefixed, a standard resource. */
export function resourceNameErrors(name: string): string[] {
  const errors = isQualifiedName(name);
  if (errors.length) return errors;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isQuotaHugePages(name)) return ['must be a standard resource type or fully qualified'];
  return [];
}

/** ValidateResourceQuotaResourceName */
export function quotaResourceNameErrors(name: string): string[] {
  const errors = resourceNameErrors(name);
  if (errors.length) return errors;
  if (!name.includes('/') && NOT_QUOTA.has(name)) return ['must be a standard resource for quota (e.g. requests.storage, not storage)'];
  return [];
}

/** validateContainerResourceName */
export function containerResourceNameErrors(name: string): string[] {
  const errors = resourceNameErrors(name);
  if (errors.length) return errors;
  if (!name.includes('/')) {
    if (!CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) return ['must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>)'];
  } else if (!isNative(name) && !isExtended(name)) return ["doesn't follow extended resource name standard"];
  return [];
}

/** ValidateResourceQuantityValue: non-negative; whole for count and extended resources. */
export function quantityValueErrors(name: string, quantity: Exact): string[] {
  if (quantity.num < 0n) return ['must be greater than or equal to 0'];
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && quantity.num % quantity.den !== 0n) return ['must be an integer'];
  return [];
}

/** Quantity.Cmp, exactly. */
export function compareQuantities(a: Exact, b: Exact): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}
