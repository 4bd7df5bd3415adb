import type { RuleMeta } from '../../rules/meta';

export const meta: RuleMeta = {
  id: 'compose-schema',
  domain: 'compose',
  defaultSeverity: 'error',
  description: 'A Compose file does not match the Compose Specification schema that docker compose enforces.',
  practice: 'correctness',
  aliases: ['docker compose config'],
};
