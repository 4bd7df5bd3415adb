/** getHostByName as Helm registers it: a stub returning "" (Helm resolves names only with --enable-dns). */
import { FuncMap, goFunc } from '../gotemplate/values';

export function networkFunctions(): FuncMap {
  return { getHostByName: goFunc('getHostByName', ['string'], () => '') };
}
