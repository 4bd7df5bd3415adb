import type { DockerfileRule } from '../check/rule';
import type { Token } from '../model/types';

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * FROM may only use ARGs declared before the first FROM (and BuildKit's automatic platform args).
 * An undeclared one expands to an empty string, giving `FROM :1.2` or the wrong image.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'undefined-arg-in-from',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Variables in FROM must be declared with ARG before the first FROM.',
    practice: 'correctness',
    aliases: ['UndefinedArgInFrom'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.implicit) continue; // a fragment has no FROM
      const from = stage.from;
      const tokens: Token[] = [...from.args.slice(0, 1)];
      for (const flag of from.flags)
        if (flag.value && flag.valueStart !== undefined) tokens.push({ value: flag.value, start: flag.valueStart, end: flag.valueStart + flag.value.length });
      for (const token of tokens) {
        const raw = model.text.slice(token.start, token.end);
        for (const match of raw.matchAll(REFERENCE)) {
          const name = match[1] ?? match[3];
          if (match[2] && !match[2].includes('+') && !match[2].includes('?')) continue; // has a default
          if (match.index > 0 && raw[match.index - 1] === model.escapeChar) continue;
          if (model.globalVariables.lookup(name, from.index).defined) continue;
          const declaredLater = model.globalArgs.some((a) => a.index > from.index) || stage.instructions.some((i) => i.keyword === 'ARG');
          report({
            start: token.start + match.index,
            end: token.start + match.index + match[0].length,
            message: `\`${name}\` is not declared by an ARG before the first FROM${declaredLater ? ' (an ARG inside a stage is not visible to FROM)' : ''}.`,
          });
        }
      }
    }
  },
};
export default rule;
