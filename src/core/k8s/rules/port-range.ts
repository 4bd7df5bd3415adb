/**
 * Ports the API server rejects: numbers outside 1–65535, named ports that are not IANA service
 * names (at most 15 characters, lower case, at least one letter), protocols other than TCP, UDP
 * and SCTP (case matters). Mirrors kubernetes/pkg/apis/core/validation: validateContainerPorts
 * (containerPort, hostPort, name with IsValidPortName and no duplicate; its protocol is a schema
 * enum already), ValidatePortNumOrName for probe and lifecycle handlers (a quoted number
 * is a name there, and rejected), ValidateService's ports (port, targetPort with 0 defaulted,
 * nodePort, protocol in supportedPortProtocols, names as DNS-1123 labels, required and unique when there are several); and
 * networking's validateIngressBackend (service.port.number/name) and ValidateNetworkPolicyPort
 * (port, endPort >= port).
 */
import { asArray, asRecord } from '../../rules/yaml-values';
import type { YamlRecord } from '../../rules/yaml-values';
import { apiGroupOf, describe, isBuiltIn, isDns1123Label, isTemplated, isValidPortName, isValidPortNum } from '../api-validation';
import type { K8sObject, YamlPath } from '../model';
import { containersOf } from '../pod-spec';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export const portRange: KubernetesRule = {
  meta: {
    id: 'k8s-port-range',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: 'Port numbers must be 1–65535, port names valid service names, and protocols TCP, UDP or SCTP.',
    practice: 'correctness',
  },
  check(object, context) {
    if (!isBuiltIn(object)) return;
    checkContainers(object, context);
    const group = apiGroupOf(object.apiVersion);
    if (object.kind === 'Service' && group === '') checkService(object, context);
    if (object.kind === 'Ingress' && group === 'networking.k8s.io') checkIngress(object, context);
    if (object.kind === 'NetworkPolicy' && group === 'networking.k8s.io') checkNetworkPolicy(object, context);
  },
};

function checkContainers(object: K8sObject, context: KubernetesRuleContext): void {
  for (const ref of containersOf(object)) {
    if (ref.kind === 'ephemeral') continue; // ephemeral containers may not declare ports or probes at all
    const names = new Set<string>();
    asArray(ref.container.ports).forEach((item, i) => {
      const port = asRecord(item);
      if (!port) return;
      const at = [...ref.path, 'ports', i];
      if (typeof port.name === 'string' && port.name !== '' && !isTemplated(port.name)) {
        const reasons = isValidPortName(port.name);
        if (reasons.length) context.report({ path: [...at, 'name'], message: describe('Port name', port.name, reasons) });
        else if (names.has(port.name)) context.report({ path: [...at, 'name'], message: `Port name "${port.name}" is a duplicate: each port of a container needs its own name.` });
        names.add(port.name);
      }
      number(context, port.containerPort, [...at, 'containerPort'], 'containerPort');
      if (port.hostPort !== 0) number(context, port.hostPort, [...at, 'hostPort'], 'hostPort');
      // A container port's protocol is an enum of the schema (k8s-schema reports `tcp` there).
    });
    const handlers: [YamlRecord | undefined, YamlPath][] = [
      ...PROBES.map((p): [YamlRecord | undefined, YamlPath] => [asRecord(ref.container[p]), [...ref.path, p]]),
      ...['postStart', 'preStop'].map((h): [YamlRecord | undefined, YamlPath] => [asRecord(asRecord(ref.container.lifecycle)?.[h]), [...ref.path, 'lifecycle', h]]),
    ];
    for (const [handler, at] of handlers) {
      if (!handler) continue;
      for (const kind of ['httpGet', 'tcpSocket']) {
        const action = asRecord(handler[kind]);
        if (action) numberOrName(context, action.port, [...at, kind, 'port'], 'port');
      }
      const grpc = asRecord(handler.grpc);
      if (grpc) number(context, grpc.port, [...at, 'grpc', 'port'], 'port');
    }
  }
}

function checkService(object: K8sObject, context: KubernetesRuleContext): void {
  const ports = asArray(asRecord(object.value.spec)?.ports);
  const names = new Set<string>();
  ports.forEach((item, i) => {
    const port = asRecord(item);
    if (!port) return;
    const at = ['spec', 'ports', i];
    if (typeof port.name === 'string' && port.name !== '') {
      if (!isTemplated(port.name)) {
        const reasons = isDns1123Label(port.name);
        if (reasons.length) context.report({ path: [...at, 'name'], message: describe('Service port name', port.name, reasons, 'a DNS-1123 label') });
        else if (names.has(port.name)) context.report({ path: [...at, 'name'], message: `Service port name "${port.name}" is a duplicate: each port needs its own name.` });
        names.add(port.name);
      }
    } else if (ports.length > 1 && (port.name === undefined || port.name === '')) {
      context.report({ path: at, message: 'Service port needs a name: when a Service has more than one port, every port must be named.' });
    }
    number(context, port.port, [...at, 'port'], 'port');
    // 0 and "" mean "same as port" (the API server defaults them before validating).
    if (port.targetPort !== 0 && port.targetPort !== '') numberOrName(context, port.targetPort, [...at, 'targetPort'], 'targetPort');
    if (port.nodePort !== 0) number(context, port.nodePort, [...at, 'nodePort'], 'nodePort');
    protocol(context, port.protocol, [...at, 'protocol']);
  });
}

function checkIngress(object: K8sObject, context: KubernetesRuleContext): void {
  const spec = asRecord(object.value.spec);
  const backends: [unknown, YamlPath][] = [[spec?.defaultBackend, ['spec', 'defaultBackend']]];
  asArray(spec?.rules).forEach((rule, i) => {
    asArray(asRecord(asRecord(rule)?.http)?.paths).forEach((p, j) => backends.push([asRecord(p)?.backend, ['spec', 'rules', i, 'http', 'paths', j, 'backend']]));
  });
  for (const [backend, at] of backends) {
    const port = asRecord(asRecord(asRecord(backend)?.service)?.port);
    if (!port) continue;
    number(context, port.number, [...at, 'service', 'port', 'number'], 'port');
    if (typeof port.name === 'string' && !isTemplated(port.name)) {
      const reasons = isValidPortName(port.name);
      if (reasons.length) context.report({ path: [...at, 'service', 'port', 'name'], message: describe('Port name', port.name, reasons) });
    }
  }
}

function checkNetworkPolicy(object: K8sObject, context: KubernetesRuleContext): void {
  const spec = asRecord(object.value.spec);
  for (const direction of ['ingress', 'egress']) {
    asArray(spec?.[direction]).forEach((rule, i) => {
      asArray(asRecord(rule)?.ports).forEach((item, j) => {
        const port = asRecord(item);
        if (!port) return;
        const at = ['spec', direction, i, 'ports', j];
        protocol(context, port.protocol, [...at, 'protocol']);
        numberOrName(context, port.port, [...at, 'port'], 'port');
        if (typeof port.endPort !== 'number') return;
        if (typeof port.port === 'string') {
          context.report({ path: [...at, 'endPort'], target: 'key', message: 'endPort may not be specified when `port` is non-numeric.' });
        } else if (port.port === undefined) {
          context.report({ path: [...at, 'endPort'], target: 'key', message: 'endPort may not be specified when `port` is not specified.' });
        } else if (typeof port.port === 'number' && port.endPort < port.port) {
          context.report({ path: [...at, 'endPort'], message: `endPort ${port.endPort} must be greater than or equal to \`port\` (${port.port}).` });
        } else {
          number(context, port.endPort, [...at, 'endPort'], 'endPort');
        }
      });
    });
  }
}

/** An integer port field; other types are the schema's to report. */
function number(context: KubernetesRuleContext, value: unknown, path: YamlPath, what: string): void {
  if (typeof value !== 'number') return;
  const reasons = isValidPortNum(value);
  if (reasons.length) context.report({ path, message: `${what} ${value} ${reasons.join('; ')}.` });
}

/** An IntOrString port: a number is a port number, a string (even "8080") a port name. */
function numberOrName(context: KubernetesRuleContext, value: unknown, path: YamlPath, what: string): void {
  if (typeof value === 'number') return number(context, value, path, what);
  if (typeof value !== 'string' || isTemplated(value)) return;
  const reasons = isValidPortName(value);
  if (reasons.length === 0) return;
  const hint = /^\d+$/.test(value) ? ' (a quoted number is a port name; write it unquoted)' : '';
  context.report({ path, message: `${describe(`${what} name`, value, reasons).slice(0, -1)}${hint}.` });
}

function protocol(context: KubernetesRuleContext, value: unknown, path: YamlPath): void {
  // An empty protocol is defaulted to TCP.
  if (typeof value !== 'string' || value === '' || isTemplated(value) || PROTOCOLS.includes(value)) return;
  context.report({ path, message: `Protocol "${value}" is not supported: supported values are ${PROTOCOLS.map((p) => `"${p}"`).join(', ')}.` });
}
