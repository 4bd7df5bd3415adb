/** uuidv4: a random RFC 4122 version-4 UUID (google/uuid's NewString in Sprig). */
import { randomUUID } from 'node:crypto';
import { FuncMap, goFunc } from '../gotemplate/values';

export function uuidFunctions(): FuncMap {
  return { uuidv4: goFunc('uuidv4', [], () => randomUUID()) };
}
