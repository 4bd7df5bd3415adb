import type { DockerfileRule, OffsetFix } from '../check/rule';
import type { DockerfileModel, InstructionNode } from '../model/types';
import { shipsLayers } from './util/stages';
import { lineBreakAt } from './util/append';

/**
 * Each RUN adds a layer; files deleted by a later RUN still weigh in the earlier one. Consecutive
 * RUNs with the same flags can usually be one. RUNs with different `--mount`/`--network` flags,
 * exec-form or heredoc RUNs, and RUNs that already chain commands (`a && b`, `a; b`: grouped on
 * purpose, as hadolint assumes) are not compared.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'consecutive-run',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Consecutive RUN instructions should be merged into one.',
    practice: 'multistage',
    aliases: ['DL3059'],
    fixable: true,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!shipsLayers(model, stage)) continue; // a builder's layers are thrown away: separate RUNs only help its cache
      const list = stage.instructions;
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1];
        const current = list[i];
        if (!mergeable(previous) || !mergeable(current) || flagsText(model, previous) !== flagsText(model, current)) continue;
        if (commandCount(previous) > 1 || commandCount(current) > 1) continue;
        const fix = mergeFix(model, previous, current);
        report({
          start: current.keywordToken.start,
          end: current.keywordToken.end,
          message: 'This RUN directly follows another; chain them with `&&` to save a layer.',
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

/**
 * RUNs that already chain commands were split on purpose (for caching or readability), as hadolint
 * assumes. Commands in blocks, loops and substitutions count too: `set -eux; { echo a; } > f` is a chain.
 */
function commandCount(instruction: InstructionNode): number {
  return instruction.shell!.commands.filter((c) => c.name).length;
}

function mergeable(instruction: InstructionNode): boolean {
  return instruction.keyword === 'RUN' && !instruction.execForm && !instruction.heredocs.length && !!instruction.shell && !instruction.shell.error;
}

function flagsText(model: DockerfileModel, instruction: InstructionNode): string {
  return instruction.flags.map((f) => model.text.slice(f.start, f.end)).join(' ');
}

/** Builtins whose effect (directory, environment, shell options) would leak into the merged commands. */
const STATEFUL = new Set([
  'cd',
  'pushd',
  'popd',
  'export',
  'unset',
  'set',
  'umask',
  'source',
  '.',
  'shopt',
  'ulimit',
  'trap',
  'alias',
  'declare',
  'typeset',
  'readonly',
  'local',
]);

/**
 * Joins the two bodies with ` && \` when nothing but whitespace (no comments) lies between them and
 * the first RUN changes no shell state (a `cd` or `export` would silently apply to the second).
 */
function mergeFix(model: DockerfileModel, previous: InstructionNode, current: InstructionNode): OffsetFix | undefined {
  const between = model.text.slice(previous.end, current.start);
  const body = current.argumentText;
  if (!body || between.trim() !== '' || previous.shell!.backgroundStatements.length) return undefined;
  if (previous.shell!.commands.some((c) => (c.name ? STATEFUL.has(c.name.value) : c.assignments.length > 0))) return undefined;
  const newline = lineBreakAt(model.text, previous.end);
  return {
    title: 'Merge into the previous RUN',
    edits: [{ start: previous.end, end: body.start, newText: ` && ${model.escapeChar}${newline}    ` }],
    preferred: true,
  };
}

export default rule;
