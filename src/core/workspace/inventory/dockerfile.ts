/** A Dockerfile's stages as the tree shows them, read from the shared Dockerfile model. */
import { buildModel } from '../../dockerfile/model/build-model';
import type { DockerfileModel, InstructionNode, Stage } from '../../dockerfile/model/types';
import type { DockerfileEntry, SourceSpan, StageEntry } from './types';

type Command = NonNullable<StageEntry['command']>;

export function readDockerfile(path: string, text: string): DockerfileEntry {
  const model = buildModel(text);
  const span = (start: number, end: number): SourceSpan => {
    const range = model.lines.rangeOf(start, end);
    return { path, line: range.start.line, character: range.start.character, endLine: range.end.line };
  };
  const stages = model.stages.map((stage) => readStage(model, stage, span));
  const whole = model.lines.rangeOf(0, text.length);
  return { path, stages, at: { path, line: 0, character: 0, endLine: whole.end.line } };
}

function readStage(model: DockerfileModel, stage: Stage, span: (start: number, end: number) => SourceSpan): StageEntry {
  const last = stage.instructions.at(-1) ?? stage.from;
  const at = (node: InstructionNode) => span(node.start, node.end);
  const copiesFrom: StageEntry['copiesFrom'] = [];
  const exposedPorts: StageEntry['exposedPorts'] = [];
  for (const node of stage.instructions) {
    if (node.keyword === 'COPY' && !node.onbuild) {
      const from = node.flags.find((f) => f.name.toLowerCase() === 'from')?.value;
      if (from) copiesFrom.push({ from: stageLabel(model, from) ?? from, isStage: stageLabel(model, from) !== undefined, at: at(node) });
    }
    if (node.keyword === 'EXPOSE' && !node.onbuild) for (const arg of node.args) exposedPorts.push({ port: arg.value, at: span(arg.start, arg.end) });
  }
  const command = (keyword: Command['keyword']): Command | undefined => {
    // The final stage runs what its chain of base stages last set: show that, not only its own lines.
    for (let s: Stage | undefined = stage; s; s = stage.isFinal ? s.baseStage : undefined) {
      const node = [...s.instructions].reverse().find((i) => i.keyword === keyword && !i.onbuild);
      if (node) return { keyword, text: commandText(node), at: at(node) };
    }
    return undefined;
  };
  return {
    index: stage.index,
    name: stage.name?.value,
    baseImage: stage.baseStage ? undefined : (stage.resolvedImage ?? stage.image?.value),
    baseStage: stage.baseStage ? (stage.baseStage.name?.value ?? String(stage.baseStage.index)) : undefined,
    final: stage.isFinal,
    copiesFrom,
    exposedPorts,
    command: command('CMD'),
    entrypoint: command('ENTRYPOINT'),
    at: span(stage.from.start, last.end),
  };
}

/** `--from=builder` → `builder`, `--from=0` → the name of stage 0 (or `0`); undefined for an image. */
function stageLabel(model: DockerfileModel, from: string): string | undefined {
  const named = model.stageByName.get(from.toLowerCase());
  if (named?.name) return named.name.value;
  if (/^\d+$/.test(from)) {
    const stage = model.stages[Number(from)];
    return stage ? (stage.name?.value ?? from) : undefined;
  }
  return undefined;
}

/** The instruction's arguments on one line, as written (exec form keeps its brackets). */
function commandText(node: InstructionNode): string {
  return (node.argumentText?.value ?? '').replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}
