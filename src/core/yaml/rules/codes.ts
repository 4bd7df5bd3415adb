/** Parser error codes that have a rule of their own (and so are not reported as yaml-syntax). */
export const OWN_RULE_CODES = new Set<string>(['DUPLICATE_KEY', 'TAB_AS_INDENT']);
