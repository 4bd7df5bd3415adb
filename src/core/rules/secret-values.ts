/**
 * Recognises secrets written as plain values (in `env`, a ConfigMap, a compose `environment`), the
 * check kube-linter calls `env-var-secret`. Names decide; the value must be a literal, not a
 * reference such as `${DB_PASSWORD}` or `$(TOKEN)`, and not a flag such as `MYSQL_ALLOW_EMPTY_PASSWORD=yes`.
 */

const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH_?KEY)/i;
/** Names that point at a secret or describe it rather than hold it. */
const NOT_A_SECRET_NAME = /(_|-|\b)(FILE|PATH|DIR|URL|URI|NAME|ENDPOINT|LENGTH|TTL|EXPIRY|EXPIRATION|ID|REF|KEY_ID|HEADER|TYPE|ENABLED|REQUIRED)$/i;
const FLAG_VALUE = /^(yes|no|true|false|on|off|y|n|0|1)$/i;

export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET_NAME.test(name);
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
