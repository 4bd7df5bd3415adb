/**
 * Parses a Dockerfile with `dockerfile-ast`, minus two costs of its own:
 * - its comment-to-stage assignment loops over comments × stages (quadratic: 6.5 s for 8,000 stages
 *   with comments); our model assigns comments in one pass, so that step is switched off;
 * - it re-splits an instruction's arguments on every `getArguments`/`getFlags`/`getHeredocs`/...
 *   call (about half the cost of building our model); instructions are immutable once parsed, so the
 *   split is memoized per instance (a copy is returned: some of its callers modify the array).
 * The bundle holds its own copy of dockerfile-ast, used only through this module.
 */
import { Dockerfile, DockerfileParser } from 'dockerfile-ast';
import { Dockerfile as DockerfileImpl } from 'dockerfile-ast/lib/dockerfile';
import { Instruction } from 'dockerfile-ast/lib/instruction';

let patched = false;
/** Off while the parser runs: constructors call getRawArguments before the instruction is complete. */
let memoizing = true;

function patchDockerfileAst(): void {
  if (patched) return;
  patched = true;
  (DockerfileImpl.prototype as unknown as { organizeComments(): void }).organizeComments = () => undefined;
  const prototype = Instruction.prototype as unknown as { getRawArguments(): unknown[] };
  const split = prototype.getRawArguments;
  const memo = new WeakMap<object, unknown[]>();
  prototype.getRawArguments = function (this: object) {
    if (!memoizing) return split.call(this);
    let args = memo.get(this);
    if (!args) memo.set(this, (args = split.call(this)));
    return args.slice();
  };
}

export function parseDockerfileAst(text: string): Dockerfile {
  patchDockerfileAst();
  memoizing = false;
  try {
    return DockerfileParser.parse(text);
  } finally {
    memoizing = true;
  }
}
