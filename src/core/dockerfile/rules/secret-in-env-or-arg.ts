import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

// BuildKit's SecretsUsedInArgOrEnv tokens, minus names that hold public data in official images (GPG_KEY fingerprints).
const SECRET_TOKEN = /(?:^|_)(?:apikey|api_key|auth|credentials?|key|password|pword|passwd|secret|token|private_key|access_key)(?:_|$)/i;
const PUBLIC_TOKEN = /(?:^|_)(?:public|pub|file|path|dir|version|gpg|pgp|fingerprint|keyring|keys|url|id|name|type|size|length|header)(?:_|$)/i;

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
      if (!SECRET_TOKEN.test(camelToSnake(name)) || PUBLIC_TOKEN.test(camelToSnake(name))) continue;
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

function camelToSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}
export default rule;
