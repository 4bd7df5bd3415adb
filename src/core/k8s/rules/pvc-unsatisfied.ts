/**
 * A PersistentVolumeClaim (or a StatefulSet's volumeClaimTemplate) must be satisfiable by what the
 * workspace defines: a StorageClass of the requested name for dynamic provisioning, or a
 * PersistentVolume with that class, enough capacity and the access modes. A claim without
 * `storageClassName` uses the cluster's default class and is not judged. A claim naming a class is
 * judged only when StorageClasses are defined in its folder or above (else the class is the
 * cluster's) or PersistentVolumes of that class are.
 */
import { asArray, asRecord, asString, asStringMap, dig } from '../../rules/yaml-values';
import type { YamlRecord } from '../../rules/yaml-values';
import { CLASS_ANNOTATION, sameNamespace, storageClassOf } from '../model';
import type { K8sObject, YamlPath } from '../model';
import { parseQuantity } from '../quantity';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

export const pvcUnsatisfied: KubernetesRule = {
  meta: {
    id: 'k8s-pvc-unsatisfied',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'A PersistentVolumeClaim must match a defined StorageClass or a PersistentVolume (class, capacity, access modes).',
    practice: 'correctness',
  },
  check(object, context) {
    if (object.kind === 'PersistentVolumeClaim') checkClaim(object, object.value, [], object.name, context);
    if (object.kind === 'StatefulSet') {
      asArray(dig(object.value, 'spec', 'volumeClaimTemplates')).forEach((template, i) => {
        const claim = asRecord(template);
        if (claim) checkClaim(object, claim, ['spec', 'volumeClaimTemplates', i], asString(dig(claim, 'metadata', 'name')), context);
      });
    }
  },
};

function checkClaim(owner: K8sObject, claim: YamlRecord, at: YamlPath, claimName: string | undefined, context: KubernetesRuleContext): void {
  const { workspace } = context;
  const spec = asRecord(claim.spec) ?? {};
  const volumeName = asString(spec.volumeName);
  if (volumeName) {
    if (workspace.managesKindNear('PersistentVolume', owner.fileName) && workspace.named('PersistentVolume', volumeName, undefined).length === 0) {
      context.report({ path: [...at, 'spec', 'volumeName'], message: `PersistentVolume "${volumeName}" is not defined in the workspace.` });
    }
    return;
  }
  const className = storageClassOf(claim);
  if (className === undefined) return;
  const classPath = spec.storageClassName !== undefined ? [...at, 'spec', 'storageClassName'] : [...at, 'metadata', 'annotations', CLASS_ANNOTATION];
  if (className !== '' && workspace.named('StorageClass', className, undefined).length > 0) return;

  for (const pv of workspace.persistentVolumesOfClass(className)) if (fits(pv, spec, owner, claimName)) return;

  // Only what is defined near the claim says what the user intended for it (see managesKindNear).
  if ([...workspace.persistentVolumesOfClass(className)].some((pv) => workspace.isNear(pv, owner.fileName))) {
    context.report({ path: classPath, message: `No PersistentVolume of class "${className}" fits this claim (capacity, access modes, selector or claimRef).` });
  } else if (workspace.managesKindNear(className === '' ? 'PersistentVolume' : 'StorageClass', owner.fileName)) {
    const classes = [...new Set(workspace.ofKindNear('StorageClass', owner.fileName).map((c) => c.name).filter(Boolean))];
    const hint = className === '' ? 'no PersistentVolume without a class is defined' : `defined classes: ${classes.join(', ') || 'none'}`;
    context.report({ path: classPath, message: `No StorageClass or PersistentVolume provides class "${className}" (${hint}).` });
  }
}

/** Binding rules of the PV controller, minus what only the cluster knows (node affinity, phase). */
function fits(pv: K8sObject, claim: YamlRecord, owner: K8sObject, claimName: string | undefined): boolean {
  const pvSpec = asRecord(pv.value.spec) ?? {};
  const requested = parseQuantity(dig(claim, 'resources', 'requests', 'storage'));
  const capacity = parseQuantity(dig(pvSpec, 'capacity', 'storage'));
  if (requested !== undefined && capacity !== undefined && capacity < requested) return false;
  const offered = new Set(asArray(pvSpec.accessModes).map(String));
  if (asArray(claim.accessModes).some((mode) => !offered.has(String(mode)))) return false;
  const wantedLabels = asStringMap(dig(claim, 'selector', 'matchLabels'));
  if (Object.entries(wantedLabels).some(([k, v]) => pv.labels[k] !== v)) return false;
  const claimRef = asRecord(pvSpec.claimRef);
  if (claimRef && owner.kind === 'PersistentVolumeClaim') {
    if (asString(claimRef.name) !== claimName || !sameNamespace(asString(claimRef.namespace), owner.namespace)) return false;
  }
  return true;
}
