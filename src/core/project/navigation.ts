/**
 * Outline and go-to-definition from the inventory: a Dockerfile's stages, a compose file's services,
 * a manifest's objects; `COPY --from` to its stage, `depends_on` to its service, a reference
 * (`configMapKeyRef`, a Service selector, an Ingress backend) to the objects it names.
 */
import type { SourceSpan, WorkspaceInventory } from '../workspace/inventory';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'stage' | 'service' | 'object';
  at: SourceSpan;
}

export function outlineOf(inventory: WorkspaceInventory, path: string): OutlineSymbol[] {
  const dockerfile = inventory.dockerfile(path);
  if (dockerfile) {
    return dockerfile.stages.map((s) => ({ name: s.name ?? s.baseImage ?? `stage ${s.index}`, detail: s.name ? (s.baseImage ?? s.baseStage) : `stage ${s.index}`, kind: 'stage', at: s.at }));
  }
  const compose = inventory.composeFiles().find((f) => f.path === path);
  if (compose) return compose.services.map((s) => ({ name: s.name, detail: s.image ?? s.build, kind: 'service', at: s.at }));
  return inventory
    .kubernetesObjects()
    .filter((o) => o.path === path)
    .map((o) => ({ name: `${o.kind} ${o.name ?? '(unnamed)'}`, detail: o.namespace ?? (o.clusterScoped ? undefined : 'default'), kind: 'object', at: o.at }));
}

/** Where the thing named at `line` (0-based) of `path` is defined; `word` is the token under the cursor. */
export function definitionsAt(inventory: WorkspaceInventory, path: string, line: number, word: string): SourceSpan[] {
  const dockerfile = inventory.dockerfile(path);
  if (dockerfile) {
    for (const stage of dockerfile.stages) {
      for (const copy of stage.copiesFrom) {
        if (copy.at.line > line || copy.at.endLine < line || !copy.isStage) continue;
        const target = dockerfile.stages.find((s) => s.name === copy.from.toLowerCase() || String(s.index) === copy.from);
        if (target) return [target.at];
      }
      if (stage.baseStage !== undefined && stage.at.line === line) {
        const base = dockerfile.stages.find((s) => s.name === stage.baseStage || String(s.index) === stage.baseStage);
        if (base) return [base.at];
      }
    }
    return [];
  }
  const compose = inventory.composeFiles().find((f) => f.path === path);
  if (compose) {
    const service = compose.services.find((s) => s.at.line < line && s.at.endLine >= line);
    const target = service?.dependsOn.includes(word) ? compose.services.find((s) => s.name === word) : undefined;
    return target ? [target.at] : [];
  }
  const targets: SourceSpan[] = [];
  for (const object of inventory.kubernetesObjects()) {
    if (object.path !== path || object.at.line > line || object.at.endLine < line) continue;
    for (const relation of inventory.relationsOf(object)) {
      if (relation.target && relation.at.line <= line && relation.at.endLine >= line) targets.push(relation.target.at);
    }
  }
  return targets;
}
