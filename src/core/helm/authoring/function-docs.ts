/**
 * Signature and one-line doc of every function a Helm template can call in our engine: Go's
 * text/template builtins, Sprig v3.3.0 as Helm registers it, and Helm's own functions, for hover,
 * completion and "wrong number of arguments" diagnostics.
 *
 * minArgs/maxArgs are the counts the engine accepts (maxArgs undefined: variadic); in a pipeline the
 * piped value is the last argument and counts. Two functions check their count in their body rather
 * than through their Go signature (eq, dig): their counts here are the effective ones.
 * test/unit/helm/function-docs.test.ts runs the counts against the engine.
 */

export interface FunctionDoc {
  /** Go/Sprig doc style: the name, then upper-case parameter names, `...` for variadic, `[X]` optional. */
  signature: string;
  /** One line, present tense, at most 100 characters. */
  doc: string;
  minArgs: number;
  maxArgs?: number;
  /** Set when the function does not exist in every Helm version the engine renders as. */
  since?: string;
  /** What to use instead, when the function is deprecated. */
  deprecated?: string;
}

type Extra = Pick<FunctionDoc, 'since' | 'deprecated'>;

const fixed = (signature: string, doc: string, n: number, extra?: Extra): FunctionDoc => ({ signature, doc, minArgs: n, maxArgs: n, ...extra });
const atLeast = (signature: string, doc: string, n: number, extra?: Extra): FunctionDoc => ({ signature, doc, minArgs: n, ...extra });

/** Helm 3.21 fails to parse a template using these ("function ... not defined"). */
const HELM4: Extra = { since: 'Helm 4' };

const GO_BUILTINS: Record<string, FunctionDoc> = {
  and: atLeast('and ARG ARGS...', 'Returns the first empty argument or the last one; stops evaluating at the first empty one.', 1),
  call: atLeast('call FUNC ARGS...', 'Calls a function value (e.g. a method value from data) with the remaining arguments.', 1),
  html: atLeast('html ARGS...', 'Escapes the textual form of its arguments for safe use in HTML.', 0),
  index: atLeast('index COLLECTION KEYS...', 'Looks up map keys or list/string indexes in turn: index $m "a" 0 is $m.a[0].', 1),
  // `slice` is Sprig's in Helm (a chart's functions replace Go's builtins of the same name): see SPRIG.
  js: atLeast('js ARGS...', 'Escapes the textual form of its arguments for safe use in JavaScript.', 0),
  len: fixed('len ITEM', 'Returns the length of a string (in bytes), list or map.', 1),
  not: fixed('not VALUE', 'Returns the boolean negation of its argument, by emptiness.', 1),
  or: atLeast('or ARG ARGS...', 'Returns the first non-empty argument or the last one; stops at the first non-empty one.', 1),
  print: atLeast('print ARGS...', "Formats its arguments like Go's fmt.Sprint (spaces between non-string operands).", 0),
  printf: atLeast('printf FORMAT ARGS...', "Formats its arguments with a format string like Go's fmt.Sprintf (%s, %d, %v, ...).", 1),
  println: atLeast('println ARGS...', "Formats its arguments like Go's fmt.Sprintln: space-separated, ending with a newline.", 0),
  urlquery: atLeast('urlquery ARGS...', 'Escapes the textual form of its arguments for use in a URL query.', 0),
  eq: atLeast('eq ARG1 ARG2 ARGS...', 'Reports whether ARG1 equals any of the other arguments.', 2),
  ge: fixed('ge ARG1 ARG2', 'Reports whether ARG1 >= ARG2.', 2),
  gt: fixed('gt ARG1 ARG2', 'Reports whether ARG1 > ARG2.', 2),
  le: fixed('le ARG1 ARG2', 'Reports whether ARG1 <= ARG2.', 2),
  lt: fixed('lt ARG1 ARG2', 'Reports whether ARG1 < ARG2.', 2),
  ne: fixed('ne ARG1 ARG2', 'Reports whether ARG1 != ARG2.', 2),
};

const SPRIG: Record<string, FunctionDoc> = {
  hello: fixed('hello', 'Returns "Hello!".', 0),

  // Strings
  abbrev: fixed('abbrev WIDTH STRING', 'Shortens STRING to WIDTH characters, ending it with "..." when it is cut.', 2),
  abbrevboth: fixed('abbrevboth LEFT WIDTH STRING', 'Abbreviates STRING with "..." on both sides, from offset LEFT, to WIDTH characters.', 3),
  trunc: fixed('trunc LENGTH STRING', 'Cuts STRING to LENGTH characters; a negative LENGTH keeps that many from the end.', 2),
  trim: fixed('trim STRING', 'Removes leading and trailing whitespace.', 1),
  upper: fixed('upper STRING', 'Converts a string to upper case.', 1),
  lower: fixed('lower STRING', 'Converts a string to lower case.', 1),
  title: fixed('title STRING', 'Upper-cases the first letter of each word.', 1),
  untitle: fixed('untitle STRING', 'Lower-cases the first letter of each word.', 1),
  substr: fixed('substr START END STRING', 'Returns the characters of STRING from START up to (not including) END.', 3),
  repeat: fixed('repeat COUNT STRING', 'Repeats STRING COUNT times.', 2),
  trimall: fixed('trimall CUTSET STRING', 'Removes the characters in CUTSET from both ends of STRING.', 2, { deprecated: 'use trimAll' }),
  trimAll: fixed('trimAll CUTSET STRING', 'Removes the characters in CUTSET from both ends of STRING.', 2),
  trimSuffix: fixed('trimSuffix SUFFIX STRING', 'Removes SUFFIX from the end of STRING, if present.', 2),
  trimPrefix: fixed('trimPrefix PREFIX STRING', 'Removes PREFIX from the start of STRING, if present.', 2),
  nospace: fixed('nospace STRING', 'Removes all whitespace from a string.', 1),
  initials: fixed('initials STRING', 'Returns the first letter of each word: "Hello World" gives "HW".', 1),
  randAlphaNum: fixed('randAlphaNum COUNT', 'Returns COUNT random letters and digits.', 1),
  randAlpha: fixed('randAlpha COUNT', 'Returns COUNT random letters.', 1),
  randAscii: fixed('randAscii COUNT', 'Returns COUNT random printable ASCII characters.', 1),
  randNumeric: fixed('randNumeric COUNT', 'Returns COUNT random digits.', 1),
  swapcase: fixed('swapcase STRING', 'Swaps the case of each letter.', 1),
  shuffle: fixed('shuffle STRING', 'Returns the characters of a string in random order.', 1),
  snakecase: fixed('snakecase STRING', 'Converts camelCase to snake_case.', 1),
  camelcase: fixed('camelcase STRING', 'Converts snake_case to CamelCase (first letter upper-case).', 1),
  kebabcase: fixed('kebabcase STRING', 'Converts camelCase to kebab-case.', 1),
  wrap: fixed('wrap WIDTH STRING', 'Wraps text at WIDTH columns.', 2),
  wrapWith: fixed('wrapWith WIDTH SEPARATOR STRING', 'Wraps text at WIDTH columns, breaking lines with SEPARATOR.', 3),
  contains: fixed('contains SUBSTRING STRING', 'Reports whether STRING contains SUBSTRING.', 2),
  hasPrefix: fixed('hasPrefix PREFIX STRING', 'Reports whether STRING starts with PREFIX.', 2),
  hasSuffix: fixed('hasSuffix SUFFIX STRING', 'Reports whether STRING ends with SUFFIX.', 2),
  quote: atLeast('quote ARGS...', 'Wraps each non-nil argument in double quotes (Go escapes) and joins them with spaces.', 0),
  squote: atLeast('squote ARGS...', 'Wraps each non-nil argument in single quotes and joins them with spaces.', 0),
  cat: atLeast('cat ARGS...', 'Joins the non-nil arguments with spaces.', 0),
  indent: fixed('indent WIDTH STRING', 'Indents every line of STRING by WIDTH spaces.', 2),
  nindent: fixed('nindent WIDTH STRING', 'Indents every line of STRING by WIDTH spaces and adds a newline before it.', 2),
  replace: fixed('replace OLD NEW STRING', 'Replaces every OLD in STRING with NEW.', 3),
  plural: fixed('plural ONE MANY COUNT', 'Returns ONE when COUNT is 1, MANY otherwise.', 3),
  toString: fixed('toString VALUE', 'Converts a value to its string form.', 1),
  toStrings: fixed('toStrings LIST', 'Converts each element of a list to a string.', 1),
  join: fixed('join SEPARATOR LIST', 'Joins the elements of a list (as strings) with SEPARATOR.', 2),
  split: fixed('split SEPARATOR STRING', 'Splits STRING into a dict keyed _0, _1, ...', 2),
  splitList: fixed('splitList SEPARATOR STRING', 'Splits STRING into a list of strings.', 2),
  splitn: fixed('splitn SEPARATOR COUNT STRING', 'Splits STRING into at most COUNT parts, as a dict keyed _0, _1, ...', 3),
  sortAlpha: fixed('sortAlpha LIST', 'Sorts a list of strings alphabetically.', 1),

  // Numbers
  atoi: fixed('atoi STRING', 'Converts a string to an integer; 0 when it is not one.', 1),
  int64: fixed('int64 VALUE', 'Converts a value to an int64.', 1),
  int: fixed('int VALUE', 'Converts a value to an int.', 1),
  float64: fixed('float64 VALUE', 'Converts a value to a float64.', 1),
  seq: atLeast('seq [START [STEP]] END', 'Returns the integers from START to END as a space-separated string, like Unix seq.', 0),
  toDecimal: fixed('toDecimal OCTAL', 'Converts an octal (Unix permission) string to its decimal value.', 1),
  until: fixed('until COUNT', 'Returns the list of integers from 0 up to COUNT (exclusive).', 1),
  untilStep: fixed('untilStep START STOP STEP', 'Returns the list of integers from START to STOP (exclusive) by STEP.', 3),
  add1: fixed('add1 NUMBER', 'Adds 1 to an integer.', 1),
  add: atLeast('add NUMBERS...', 'Returns the sum of integers.', 0),
  sub: fixed('sub A B', 'Returns A - B, as integers.', 2),
  div: fixed('div A B', 'Returns A / B, as integers (truncated).', 2),
  mod: fixed('mod A B', 'Returns the remainder of A / B, as integers.', 2),
  mul: atLeast('mul A B...', 'Returns the product of integers.', 1),
  randInt: fixed('randInt MIN MAX', 'Returns a random integer from MIN up to MAX (exclusive).', 2),
  add1f: fixed('add1f NUMBER', 'Adds 1 to a float.', 1),
  addf: atLeast('addf NUMBERS...', 'Returns the sum of floats.', 0),
  subf: atLeast('subf A B...', 'Subtracts the other numbers from A, as floats.', 1),
  divf: atLeast('divf A B...', 'Divides A by the other numbers in turn, as floats.', 1),
  mulf: atLeast('mulf A B...', 'Returns the product of floats.', 1),
  biggest: atLeast('biggest A B...', 'Returns the largest of integers (an alias of max).', 1),
  max: atLeast('max A B...', 'Returns the largest of integers.', 1),
  min: atLeast('min A B...', 'Returns the smallest of integers.', 1),
  maxf: atLeast('maxf A B...', 'Returns the largest of floats.', 1),
  minf: atLeast('minf A B...', 'Returns the smallest of floats.', 1),
  ceil: fixed('ceil NUMBER', 'Returns the smallest integral float not less than NUMBER.', 1),
  floor: fixed('floor NUMBER', 'Returns the largest integral float not greater than NUMBER.', 1),
  round: atLeast('round NUMBER PRECISION [ROUND_ON]', 'Rounds to PRECISION decimals, up from ROUND_ON (default .5).', 2),

  // Defaults and flow
  default: atLeast('default DEFAULT VALUE', 'Returns VALUE, or DEFAULT when VALUE is empty or missing.', 1),
  empty: fixed('empty VALUE', 'Reports whether a value is empty: nil, false, 0, "" or an empty list or map.', 1),
  coalesce: atLeast('coalesce VALUES...', 'Returns the first non-empty argument.', 0),
  all: atLeast('all VALUES...', 'Reports whether every argument is non-empty.', 0),
  any: atLeast('any VALUES...', 'Reports whether any argument is non-empty.', 0),
  compact: fixed('compact LIST', 'Returns a list without its empty elements.', 1),
  mustCompact: fixed('mustCompact LIST', 'Returns a list without its empty elements; fails on a non-list.', 1),
  ternary: fixed('ternary TRUE_VALUE FALSE_VALUE CONDITION', 'Returns TRUE_VALUE when CONDITION is true, FALSE_VALUE otherwise.', 3),
  deepCopy: fixed('deepCopy VALUE', 'Returns a deep copy of a value.', 1),
  mustDeepCopy: fixed('mustDeepCopy VALUE', 'Returns a deep copy of a value; fails on nil.', 1),

  // JSON (toJson, fromJson and mustToJson are Helm's, below)
  mustFromJson: fixed('mustFromJson STRING', 'Parses JSON into a value; fails the render on invalid JSON.', 1),
  toPrettyJson: fixed('toPrettyJson VALUE', 'Encodes a value as indented JSON; an encoding error gives "".', 1),
  mustToPrettyJson: fixed('mustToPrettyJson VALUE', 'Encodes a value as indented JSON; fails on an encoding error.', 1),
  toRawJson: fixed('toRawJson VALUE', 'Encodes a value as JSON without escaping <, > and &; an error gives "".', 1),
  mustToRawJson: fixed('mustToRawJson VALUE', 'Encodes a value as JSON without escaping <, > and &; fails on an error.', 1),

  // Reflection
  typeOf: fixed('typeOf VALUE', 'Returns the Go type of a value, e.g. map[string]interface {}.', 1),
  typeIs: fixed('typeIs TYPE VALUE', 'Reports whether VALUE has the Go type TYPE.', 2),
  typeIsLike: fixed('typeIsLike TYPE VALUE', 'Reports whether VALUE has the Go type TYPE or is a pointer to it.', 2),
  kindOf: fixed('kindOf VALUE', 'Returns the Go kind of a value: string, int64, slice, map, ...', 1),
  kindIs: fixed('kindIs KIND VALUE', 'Reports whether VALUE is of the Go kind KIND.', 2),
  deepEqual: fixed('deepEqual A B', 'Reports whether two values are deeply equal.', 2),

  // Lists
  list: atLeast('list ITEMS...', 'Returns a list of its arguments.', 0),
  tuple: atLeast('tuple ITEMS...', 'Returns a list of its arguments (an alias of list).', 0),
  append: fixed('append LIST ITEM', 'Returns a new list: LIST with ITEM added at the end.', 2),
  push: fixed('push LIST ITEM', 'Returns a new list: LIST with ITEM added at the end.', 2),
  mustAppend: fixed('mustAppend LIST ITEM', 'Returns LIST with ITEM added at the end; fails on a non-list.', 2),
  mustPush: fixed('mustPush LIST ITEM', 'Returns LIST with ITEM added at the end; fails on a non-list.', 2),
  prepend: fixed('prepend LIST ITEM', 'Returns a new list: LIST with ITEM added at the front.', 2),
  mustPrepend: fixed('mustPrepend LIST ITEM', 'Returns LIST with ITEM added at the front; fails on a non-list.', 2),
  chunk: fixed('chunk SIZE LIST', 'Splits a list into lists of SIZE elements.', 2),
  mustChunk: fixed('mustChunk SIZE LIST', 'Splits a list into lists of SIZE elements; fails on a non-list.', 2),
  first: fixed('first LIST', 'Returns the first element of a list.', 1),
  mustFirst: fixed('mustFirst LIST', 'Returns the first element of a list; fails on a non-list.', 1),
  last: fixed('last LIST', 'Returns the last element of a list.', 1),
  mustLast: fixed('mustLast LIST', 'Returns the last element of a list; fails on a non-list.', 1),
  rest: fixed('rest LIST', 'Returns all but the first element of a list.', 1),
  mustRest: fixed('mustRest LIST', 'Returns all but the first element of a list; fails on a non-list.', 1),
  initial: fixed('initial LIST', 'Returns all but the last element of a list.', 1),
  mustInitial: fixed('mustInitial LIST', 'Returns all but the last element of a list; fails on a non-list.', 1),
  reverse: fixed('reverse LIST', 'Returns a list in reverse order.', 1),
  mustReverse: fixed('mustReverse LIST', 'Returns a list in reverse order; fails on a non-list.', 1),
  uniq: fixed('uniq LIST', 'Returns a list without duplicate elements.', 1),
  mustUniq: fixed('mustUniq LIST', 'Returns a list without duplicate elements; fails on a non-list.', 1),
  without: atLeast('without LIST ITEMS...', 'Returns LIST without the given items.', 1),
  mustWithout: atLeast('mustWithout LIST ITEMS...', 'Returns LIST without the given items; fails on a non-list.', 1),
  has: fixed('has ITEM LIST', 'Reports whether LIST contains ITEM.', 2),
  mustHas: fixed('mustHas ITEM LIST', 'Reports whether LIST contains ITEM; fails on a non-list.', 2),
  slice: atLeast('slice LIST [START [END]]', "Returns the elements of LIST from START up to END (Sprig's, not Go's builtin).", 1),
  mustSlice: atLeast('mustSlice LIST [START [END]]', 'Returns the elements of LIST from START up to END; fails on a non-list.', 1),
  concat: atLeast('concat LISTS...', 'Joins lists into one.', 0),

  // Dicts
  dict: atLeast('dict KEY VALUE...', 'Returns a dict of key/value pairs (a missing last value is "").', 0),
  get: fixed('get DICT KEY', 'Returns the value of KEY in DICT, or "" when it is missing.', 2),
  set: fixed('set DICT KEY VALUE', 'Sets KEY to VALUE in DICT (modifying it) and returns DICT.', 3),
  unset: fixed('unset DICT KEY', 'Removes KEY from DICT (modifying it) and returns DICT.', 2),
  hasKey: fixed('hasKey DICT KEY', 'Reports whether DICT has KEY.', 2),
  pluck: atLeast('pluck KEY DICTS...', 'Returns the list of the values of KEY in each dict that has it.', 1),
  keys: atLeast('keys DICTS...', 'Returns the keys of the dicts as a list, in no order (sort with sortAlpha).', 0),
  values: fixed('values DICT', 'Returns the values of a dict as a list, in no order.', 1),
  pick: atLeast('pick DICT KEYS...', 'Returns a new dict with only the given keys.', 1),
  omit: atLeast('omit DICT KEYS...', 'Returns a new dict without the given keys.', 1),
  merge: atLeast('merge DEST SOURCES...', "Deep-merges SOURCES into DEST (modifying it); DEST's own values win.", 1),
  mustMerge: atLeast('mustMerge DEST SOURCES...', "Deep-merges SOURCES into DEST; DEST's own values win; fails on error.", 1),
  mergeOverwrite: atLeast('mergeOverwrite DEST SOURCES...', 'Deep-merges SOURCES into DEST (modifying it); later values win.', 1),
  mustMergeOverwrite: atLeast('mustMergeOverwrite DEST SOURCES...', 'Deep-merges SOURCES into DEST; later values win; fails on error.', 1),
  dig: atLeast('dig KEYS... DEFAULT DICT', 'Follows KEYS through nested dicts; DEFAULT when a key is missing.', 3),

  // Encoding and hashes
  b64enc: fixed('b64enc STRING', 'Encodes a string as base64.', 1),
  b64dec: fixed('b64dec STRING', 'Decodes a base64 string.', 1),
  b32enc: fixed('b32enc STRING', 'Encodes a string as base32.', 1),
  b32dec: fixed('b32dec STRING', 'Decodes a base32 string.', 1),
  sha1sum: fixed('sha1sum STRING', 'Returns the hex SHA-1 digest of a string.', 1),
  sha256sum: fixed('sha256sum STRING', 'Returns the hex SHA-256 digest of a string.', 1),
  sha512sum: fixed('sha512sum STRING', 'Returns the hex SHA-512 digest of a string.', 1),
  adler32sum: fixed('adler32sum STRING', 'Returns the Adler-32 checksum of a string, in decimal.', 1),

  // Paths
  base: fixed('base PATH', 'Returns the last element of a slash-separated path.', 1),
  osBase: fixed('osBase PATH', "Returns the last element of a path in the OS's syntax.", 1),
  dir: fixed('dir PATH', 'Returns all but the last element of a slash-separated path.', 1),
  osDir: fixed('osDir PATH', "Returns all but the last element of a path in the OS's syntax.", 1),
  clean: fixed('clean PATH', 'Returns the shortest equivalent of a slash-separated path (resolves . and ..).', 1),
  osClean: fixed('osClean PATH', "Returns the shortest equivalent of a path in the OS's syntax.", 1),
  ext: fixed('ext PATH', 'Returns the file extension of a path, with its dot.', 1),
  osExt: fixed('osExt PATH', "Returns the file extension of a path in the OS's syntax.", 1),
  isAbs: fixed('isAbs PATH', 'Reports whether a slash-separated path is absolute.', 1),
  osIsAbs: fixed('osIsAbs PATH', "Reports whether a path is absolute in the OS's syntax.", 1),

  // URLs, network, UUIDs
  urlParse: fixed('urlParse URL', 'Parses a URL into a dict: scheme, host, path, query, opaque, fragment, userinfo.', 1),
  urlJoin: fixed('urlJoin DICT', 'Builds a URL string from a dict like the one urlParse returns.', 1),
  uuidv4: fixed('uuidv4', 'Returns a random version 4 UUID.', 0),

  // Dates
  ago: fixed('ago TIME', 'Returns the time elapsed since TIME, to the second, e.g. "2h34m7s".', 1),
  date: fixed('date LAYOUT TIME', 'Formats a time (or Unix seconds) with a Go layout such as "2006-01-02".', 2),
  date_in_zone: fixed('date_in_zone LAYOUT TIME ZONE', 'Formats a time with a Go layout in time zone ZONE (an alias of dateInZone).', 3),
  dateInZone: fixed('dateInZone LAYOUT TIME ZONE', 'Formats a time with a Go layout in time zone ZONE, e.g. "UTC".', 3),
  date_modify: fixed('date_modify DURATION TIME', 'Adds a Go duration such as "-1.5h" to TIME (an alias of dateModify).', 2),
  dateModify: fixed('dateModify DURATION TIME', 'Adds a Go duration such as "-1.5h" to TIME; TIME unchanged on a bad duration.', 2),
  must_date_modify: fixed('must_date_modify DURATION TIME', 'Adds a Go duration to TIME; fails on a bad duration (alias of mustDateModify).', 2),
  mustDateModify: fixed('mustDateModify DURATION TIME', 'Adds a Go duration such as "-1.5h" to TIME; fails on a bad duration.', 2),
  duration: fixed('duration SECONDS', 'Formats a number of seconds as a Go duration, e.g. "1m35s".', 1),
  durationRound: fixed('durationRound DURATION', 'Rounds a duration (or time since) to its largest unit, e.g. "2h" or "3mo".', 1),
  htmlDate: fixed('htmlDate TIME', 'Formats a time as YYYY-MM-DD, for HTML date inputs.', 1),
  htmlDateInZone: fixed('htmlDateInZone TIME ZONE', 'Formats a time as YYYY-MM-DD in time zone ZONE.', 2),
  mustToDate: fixed('mustToDate LAYOUT STRING', 'Parses STRING as a time with a Go layout; fails when it does not match.', 2),
  now: fixed('now', 'Returns the current time.', 0),
  toDate: fixed('toDate LAYOUT STRING', 'Parses STRING as a time with a Go layout; the zero time when it does not match.', 2),
  unixEpoch: fixed('unixEpoch TIME', 'Returns the seconds since the Unix epoch of TIME, as a string.', 1),

  // Regular expressions (RE2 syntax)
  regexMatch: fixed('regexMatch REGEX STRING', 'Reports whether STRING contains a match of REGEX; false on a bad REGEX.', 2),
  mustRegexMatch: fixed('mustRegexMatch REGEX STRING', 'Reports whether STRING contains a match of REGEX; fails on a bad REGEX.', 2),
  regexQuoteMeta: fixed('regexQuoteMeta STRING', 'Escapes the regular expression metacharacters of a string.', 1),
  regexFindAll: fixed('regexFindAll REGEX STRING N', 'Returns up to N matches of REGEX in STRING (-1 for all).', 3),
  mustRegexFindAll: fixed('mustRegexFindAll REGEX STRING N', 'Returns up to N matches of REGEX in STRING (-1 for all); fails on a bad REGEX.', 3),
  regexFind: fixed('regexFind REGEX STRING', 'Returns the first match of REGEX in STRING, or "".', 2),
  mustRegexFind: fixed('mustRegexFind REGEX STRING', 'Returns the first match of REGEX in STRING, or ""; fails on a bad REGEX.', 2),
  regexReplaceAll: fixed('regexReplaceAll REGEX STRING REPLACEMENT', 'Replaces the matches of REGEX; $1 or ${name} in REPLACEMENT expand groups.', 3),
  mustRegexReplaceAll: fixed('mustRegexReplaceAll REGEX STRING REPLACEMENT', 'Replaces the matches of REGEX, expanding $1; fails on a bad REGEX.', 3),
  regexReplaceAllLiteral: fixed('regexReplaceAllLiteral REGEX STRING REPLACEMENT', 'Replaces the matches of REGEX with REPLACEMENT taken literally.', 3),
  mustRegexReplaceAllLiteral: fixed('mustRegexReplaceAllLiteral REGEX STRING REPLACEMENT', 'Replaces the matches of REGEX literally; fails on a bad REGEX.', 3),
  regexSplit: fixed('regexSplit REGEX STRING N', 'Splits STRING around matches of REGEX into at most N parts (-1 for all).', 3),
  mustRegexSplit: fixed('mustRegexSplit REGEX STRING N', 'Splits STRING around matches of REGEX (at most N parts); fails on a bad REGEX.', 3),

  // Semantic versions
  semver: fixed('semver VERSION', 'Parses a semantic version into an object with Major, Minor, Patch, Prerelease, ...', 1),
  semverCompare: fixed('semverCompare CONSTRAINT VERSION', 'Reports whether VERSION satisfies CONSTRAINT, e.g. ">=1.2.0 <2.0.0".', 2),

  // Cryptography
  derivePassword: fixed('derivePassword COUNTER TYPE PASSWORD USER SITE', 'Derives a site password with the Master Password algorithm (TYPE: long, pin, ...).', 5),
  genPrivateKey: fixed('genPrivateKey TYPE', 'Generates a PEM private key of TYPE: rsa, ecdsa or ed25519 (Shipshape does not support dsa).', 1),
  encryptAES: fixed('encryptAES KEY TEXT', 'Encrypts TEXT with AES-256 CBC under KEY and returns it base64-encoded.', 2),
  decryptAES: fixed('decryptAES KEY BASE64', 'Decrypts base64 text made by encryptAES with the same KEY.', 2),
  randBytes: fixed('randBytes COUNT', 'Returns COUNT random bytes, base64-encoded.', 1),
  genCA: fixed('genCA CN DAYS', 'Generates a self-signed CA valid for DAYS; use its .Cert and .Key (PEM).', 2),
  genCAWithKey: fixed('genCAWithKey CN DAYS KEY', 'Generates a self-signed CA valid for DAYS with the given PEM private key.', 3),
  genSelfSignedCert: fixed('genSelfSignedCert CN IPS DNS_NAMES DAYS', 'Generates a self-signed certificate and key; use .Cert and .Key (PEM).', 4),
  genSelfSignedCertWithKey: fixed('genSelfSignedCertWithKey CN IPS DNS_NAMES DAYS KEY', 'Generates a self-signed certificate with the given PEM private key.', 5),
  genSignedCert: fixed('genSignedCert CN IPS DNS_NAMES DAYS CA', 'Generates a certificate and key signed by CA (from genCA); use .Cert and .Key.', 5),
  genSignedCertWithKey: fixed('genSignedCertWithKey CN IPS DNS_NAMES DAYS CA KEY', 'Generates a certificate signed by CA with the given PEM private key.', 6),
  buildCustomCert: fixed('buildCustomCert CERT KEY', 'Makes a certificate object (like genCA) from a base64 PEM certificate and key.', 2),
  bcrypt: fixed('bcrypt STRING', 'Returns the bcrypt hash of a string.', 1),
  htpasswd: fixed('htpasswd USER PASSWORD', 'Returns "USER:HASH" with a bcrypt hash, as in an Apache htpasswd file.', 2),
};

const HELM: Record<string, FunctionDoc> = {
  include: fixed('include NAME CONTEXT', 'Executes the named template with CONTEXT and returns its output, so it can be piped.', 2),
  tpl: fixed('tpl TEMPLATE CONTEXT', 'Renders the string TEMPLATE as a template with CONTEXT.', 2),
  required: fixed('required MESSAGE VALUE', 'Returns VALUE; stops rendering with MESSAGE when VALUE is nil or "".', 2),
  fail: fixed('fail MESSAGE', 'Stops rendering with MESSAGE as the error.', 1),
  lookup: fixed('lookup API_VERSION KIND NAMESPACE NAME', 'Gets a live object (a list when NAME is ""); helm template always gets an empty dict.', 4),
  getHostByName: fixed('getHostByName HOST', 'Resolves a host name to an address; helm template without --enable-dns gives "".', 1),
  toYaml: fixed('toYaml VALUE', 'Encodes a value as YAML; an encoding error gives "".', 1),
  mustToYaml: fixed('mustToYaml VALUE', 'Encodes a value as YAML; fails on an encoding error.', 1, HELM4),
  toYamlPretty: fixed('toYamlPretty VALUE', 'Encodes a value as YAML with list items indented under their key.', 1),
  fromYaml: fixed('fromYaml STRING', 'Parses a YAML document into a dict; on error, a dict with the message under Error.', 1),
  fromYamlArray: fixed('fromYamlArray STRING', 'Parses a YAML list; on error, a list holding the error message.', 1),
  toJson: fixed('toJson VALUE', 'Encodes a value as JSON; an encoding error gives "".', 1),
  mustToJson: fixed('mustToJson VALUE', 'Encodes a value as JSON; fails on an encoding error.', 1),
  fromJson: fixed('fromJson STRING', 'Parses a JSON object into a dict; on error, a dict with the message under Error.', 1),
  fromJsonArray: fixed('fromJsonArray STRING', 'Parses a JSON array; on error, a list holding the error message.', 1),
  toToml: fixed('toToml VALUE', 'Encodes a dict as TOML; an encoding error gives its message.', 1),
  mustToToml: fixed('mustToToml VALUE', 'Encodes a dict as TOML; fails on an encoding error.', 1, HELM4),
  fromToml: fixed('fromToml STRING', 'Parses a TOML document into a dict; on error, a dict with the message under Error.', 1),
  mustToDuration: fixed('mustToDuration VALUE', 'Converts a duration string ("1m30s") or seconds to a duration; fails on bad input.', 1, HELM4),
  durationSeconds: fixed('durationSeconds DURATION', 'Returns a duration (string or seconds) in seconds, as a float; 0 when invalid.', 1, HELM4),
  durationMilliseconds: fixed('durationMilliseconds DURATION', 'Returns a duration in whole milliseconds; 0 when invalid.', 1, HELM4),
  durationMicroseconds: fixed('durationMicroseconds DURATION', 'Returns a duration in whole microseconds; 0 when invalid.', 1, HELM4),
  durationNanoseconds: fixed('durationNanoseconds DURATION', 'Returns a duration in nanoseconds; 0 when invalid.', 1, HELM4),
  durationMinutes: fixed('durationMinutes DURATION', 'Returns a duration in minutes, as a float; 0 when invalid.', 1, HELM4),
  durationHours: fixed('durationHours DURATION', 'Returns a duration in hours, as a float; 0 when invalid.', 1, HELM4),
  durationDays: fixed('durationDays DURATION', 'Returns a duration in 24-hour days, as a float; 0 when invalid.', 1, HELM4),
  durationWeeks: fixed('durationWeeks DURATION', 'Returns a duration in 7-day weeks, as a float; 0 when invalid.', 1, HELM4),
  durationRoundTo: fixed('durationRoundTo DURATION MULTIPLE', 'Rounds a duration to the nearest multiple of MULTIPLE (halves away from zero).', 2, HELM4),
  durationTruncateTo: fixed('durationTruncateTo DURATION MULTIPLE', 'Rounds a duration toward zero to a multiple of MULTIPLE.', 2, HELM4),
};

// A Map, so that names such as `constructor` or `toString` never resolve to Object.prototype members.
const DOCS: ReadonlyMap<string, FunctionDoc> = new Map(
  [GO_BUILTINS, SPRIG, HELM].flatMap((group) => Object.entries(group)),
);

/** The doc of a template function, or undefined for a name the engine does not define. */
export function functionDoc(name: string): FunctionDoc | undefined {
  return DOCS.get(name);
}

/** Every documented function name, sorted, for completion. */
export function documentedFunctionNames(): string[] {
  return [...DOCS.keys()].sort();
}
