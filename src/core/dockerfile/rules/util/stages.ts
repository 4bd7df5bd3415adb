/** Stage facts shared by the multistage and layer-size rules. */
import type { DockerfileModel, InstructionNode, Stage } from '../../model/types';

/**
 * True when the layers of `stage` end up in the final image: it is the final stage or a stage that
 * one of those builds `FROM`. A builder stage that is only copied from (`COPY --from`) leaves its
 * caches and package lists behind, so layer-size rules do not apply there.
 */
export function shipsLayers(model: DockerfileModel, stage: Stage | undefined): boolean {
  if (!stage) return true;
  let shipping = shippingStages.get(model);
  if (!shipping) {
    shipping = new Set();
    for (let s = model.stages.at(-1); s && !shipping.has(s); s = s.baseStage) shipping.add(s);
    shippingStages.set(model, shipping);
  }
  return shipping.has(stage);
}

/**
 * `shipsLayers` for the stage of one instruction; an ONBUILD trigger always ships: it runs in the
 * images built from this one, whatever becomes of this stage.
 */
export function instructionShipsLayers(model: DockerfileModel, instruction: InstructionNode): boolean {
  return instruction.isTrigger === true || shipsLayers(model, instruction.stage);
}

/** The final stage and the chain of stages it builds on, computed once per model. */
const shippingStages = new WeakMap<DockerfileModel, Set<Stage>>();

/** `RUN --mount=type=cache,target=...` (or tmpfs) over one of the given paths: the cache never reaches a layer. */
export function mountsCacheAt(instruction: InstructionNode, ...paths: string[]): boolean {
  return instruction.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) return false;
    const fields = new Map(flag.value.split(',').map((kv) => [kv.split('=')[0].trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1).trim()] as const));
    const type = fields.get('type');
    if (type !== 'cache' && type !== 'tmpfs') return false;
    const target = (fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? '').replace(/\/+$/, '');
    return paths.some((p) => target === p || p.startsWith(target + '/') || target.startsWith(p + '/'));
  });
}

/** The image the stage runs as a program: its last CMD/ENTRYPOINT in this stage or inherited from base stages. */
export function runsCommand(stage: Stage): InstructionNode | undefined {
  for (let s: Stage | undefined = stage; s; s = s.baseStage) {
    const found = [...s.instructions].reverse().find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    if (found) return found;
  }
  return undefined;
}

/** Programs that make a CMD "an interactive toolchain", not an application: `CMD ["bash"]`, `CMD ["python3"]`. */
const INTERACTIVE = /^(sh|bash|ash|zsh|dash|python[0-9.]*|node|irb|ruby|php|go|java|jshell|iex|erl|ghci|R|julia|pwsh|powershell|cmd)$/;

/** True when the stage's command is a bare shell or interpreter (a toolchain or base image, not an app). */
export function runsInteractiveShell(stage: Stage): boolean {
  const command = runsCommand(stage);
  if (!command) return true;
  const first = command.execForm?.[0]?.value ?? command.shell?.commands[0]?.name?.value ?? command.args[0]?.value ?? '';
  const base = first.split('/').pop() ?? '';
  const argCount = command.execForm ? command.execForm.length : command.args.length;
  return INTERACTIVE.test(base) && argCount === 1;
}
