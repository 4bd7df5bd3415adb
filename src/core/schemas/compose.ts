/**
 * Validates a Compose document against the schema docker compose enforces (compose-go's copy), before
 * interpolation, as compose-go does: `${VAR}` strings are allowed where numbers and booleans go.
 */
import type { YamlDocument } from '../yaml/parse';
import { humanize, type Finding } from './humanize';
import { meta as composeSchema } from './rules/compose-schema';
import type { ComposeSchema } from './store';

export function validateComposeDocument(document: YamlDocument, schema: ComposeSchema): Finding[] {
  const value = document.value;
  if (value === null || value === undefined) return []; // an empty document; compose-go's "empty file" is a loader error
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ rule: composeSchema.id, severity: 'error', message: 'A Compose file must be a mapping (services:, volumes:, …).', path: [], target: 'value' }];
  }
  const validate = schema.validator;
  if (validate(value)) return [];
  return humanize({
    errors: validate.errors ?? [],
    data: value,
    ctx: schema,
    root: { schema: schema.root },
    document,
    basePath: [],
    rule: composeSchema.id,
  });
}
