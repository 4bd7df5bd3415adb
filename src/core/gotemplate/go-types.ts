/**
 * Go types at the boundary between templates and functions: the names Go prints for parameter types,
 * which values a parameter accepts, and JavaScript prototype functions seen as Go methods.
 */
import { goTypeName } from './fmt';
import { isPlainMap } from './builtins';
import { GoFunction, GoParamType, GoStruct, GoValue } from './values';

/** A GoParamType, or 'value': Go's reflect.Value parameters of builtins, which see missing values as such. */
export type ParamType = GoParamType | 'value';

export const PARAM_TYPE_NAMES: Record<ParamType, string> = {
  any: 'interface {}',
  value: 'reflect.Value',
  string: 'string',
  int: 'int',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  slice: '[]interface {}',
  map: 'map[string]interface {}',
  bytes: '[]uint8',
};

/** A method found on a struct or map value: a prototype function, optionally annotated with Go types. */
interface MethodFunction {
  (...args: GoValue[]): GoValue;
  goParams?: GoParamType[];
  goVariadic?: GoParamType;
}

const methodCache = new WeakMap<MethodFunction, GoFunction>();

/** Prototypes whose functions are JavaScript's, not Go methods (a slice has no `map` method in Go). */
const NON_GO_PROTOTYPES = new Set<object>([
  Object.prototype,
  Array.prototype,
  GoStruct.prototype,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
]);

/** A method of a struct, or of a map or slice subclass (Helm's Files, VersionSet): a prototype function. */
export function findMethod(receiver: object, name: string): MethodFunction | undefined {
  for (let proto = Object.getPrototypeOf(receiver); proto && !NON_GO_PROTOTYPES.has(proto); proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d && typeof d.value === 'function' && name !== 'constructor') return d.value as MethodFunction;
  }
  return undefined;
}

export function methodAsFunction(name: string, method: MethodFunction): GoFunction {
  let fn = methodCache.get(method);
  if (!fn) {
    const params = method.goParams ?? new Array<GoParamType>(method.length).fill('any');
    fn = { name, params, variadic: method.goVariadic, call: method };
    methodCache.set(method, fn);
  }
  return fn;
}

/** Go's parameter type; builtins taking reflect.Value see missing values as such ('value'). */
export function paramType(t: GoParamType, raw: boolean): ParamType {
  return raw && t === 'any' ? 'value' : t;
}

/**
 * The receiver's static type as Go names it in errors: interface {} for map and slice elements (and
 * for a nil whose declared type the value model does not know).
 */
export function staticTypeName(receiver: GoValue, iface: boolean): string {
  return iface || receiver === null || receiver === undefined ? 'interface {}' : goTypeName(receiver);
}

export function assignable(v: GoValue, type: ParamType): boolean {
  switch (type) {
    case 'any':
    case 'value':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'int':
    case 'int64':
      return typeof v === 'bigint';
    case 'float64':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    case 'slice':
      return Array.isArray(v);
    case 'map':
      return isPlainMap(v);
    case 'bytes':
      return v instanceof Uint8Array;
  }
}
