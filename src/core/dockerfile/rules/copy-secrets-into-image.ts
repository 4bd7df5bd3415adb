import { flagOf, type DockerfileRule } from '../check/rule';
import { basename } from '../../containers/processes';
import { copyArgs } from './util/copy-args';

/** Names of files that hold credentials. */
const SECRET_FILES =
  /^(id_(rsa|dsa|ecdsa|ed25519)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.env(\.[\w-]+)?|credentials(\.json)?|\.dockercfg|kubeconfig|[\w.-]+\.(pem|p12|pfx|jks|keystore)|([\w.-]*(priv|tls|ssl|server|client)[\w.-]*|key)\.key)$/i;
/** Files that look like secrets by extension but are public: certificates, examples. */
const PUBLIC = /(cert|signing|gpg|pgp|keyring|release|(^|[._-])ca([._-]|$)|chain|\.pub$|public|\.(example|sample|template|dist|defaults?)$)/i;

/**
 * A credential copied into a layer stays in the image history even if a later RUN deletes it, and
 * anyone who can pull the image can read it. `RUN --mount=type=secret` makes it available to one
 * RUN without writing it to a layer.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'copy-secrets-into-image',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Credential files (SSH keys, `.npmrc`, `.netrc`, `.env`, private keys) should be mounted as build secrets, not copied.',
    practice: 'security',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const args = copyArgs(instruction, model);
      if (!args || flagOf(instruction, 'from')) continue;
      for (const source of args.sources) {
        const name = basename(source.value.replace(/\/+$/, ''));
        if (!SECRET_FILES.test(name) || PUBLIC.test(name)) continue;
        report({
          start: source.start,
          end: source.end,
          message: `\`${name}\` looks like a credential; it stays in the image layers. Use \`RUN --mount=type=secret\` instead.`,
        });
      }
    }
  },
};
export default rule;
