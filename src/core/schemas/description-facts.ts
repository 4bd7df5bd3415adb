/**
 * Facts the Kubernetes OpenAPI v2 spec states only in prose, read from field descriptions at schema
 * build time:
 *  - the values of built-in string enums ("One of Always, Never, IfNotPresent"), which v2 leaves out
 *    (v3 has them) although the API server rejects any other value;
 *  - fields listed as required (a Go field without `omitempty`) that the API server defaults when
 *    absent ("Defaults to True"), so leaving them out is not an error.
 * Only fixed sentence shapes are read, and a list counts only when every item is a value-like word:
 * a description we cannot read with certainty yields nothing rather than a wrong enum.
 */

/** Phrases that introduce the complete list of values of the field they describe. */
const LIST_INTRO =
  /(?:^|[.;]\s+|\(\s*)(?:[A-Z][\w ]*?\.\s+)?(?:(?:it\s+)?(?:must|should|can|may)\s+be(?:\s+one\s+of)?|one\s+of|(?:the\s+)?(?:valid|allowed|supported|possible)\s+(?:values|options|operators)\s+are|when\s+specified,\s+allowed\s+values\s+are)\s*:?\s*/gi;

/** One value: a capitalised identifier (Always, ClusterFirstWithHostNet, TCP), maybe quoted, maybe "(default)". */
const VALUE = /^(["'`]?)([A-Z][A-Za-z0-9]*|\*)\1(?:\s*\(default\))?$/;

/**
 * The values a string field's description says are the only ones, or undefined. Ends of sentences
 * are `. ` (values never contain dots), so "Default to Always." after the list is not read as a value.
 */
export function enumFromDescription(description: unknown): string[] | undefined {
  if (typeof description !== 'string' || description.length > 4000) return undefined;
  const text = description.replace(/\s+/g, ' ');
  for (const intro of text.matchAll(LIST_INTRO)) {
    const rest = text.slice(intro.index! + intro[0].length);
    const values = dashList(rest) ?? sentenceList(rest);
    if (values && values.length >= 2) return values.concat(continuation(rest) ?? []);
  }
  return undefined;
}

/** `A, B, or C.` / `"A" or "B"` up to the end of the sentence. */
function sentenceList(rest: string): string[] | undefined {
  const sentence = /^(.*?)(?:\.(?:\s|$)|;|$)/.exec(rest)?.[1] ?? '';
  const items = sentence
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return valuesOf(items);
}

/**
 * A list a stray full stop cut short: "Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and
 * Lt." (NodeSelectorRequirement). The next sentence counts only if it is nothing but values ending in
 * "and X" / "or X", so "One of A, B. In some contexts, …" stays A, B.
 */
function continuation(rest: string): string[] | undefined {
  const next = /^.*?\.\s+(.*?)(?:\.(?:\s|$)|$)/.exec(rest)?.[1];
  if (!next || !/(?:,|\s)\s*(?:and|or)\s+\S+$/.test(next)) return undefined;
  return sentenceList(next);
}

/** `- "Allow" (default): …; - "Forbid": …` or `- FailJob: indicates …` */
function dashList(rest: string): string[] | undefined {
  if (!rest.startsWith('- ')) return undefined;
  const items = [...rest.matchAll(/(?:^|\s)-\s+(["'`]?[A-Z][A-Za-z0-9]*["'`]?(?:\s*\(default\))?)(?=\s*(?::|means|\s-\s|$))/g)].map((m) => m[1]);
  return valuesOf(items);
}

function valuesOf(items: string[]): string[] | undefined {
  const values: string[] = [];
  for (const item of items) {
    const m = VALUE.exec(item);
    if (!m) return undefined;
    if (!values.includes(m[2])) values.push(m[2]);
  }
  return values;
}

/** A required field the API server fills in when absent, by the description's own words about it. */
export function isDefaultedByServer(description: unknown): boolean {
  if (typeof description !== 'string') return false;
  return /(?:^|\.\s+)(?:Defaults to\b|(?:If (?:not specified|unspecified|unset|empty|omitted),\s*)?(?:[Ii]t|[Tt]his field) (?:defaults|will default) to\b)/.test(description);
}
