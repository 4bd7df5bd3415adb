/**
 * Recognises secrets written as plain values (in `env`, a ConfigMap, a compose `environment`), the
 * check kube-linter calls `env-var-secret`. Names decide, by whole tokens as BuildKit's
 * SecretsUsedInArgOrEnv does (the Dockerfile rule `secret-in-env-or-arg` uses the same tokens), so
 * `TOKENIZER_MODEL` is not a token; the value must be a literal, not a reference such as
 * `${DB_PASSWORD}` or `$(TOKEN)`, and not a flag such as `MYSQL_ALLOW_EMPTY_PASSWORD=yes`.
 */

const SECRET_TOKEN = /(?:^|[_.-])(?:apikey|api_key|auth|credentials?|key|password|pword|passwd|passphrase|secret|token|private_key|access_key)(?:[_.-]|$)/i;
/** Tokens of names that point at a secret or describe it rather than hold it. */
const PUBLIC_TOKEN =
  /(?:^|[_.-])(?:public|pub|file|path|dir|version|gpg|pgp|fingerprint|keyring|keys|url|uri|endpoint|id|name|type|size|length|header|prefix|ttl|expiry|expiration|ref|enabled|required)(?:[_.-]|$)/i;
const FLAG_VALUE = /^(yes|no|true|false|on|off|y|n|0|1)$/i;

/** `AWS_ACCESS_KEY_ID` ends in the public token `ID`, but it is half of a credential pair (BuildKit and hadolint flag it too). */
const ACCESS_KEY_ID = /(?:^|_)ACCESS_KEY_ID$/i;

export function looksLikeSecretName(name: string): boolean {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return ACCESS_KEY_ID.test(snake) || (SECRET_TOKEN.test(snake) && !PUBLIC_TOKEN.test(snake));
}

/** True when `value` is literal text that a reader of the file would learn the secret from. */
export function isLiteralSecretValue(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || FLAG_VALUE.test(text)) return false;
  return !/\$\{[^}]*\}|\$\([^)]*\)|^\$[A-Za-z_]\w*$/.test(text);
}

export function isPlainSecret(name: string, value: unknown): boolean {
  return looksLikeSecretName(name) && isLiteralSecretValue(value);
}
