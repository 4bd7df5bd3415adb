/**
 * Ingress and Gateway API HTTPRoute backends must name a Service the workspace defines, on a port
 * that Service exposes. A missing Service is reported only when Services are defined in the route's
 * folder or above (as for other references, see ../missing-reference.ts); a wrong port is reported
 * whenever the Service is known.
 */
import { asArray, asRecord, asScalarText, asString, dig } from '../../rules/yaml-values';
import type { K8sObject, YamlPath } from '../model';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

interface Backend {
  service: string;
  namespace: string | undefined;
  port: unknown;
  servicePath: YamlPath;
  portPath: YamlPath;
}

export const backendMissing: KubernetesRule = {
  meta: {
    id: 'k8s-backend-missing',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Ingress and HTTPRoute backends must point at a defined Service and one of its ports.',
    practice: 'correctness',
    aliases: ['dangling-ingress', 'dangling-httproute'],
  },
  check(object, context) {
    const backends = object.kind === 'Ingress' ? ingressBackends(object) : object.kind === 'HTTPRoute' ? routeBackends(object) : [];
    for (const backend of backends) checkBackend(object, backend, context);
  },
};

function checkBackend(object: K8sObject, backend: Backend, context: KubernetesRuleContext): void {
  const services = context.workspace.named('Service', backend.service, backend.namespace).filter((s) => s.kind === 'Service');
  if (services.length === 0) {
    if (context.workspace.managesKindNear('Service', object.fileName)) {
      context.report({ path: backend.servicePath, message: `Service "${backend.service}" is not defined in the workspace.` });
    }
    return;
  }
  const port = asScalarText(backend.port);
  if (port === undefined) return;
  const ports = services.flatMap((s) => asArray(dig(s.value, 'spec', 'ports')).map(asRecord));
  const byNumber = /^\d+$/.test(port);
  const found = ports.some((p) => (byNumber ? asScalarText(p?.port) === port : asString(p?.name) === port));
  if (!found) {
    const offered = ports.map((p) => asScalarText(byNumber ? p?.port : p?.name)).filter(Boolean).join(', ') || 'none';
    context.report({ path: backend.portPath, message: `Service "${backend.service}" has no port ${byNumber ? port : `named "${port}"`} (it has: ${offered}).` });
  }
}

/** networking.k8s.io/v1 (`service.name`/`service.port`) and the removed v1beta1 (`serviceName`/`servicePort`). */
function ingressBackends(object: K8sObject): Backend[] {
  const result: Backend[] = [];
  const add = (backend: unknown, path: YamlPath) => {
    const b = asRecord(backend);
    if (!b) return;
    const service = asRecord(b.service);
    const v1Name = asString(service?.name);
    if (service && v1Name) {
      const port = asRecord(service.port);
      const portField = port?.number !== undefined ? 'number' : 'name';
      result.push({ service: v1Name, namespace: object.namespace, port: port?.[portField], servicePath: [...path, 'service', 'name'], portPath: [...path, 'service', 'port', portField] });
    } else if (asString(b.serviceName)) {
      result.push({ service: asString(b.serviceName)!, namespace: object.namespace, port: b.servicePort, servicePath: [...path, 'serviceName'], portPath: [...path, 'servicePort'] });
    }
  };
  add(dig(object.value, 'spec', 'defaultBackend'), ['spec', 'defaultBackend']);
  add(dig(object.value, 'spec', 'backend'), ['spec', 'backend']);
  asArray(dig(object.value, 'spec', 'rules')).forEach((rule, i) => {
    asArray(dig(rule, 'http', 'paths')).forEach((p, j) => add(asRecord(p)?.backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']));
  });
  return result;
}

function routeBackends(object: K8sObject): Backend[] {
  const result: Backend[] = [];
  asArray(dig(object.value, 'spec', 'rules')).forEach((rule, i) => {
    asArray(asRecord(rule)?.backendRefs).forEach((item, j) => {
      const ref = asRecord(item);
      const name = asString(ref?.name);
      // backendRefs may point at other kinds (e.g. a ServiceImport); only core Services are checked.
      if (!ref || !name || (ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '') return;
      const path = ['spec', 'rules', i, 'backendRefs', j];
      result.push({ service: name, namespace: asString(ref.namespace) ?? object.namespace, port: ref.port, servicePath: [...path, 'name'], portPath: [...path, 'port'] });
    });
  });
  return result;
}
