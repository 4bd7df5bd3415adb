import { FuncMap } from '../gotemplate/values';

export function certificateFunctions(): FuncMap {
  return {};
}
