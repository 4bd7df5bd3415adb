import type { DockerfileRule } from '../check/rule';
import { looksLikeSecretName } from '../../rules/secret-values';
import { properties } from './util/env-properties';

/**
 * ARG and ENV values stay in the image (`docker history`, `docker inspect`) even after `unset`, so a
 * password or token passed that way leaks to everyone who can pull the image. Use
 * `RUN --mount=type=secret` at build time and environment variables or mounted secrets at run time.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'secret-in-env-or-arg',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Secrets should not be passed through ARG or ENV, which persist in the image.',
    practice: 'config-env',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
  },
  check({ model, report }) {
    for (const property of properties(model, 'ARG', 'ENV')) {
      const name = property.name.value;
      // BuildKit's SecretsUsedInArgOrEnv name tokens, minus names that hold public data (GPG_KEY fingerprints, *_FILE).
      if (!looksLikeSecretName(name)) continue;
      // An ENV that only re-exports a variable, or is empty, carries no literal secret; ARG names always leak into history.
      if (property.instruction.keyword === 'ENV' && (!property.value || property.value.value === '')) continue;
      report({
        start: property.name.start,
        end: property.name.end,
        message: `\`${name}\` looks like a secret; ${property.instruction.keyword} values are stored in the image. Use \`RUN --mount=type=secret\` at build time, or pass it at run time.`,
      });
    }
  },
};

export default rule;
