/** Generates the shipped schema set once per test process into a temp folder (about a second). */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { generateComposeSchema, generateKubernetesSchemas } from '../../../src/core/schemas/generate';
import { sharedPath } from '../shared-data';

let dir: string | undefined;

export function testSchemaDir(): string {
  if (dir) return dir;
  dir = mkdtempSync(join(tmpdir(), 'shipshape-schemas-'));
  for (const name of readdirSync(sharedPath('schemas/kubernetes')).filter((n) => /^v1\.3[1-4]/.test(n))) {
    const swagger = sharedPath('schemas/kubernetes', name, 'openapi-v2/swagger.json');
    generateKubernetesSchemas(readFileSync(swagger, 'utf8'), name, dir, swagger);
  }
  generateComposeSchema(sharedPath('schemas/compose/compose-go/compose-spec.json'), dir);
  return dir;
}
