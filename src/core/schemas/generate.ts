/**
 * Writes the schema set the extension ships (`schemas/generated/`), in the layout `store.ts` reads:
 *   kubernetes/v<minor>/index.json        apiVersion/kind → definition (small: read on first use)
 *   kubernetes/v<minor>/definitions.json  all definitions, `$ref`-shared; compiled lazily per kind
 *   compose/compose-spec.json             the schema docker compose enforces (compose-go's copy)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertSwagger, normalizeKubernetesVersion, type KubernetesSchemaSet } from './openapi';
import { sourceHash } from './compiled/load';

export const DEFINITIONS_ID = 'shipshape:kubernetes/definitions.json';

export interface KubernetesIndexFile {
  version: string;
  source: string;
  kinds: KubernetesSchemaSet['kinds'];
  /** `sourceHash` of definitions.json beside it: the precompiled validators are checked against it without reading that 1.2 MB file. */
  definitionsHash?: string;
}

export function generateKubernetesSchemas(swaggerText: string, version: string, outDir: string, source: string): KubernetesSchemaSet {
  const minor = normalizeKubernetesVersion(version);
  if (!minor) throw new Error(`not a Kubernetes version: "${version}" (expected e.g. 1.34 or v1.34.0)`);
  let swagger: unknown;
  try {
    swagger = JSON.parse(swaggerText);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  const set = convertSwagger(swagger, minor);
  const dir = join(outDir, 'kubernetes', `v${minor}`);
  mkdirSync(dir, { recursive: true });
  const definitions = JSON.stringify({ $id: DEFINITIONS_ID, definitions: set.definitions });
  const index: KubernetesIndexFile = { version: minor, source, kinds: set.kinds, definitionsHash: sourceHash(definitions) };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'definitions.json'), definitions);
  return set;
}

export function generateComposeSchema(schemaPath: string, outDir: string): void {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  if (typeof schema.properties !== 'object') throw new Error(`${schemaPath}: not a Compose schema (no "properties")`);
  const dir = join(outDir, 'compose');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'compose-spec.json'), JSON.stringify(schema));
}
