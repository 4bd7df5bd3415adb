/** Cross-file rules: references between objects of different files, and when they must stay silent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings } from './helpers';

const deployment = (name: string, labels: string, podSpec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: ${labels}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n${podSpec}      containers:\n        - name: c\n          image: a:1\n`;

const service = (name: string, selector: string, ports = '[{port: 80, name: http}]', namespace = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector: ${selector}\n  ports: ${ports}\n`;

const configMap = (name: string, data = '{a: "1"}') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata: ${data}\n`;

const withEnv = (env: string) => deployment('d', '{app: d}', '').replace('          image: a:1\n', `          image: a:1\n          env:\n${env}`);

interface Case {
  rule: string;
  name: string;
  files: Record<string, string>;
  /** [file, snippet, nth occurrence] whose ranges must be reported. */
  expect: ([string, string] | [string, string, number])[];
}

const cases: Case[] = [
  {
    rule: 'k8s-service-selects-nothing',
    name: 'label value typo across files',
    files: { '/ws/svc.yaml': service('web', '{app: wbe}'), '/ws/deploy.yaml': deployment('web', '{app: web}') },
    expect: [['/ws/svc.yaml', '|selector']],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'matches a workload in another file',
    files: { '/ws/svc.yaml': service('web', '{app: web}'), '/ws/deploy.yaml': deployment('web', '{app: web, tier: front}') },
    expect: [],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'only part of the selector matches',
    files: { '/ws/all.yaml': service('web', '{app: web, tier: back}') + '---\n' + deployment('web', '{app: web, tier: front}') },
    expect: [['/ws/all.yaml', '|selector']],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'different explicit namespaces do not match',
    files: {
      '/ws/svc.yaml': service('web', '{app: web}', undefined, 'prod'),
      '/ws/deploy.yaml': deployment('web', '{app: web}').replace('  name: web\n', '  name: web\n  namespace: dev\n'),
      '/ws/other.yaml': deployment('api', '{app: api}').replace('  name: api\n', '  name: api\n  namespace: prod\n'),
    },
    expect: [['/ws/svc.yaml', '|selector']],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'selector keys no workload uses (operator-made pods)',
    files: { '/ws/svc.yaml': service('metrics', '{app.kubernetes.io/name: exporter}'), '/ws/deploy.yaml': deployment('web', '{app: web}') },
    expect: [],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'workloads only in a sibling folder',
    files: { '/ws/a/svc.yaml': service('web', '{app: wbe}'), '/ws/b/deploy.yaml': deployment('web', '{app: web}') },
    expect: [],
  },
  {
    rule: 'k8s-service-selects-nothing',
    name: 'workloads in a parent folder count',
    files: { '/ws/app/svc/svc.yaml': service('web', '{app: wbe}'), '/ws/app/deploy.yaml': deployment('web', '{app: web}') },
    expect: [['/ws/app/svc/svc.yaml', '|selector']],
  },

  {
    rule: 'k8s-service-target-port',
    name: 'named targetPort the pods do not declare; numbers are not judged',
    files: {
      '/ws/svc.yaml': service('web', '{app: web}', '[{port: 80, targetPort: http}, {port: 81, targetPort: metrics}, {port: 82, targetPort: 9000}]'),
      '/ws/deploy.yaml': deployment('web', '{app: web}').replace('          image: a:1\n', '          image: a:1\n          ports: [{name: http, containerPort: 8080}]\n'),
    },
    expect: [['/ws/svc.yaml', 'targetPort: |metrics']],
  },
  {
    rule: 'k8s-service-target-port',
    name: 'a name the API server refuses is left to k8s-port-range',
    files: {
      '/ws/svc.yaml': service('web', '{app: web}', '[{port: 80, targetPort: HTTP_Port}, {port: 81, targetPort: metrics}]'),
      '/ws/deploy.yaml': deployment('web', '{app: web}'),
    },
    expect: [['/ws/svc.yaml', 'targetPort: |metrics']],
  },
  {
    rule: 'k8s-service-target-port',
    name: 'a port named in any of the selected workloads is enough',
    files: {
      '/ws/svc.yaml': service('web', '{app: web}', '[{port: 80, targetPort: http}]'),
      '/ws/a.yaml': deployment('a', '{app: web, v: one}'),
      '/ws/b.yaml': deployment('b', '{app: web, v: two}').replace('          image: a:1\n', '          image: a:1\n          ports: [{name: http, containerPort: 8080}]\n'),
    },
    expect: [],
  },
  {
    rule: 'k8s-backend-missing',
    name: 'ingress to a missing service',
    files: {
      '/ws/ing.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service:\n      name: webb\n      port: {number: 80}\n',
      '/ws/svc.yaml': service('web', '{app: web}'),
    },
    expect: [['/ws/ing.yaml', 'name: |webb']],
  },
  {
    rule: 'k8s-backend-missing',
    name: 'ingress to a port the service lacks, by number and by name',
    files: {
      '/ws/ing.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {number: 8080}}\n          - path: /b\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {name: grpc}}\n          - path: /c\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {name: http}}\n',
      '/ws/svc.yaml': service('web', '{app: web}'),
    },
    expect: [
      ['/ws/ing.yaml', 'number: |8080'],
      ['/ws/ing.yaml', 'name: |grpc'],
    ],
  },
  {
    rule: 'k8s-backend-missing',
    name: 'legacy v1beta1 backend',
    files: {
      '/ws/ing.yaml': 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  backend:\n    serviceName: web\n    servicePort: 81\n',
      '/ws/svc.yaml': service('web', '{app: web}'),
    },
    expect: [['/ws/ing.yaml', 'servicePort: |81']],
  },
  {
    rule: 'k8s-backend-missing',
    name: 'HTTPRoute backendRef',
    files: {
      '/ws/route.yaml': 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n    - backendRefs:\n        - name: web\n          port: 80\n        - name: api\n          port: 80\n        - name: other\n          kind: ServiceImport\n          group: multicluster.x-k8s.io\n',
      '/ws/svc.yaml': service('web', '{app: web}'),
    },
    expect: [['/ws/route.yaml', 'name: |api']],
  },
  {
    rule: 'k8s-backend-missing',
    name: 'no Services near: the service is managed elsewhere',
    files: { '/ws/ing.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n' },
    expect: [],
  },

  {
    rule: 'k8s-missing-configmap',
    name: 'envFrom, configMapKeyRef and volume to a misspelt ConfigMap',
    files: {
      '/ws/cm.yaml': configMap('app-config'),
      '/ws/d.yaml': withEnv('            - name: A\n              valueFrom:\n                configMapKeyRef: {name: app-confg, key: a}\n')
        .replace('      containers:', '      volumes:\n        - name: v\n          configMap: {name: missing-vol}\n      containers:'),
    },
    expect: [
      ['/ws/d.yaml', 'name: |app-confg'],
      ['/ws/d.yaml', 'name: |missing-vol'],
    ],
  },
  {
    rule: 'k8s-missing-configmap',
    name: 'optional reference, cluster-made kube-root-ca.crt',
    files: {
      '/ws/cm.yaml': configMap('app-config'),
      '/ws/d.yaml': withEnv('            - name: A\n              valueFrom:\n                configMapKeyRef: {name: other, key: a, optional: true}\n').replace(
        '      containers:',
        '      volumes:\n        - name: ca\n          configMap: {name: kube-root-ca.crt}\n      containers:',
      ),
    },
    expect: [],
  },
  {
    rule: 'k8s-missing-configmap',
    name: 'no ConfigMap defined anywhere near: silent',
    files: { '/ws/d.yaml': withEnv('            - name: A\n              valueFrom:\n                configMapKeyRef: {name: other, key: a}\n') },
    expect: [],
  },
  {
    rule: 'k8s-missing-secret',
    name: 'secret volume and secretKeyRef',
    files: {
      '/ws/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: x}\n',
      '/ws/d.yaml': withEnv('            - name: P\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n            - name: T\n              valueFrom:\n                secretKeyRef: {name: tls, key: crt}\n'),
    },
    expect: [['/ws/d.yaml', 'name: |tls']],
  },
  {
    rule: 'k8s-missing-secret',
    name: 'SealedSecret and ExternalSecret provide their Secret',
    files: {
      '/ws/s.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata: {name: other}\n---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\nspec: {encryptedData: {password: AgB}}\n---\napiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: es}\nspec:\n  target: {name: api-token}\n',
      '/ws/d.yaml': withEnv('            - name: P\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n            - name: T\n              valueFrom:\n                secretKeyRef: {name: api-token, key: t}\n'),
    },
    expect: [],
  },
  {
    rule: 'k8s-missing-secret',
    name: 'kustomize secretGenerator and configMapGenerator provide their objects',
    files: {
      '/ws/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [d.yaml]\nsecretGenerator:\n  - name: db\n    literals: [password=x]\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n',
      '/ws/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: other}\n',
      '/ws/d.yaml': withEnv('            - name: P\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n            - name: S\n              valueFrom:\n                configMapKeyRef: {name: settings, key: a}\n'),
    },
    expect: [],
  },
  {
    rule: 'k8s-missing-config-key',
    name: 'key absent from a known ConfigMap and Secret',
    files: {
      '/ws/cm.yaml': configMap('app-config', '{log-level: info}') + '---\napiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: eA==}\n',
      '/ws/d.yaml': withEnv(
        '            - name: A\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: loglevel}\n            - name: B\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: log-level}\n            - name: P\n              valueFrom:\n                secretKeyRef: {name: db, key: pasword}\n',
      ),
    },
    expect: [
      ['/ws/d.yaml', 'key: |loglevel'],
      ['/ws/d.yaml', 'key: |pasword'],
    ],
  },
  {
    rule: 'k8s-missing-config-key',
    name: 'volume items keys',
    files: {
      '/ws/all.yaml':
        configMap('conf', '{nginx.conf: "x"}') +
        '---\n' +
        deployment('d', '{app: d}', '      volumes:\n        - name: v\n          configMap:\n            name: conf\n            items:\n              - {key: nginx.conf, path: a}\n              - {key: mime.types, path: b}\n'),
    },
    expect: [['/ws/all.yaml', 'key: |mime.types']],
  },
  {
    rule: 'k8s-missing-service-account',
    name: 'misspelt and default',
    files: {
      '/ws/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n',
      '/ws/d.yaml': deployment('d', '{app: d}', '      serviceAccountName: ap\n'),
      '/ws/e.yaml': deployment('e', '{app: e}', '      serviceAccountName: default\n'),
    },
    expect: [['/ws/d.yaml', 'serviceAccountName: |ap']],
  },
  {
    rule: 'k8s-missing-pvc',
    name: 'claimName typo; StatefulSet template names are fine',
    files: {
      '/ws/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n',
      '/ws/d.yaml': deployment('d', '{app: d}', '      volumes:\n        - name: v\n          persistentVolumeClaim: {claimName: dat}\n'),
      '/ws/s.yaml': deployment('s', '{app: s}', '      volumes:\n        - name: v\n          persistentVolumeClaim: {claimName: www}\n')
        .replace('kind: Deployment', 'kind: StatefulSet')
        .replace('spec:\n  selector', 'spec:\n  volumeClaimTemplates:\n    - metadata: {name: www}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n  selector'),
    },
    expect: [['/ws/d.yaml', 'claimName: |dat']],
  },
  {
    rule: 'k8s-pvc-unsatisfied',
    name: 'class not defined among the workspace classes',
    files: {
      '/ws/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast-ssd}\nprovisioner: x\n',
      '/ws/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: fast\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n',
    },
    expect: [['/ws/pvc.yaml', 'storageClassName: |fast']],
  },
  {
    rule: 'k8s-pvc-unsatisfied',
    name: 'static PV too small or wrong access mode',
    files: {
      '/ws/pv.yaml':
        'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec:\n  storageClassName: manual\n  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOnce]\n',
      '/ws/pvc.yaml':
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: big}\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: shared}\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ok}\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5000Mi}}\n',
    },
    expect: [
      ['/ws/pvc.yaml', 'storageClassName: |manual'],
      ['/ws/pvc.yaml', 'storageClassName: |manual', 1],
    ],
  },
  {
    rule: 'k8s-pvc-unsatisfied',
    name: 'static binding (empty class) and volumeName',
    files: {
      '/ws/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1, labels: {disk: ssd}}\nspec:\n  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOnce]\n',
      '/ws/pvc.yaml':
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: fits}\nspec:\n  storageClassName: ""\n  selector: {matchLabels: {disk: ssd}}\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: wrong-label}\nspec:\n  storageClassName: ""\n  selector: {matchLabels: {disk: hdd}}\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: by-name}\nspec:\n  volumeName: pv2\n',
    },
    expect: [
      ['/ws/pvc.yaml', 'storageClassName: |""', 1],
      ['/ws/pvc.yaml', 'volumeName: |pv2'],
    ],
  },
  {
    rule: 'k8s-pvc-unsatisfied',
    name: 'no class given, or no StorageClass near: the cluster decides',
    files: {
      '/ws/a/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: standard\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d2}\nspec:\n  resources: {requests: {storage: 1Gi}}\n',
      '/ws/b/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n',
    },
    expect: [],
  },
  {
    rule: 'k8s-pvc-unsatisfied',
    name: 'StatefulSet volumeClaimTemplate',
    files: {
      '/ws/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n',
      '/ws/s.yaml': deployment('s', '{app: s}')
        .replace('kind: Deployment', 'kind: StatefulSet')
        .replace('spec:\n  selector', 'spec:\n  volumeClaimTemplates:\n    - metadata: {name: www}\n      spec: {storageClassName: slow, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n  selector'),
    },
    expect: [['/ws/s.yaml', 'storageClassName: |slow']],
  },
  {
    rule: 'k8s-duplicate-object',
    name: 'same file',
    files: { '/ws/a.yaml': configMap('x') + '---\n' + configMap('x') + '---\n' + configMap('y') },
    expect: [
      ['/ws/a.yaml', 'name: |x'],
      ['/ws/a.yaml', 'name: |x', 1],
    ],
  },
  {
    rule: 'k8s-duplicate-object',
    name: 'different namespaces or kinds are different objects',
    files: { '/ws/a.yaml': configMap('x') + '---\n' + configMap('x').replace('  name: x\n', '  name: x\n  namespace: other\n') + '---\n' + 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n' },
    expect: [],
  },
  {
    rule: 'k8s-duplicate-object',
    name: 'side-by-side alternatives are not compared',
    files: { '/ws/pod.yaml': configMap('x'), '/ws/pod-alt.yaml': configMap('x') },
    expect: [],
  },
  {
    rule: 'k8s-duplicate-object',
    name: 'files listed by one Kustomization',
    files: {
      '/ws/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - a.yaml\n  - ./sub/b.yaml\n',
      '/ws/base/a.yaml': configMap('x'),
      '/ws/base/sub/b.yaml': configMap('x'),
    },
    expect: [
      ['/ws/base/a.yaml', 'name: |x'],
      ['/ws/base/sub/b.yaml', 'name: |x'],
    ],
  },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, () => {
    const expected = c.expect.map(([file, snippet, nth]) => `${file}@${at(c.files[file], snippet, nth)}`).sort();
    assert.deepEqual(findings(c.files, c.rule), expected);
  });
}

