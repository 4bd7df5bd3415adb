/** A function called with too few or too many arguments fails the render ("wrong number of args for X"). */
import { functionDoc } from '../function-docs';
import type { AuthoringRule } from './rule';

export const functionArgs: AuthoringRule = {
  meta: {
    id: 'helm-function-args',
    domain: 'helm',
    defaultSeverity: 'error',
    description: 'A template function must be called with as many arguments as it takes (a piped value is the last one).',
    practice: 'correctness',
  },
  target: 'template',
  check({ scan, report }) {
    for (const call of scan.functions) {
      const doc = functionDoc(call.name);
      if (!doc) continue;
      const tooFew = call.argCount < doc.minArgs;
      const tooMany = doc.maxArgs !== undefined && call.argCount > doc.maxArgs;
      if (!tooFew && !tooMany) continue;
      const wanted = doc.maxArgs === doc.minArgs ? `${doc.minArgs}` : doc.maxArgs === undefined ? `at least ${doc.minArgs}` : `${doc.minArgs} to ${doc.maxArgs}`;
      report({ range: call.range, message: `\`${call.name}\` takes ${wanted} argument${wanted === '1' ? '' : 's'} (\`${doc.signature}\`), given ${call.argCount}.` });
    }
  },
};
