/** Compose rules: each case is an inline compose file and the exact ranges the rule must report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { checkComposeFile } from '../../../src/core/compose';
import { at, show } from '../k8s/helpers';

interface Case {
  rule: string;
  name: string;
  yaml: string;
  /** Snippets (with `|` marking the start) whose ranges must be reported, or [snippet, nth]. */
  expect: (string | [string, number])[];
}

const cases: Case[] = [
  {
    rule: 'compose-undefined-reference',
    name: 'depends_on (list and map), links, volumes_from, network_mode',
    yaml: 'services:\n  web:\n    image: a:1\n    depends_on: [api]\n    links: ["db:database"]\n  worker:\n    image: a:1\n    depends_on:\n      queue: {condition: service_started}\n      web: {condition: service_started}\n    volumes_from: [data, "container:foo"]\n    network_mode: "service:vpn"\n',
    expect: ['depends_on: [|api', 'links: [|"db:database"', '|queue', 'volumes_from: [|data', 'network_mode: |"service:vpn"'],
  },
  {
    rule: 'compose-undefined-reference',
    name: 'same-file extends; optional dependency; extends from another file',
    yaml: 'services:\n  base:\n    image: a:1\n  web:\n    extends: {service: bsae}\n    depends_on:\n      cache: {condition: service_started, required: false}\n  api:\n    extends:\n      file: common.yaml\n      service: other\n  job:\n    image: a:1\n    extends: base\n',
    expect: ['service: |bsae'],
  },
  {
    rule: 'compose-undefined-reference',
    name: 'networks, named volumes, secrets and configs',
    yaml: 'services:\n  web:\n    image: a:1\n    networks: [front, default]\n    volumes:\n      - data:/data\n      - ./site:/site\n      - /abs:/abs\n      - cache:/cache\n      - {type: volume, source: logs, target: /logs}\n      - {type: bind, source: ./x, target: /x}\n    secrets: [token, {source: cert}]\n    configs: [app]\nnetworks:\n  back: {}\nvolumes:\n  data: {}\nsecrets:\n  token: {file: ./t}\n',
    expect: ['networks: [|front', '- |cache:/cache', '- |{type: volume, source: logs, target: /logs}', '|{source: cert}', 'configs: [|app'],
  },
  {
    rule: 'compose-undefined-reference',
    name: 'map-form networks report the key',
    yaml: 'services:\n  web:\n    image: a:1\n    networks:\n      front:\n        aliases: [w]\n',
    expect: ['|front'],
  },
  {
    rule: 'compose-undefined-reference',
    name: 'override fragment and include are skipped',
    yaml: 'services:\n  web:\n    depends_on: [api]\n    networks: [front]\n',
    expect: [],
  },
  {
    rule: 'compose-undefined-reference',
    name: 'interpolated names are not judged',
    yaml: 'services:\n  web:\n    image: a:1\n    networks: ["${NET}"]\n    secrets: [{source: "${S}"}]\n',
    expect: [],
  },

  {
    rule: 'compose-depends-on-cycle',
    name: 'a three-service cycle through depends_on, links and volumes_from, reported once; a self-dependency',
    yaml: 'services:\n  a:\n    image: a:1\n    depends_on: [b, d]\n  b:\n    image: a:1\n    links: [c]\n  c:\n    image: a:1\n    volumes_from: [a]\n  d:\n    image: a:1\n  e:\n    image: a:1\n    depends_on:\n      e: {condition: service_started}\n',
    expect: ['depends_on: [|b', '    depends_on:\n      |e'],
  },
  {
    rule: 'compose-depends-on-cycle',
    name: 'two separate cycles, each once; a two-service cycle with two edges each way',
    yaml: 'services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    image: a:1\n    depends_on: [a]\n    links: [a]\n  c:\n    image: a:1\n    network_mode: "service:d"\n  d:\n    image: a:1\n    depends_on: [c]\n',
    expect: ['depends_on: [|b', 'network_mode: |"service:d"'],
  },
  {
    rule: 'compose-depends-on-cycle',
    name: 'a diamond is not a cycle',
    yaml: 'services:\n  a:\n    image: a:1\n    depends_on: [b, c]\n  b:\n    image: a:1\n    depends_on: [d]\n  c:\n    image: a:1\n    network_mode: "service:d"\n  d:\n    image: a:1\n',
    expect: [],
  },
  {
    rule: 'compose-port-collision',
    name: 'same host port in two services, wildcard against a specific address',
    yaml: 'services:\n  a:\n    image: a:1\n    ports: ["8080:80"]\n  b:\n    image: a:1\n    ports: ["127.0.0.1:8080:3000"]\n',
    expect: ['ports: [|"127.0.0.1:8080:3000"'],
  },
  {
    rule: 'compose-port-collision',
    name: 'ranges, long syntax and protocols',
    yaml: 'services:\n  a:\n    image: a:1\n    ports: ["9000-9005:9000-9005", "53:53/udp"]\n  b:\n    image: a:1\n    ports:\n      - {target: 80, published: 9003}\n      - "53:53"\n',
    expect: ['- |{target: 80, published: 9003}'],
  },
  {
    rule: 'compose-port-collision',
    name: 'different addresses, container-only ports, disjoint profiles',
    yaml: 'services:\n  a:\n    image: a:1\n    ports: ["127.0.0.1:80:80", "3000"]\n  b:\n    image: a:1\n    ports: ["127.0.0.2:80:80", "3000"]\n  c:\n    image: a:1\n    profiles: [dev]\n    ports: ["9090:90"]\n  d:\n    image: a:1\n    profiles: [prod]\n    ports: ["9090:90"]\n',
    expect: [],
  },
  {
    rule: 'compose-port-collision',
    name: 'the same port twice in one service',
    yaml: 'services:\n  a:\n    image: a:1\n    ports:\n      - "80:80"\n      - "80:8080"\n',
    expect: ['- |"80:8080"'],
  },

  { rule: 'compose-links', name: 'links', yaml: 'services:\n  db:\n    image: mongo:7\n  app:\n    image: a:1\n    links:\n      - db\n', expect: ['|links'] },
  { rule: 'compose-links', name: 'networks instead', yaml: 'services:\n  db:\n    image: mongo:7\n  app:\n    image: a:1\n    depends_on: [db]\n', expect: [] },

  { rule: 'compose-single-process', name: 'background job in command string', yaml: 'services:\n  web:\n    image: a:1\n    command: sh -c "nginx & php-fpm"\n', expect: ['|command'] },
  { rule: 'compose-single-process', name: 'supervisord entrypoint', yaml: 'services:\n  web:\n    image: a:1\n    entrypoint: ["/usr/bin/supervisord"]\n', expect: ['|entrypoint'] },
  { rule: 'compose-single-process', name: 'one program', yaml: 'services:\n  web:\n    image: a:1\n    command: sh -c "migrate && exec app"\n', expect: [] },

  { rule: 'compose-config-in-command', name: 'echo into a config file', yaml: `services:\n  web:\n    image: a:1\n    command: sh -c "echo 'x=1' > /etc/app.conf && exec app"\n`, expect: ['|command'] },
  { rule: 'compose-config-in-command', name: 'envsubst template', yaml: 'services:\n  web:\n    image: a:1\n    command: /bin/bash -c "envsubst < /tmp/nginx.conf > /etc/nginx/conf.d/default.conf && nginx"\n', expect: [] },

  {
    rule: 'compose-secret-in-environment',
    name: 'map and list forms',
    yaml: 'services:\n  db:\n    image: a:1\n    environment:\n      POSTGRES_PASSWORD: hunter2\n      POSTGRES_USER: app\n  app:\n    image: a:1\n    environment:\n      - DB_PASSWD=hunter2\n      - API_TOKEN\n      - SECRET_KEY=${SECRET_KEY}\n      - MYSQL_ALLOW_EMPTY_PASSWORD=yes\n',
    expect: ['POSTGRES_PASSWORD: |hunter2', '- |DB_PASSWD=hunter2'],
  },
  {
    rule: 'compose-secret-in-environment',
    name: 'an access key id is half a credential pair; other ids are not secrets',
    yaml: 'services:\n  app:\n    image: a:1\n    environment:\n      AWS_ACCESS_KEY_ID: AKIAEXAMPLE\n      CLIENT_ID: web\n',
    expect: ['AWS_ACCESS_KEY_ID: |AKIAEXAMPLE'],
  },

  {
    rule: 'compose-image-latest',
    name: 'latest and untagged; build names its own image (but an explicit :latest still floats); interpolated',
    yaml: 'services:\n  a:\n    image: rocket.chat\n  b:\n    image: nginx:latest\n  c:\n    image: myapp\n    build: .\n  d:\n    image: "redis:${TAG}"\n  e:\n    image: mongo:3.0\n  f:\n    image: app:latest\n    build: .\n  g:\n    image: registry.example.com:5000/team/app\n    build: .\n',
    expect: ['image: |rocket.chat', 'image: |nginx:latest', 'image: |app:latest'],
  },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, () => {
    const expected = c.expect.map((e) => (Array.isArray(e) ? at(c.yaml, e[0], e[1]) : at(c.yaml, e))).sort();
    const actual = checkComposeFile(parseYamlFile(c.yaml, { version: '1.2' }), 'compose.yaml')
      .filter((d) => d.rule === c.rule)
      .map((d) => show(d.range))
      .sort();
    assert.deepEqual(actual, expected);
  });
}

test('compose-include-cycle: through other files (read by the reader given), the long form, reported on the entry of this file', () => {
  const files: Record<string, string> = {
    '/p/a.yaml': 'include:\n  - sub/b.yaml\n',
    '/p/sub/b.yaml': 'include:\n  - {path: [../c.yaml]}\n',
    '/p/c.yaml': 'include: [compose.yaml]\nservices: {}\n',
    '/p/d.yaml': 'services: {x: {image: a:1}}\n',
    '/p/e.yaml': 'include: [f.yaml]\n',
    '/p/f.yaml': 'include: [e.yaml]\n',
  };
  const yaml = 'include:\n  - d.yaml\n  - path: a.yaml\n  - "${DIR}/x.yaml"\n  - e.yaml\n  - missing.yaml\nservices:\n  web:\n    image: a:1\n';
  const found = checkComposeFile(parseYamlFile(yaml, { version: '1.2' }), '/p/compose.yaml', undefined, { readFile: (p) => files[p] }).filter(
    (d) => d.rule === 'compose-include-cycle',
  );
  // e.yaml <-> f.yaml is a cycle this file is not part of, but compose stops on it loading this file too.
  assert.deepEqual(found.map((d) => show(d.range)), [at(yaml, 'path: |a.yaml'), at(yaml, '- |e.yaml')]);
  assert.match(found[0].message, /compose\.yaml -> a\.yaml -> sub\/b\.yaml -> c\.yaml -> compose\.yaml/);
  assert.match(found[1].message, /compose\.yaml -> e\.yaml -> f\.yaml -> e\.yaml/);
  const self = 'include: [./compose.yaml, {path: compose.yaml}]\n';
  const selfFound = checkComposeFile(parseYamlFile(self, { version: '1.2' }), '/q/compose.yaml', undefined, { readFile: () => undefined }).filter(
    (d) => d.rule === 'compose-include-cycle',
  );
  assert.deepEqual(selfFound.map((d) => show(d.range)).sort(), [at(self, '[|./compose.yaml'), at(self, 'path: |compose.yaml')].sort());
});

test('compose-include-cycle: a diamond is no cycle; a loop of 600 files below the file is found once per entry, without recursion', () => {
  const cases: { name: string; files: Record<string, string>; yaml: string; at: string[] }[] = [
    {
      name: 'diamond',
      files: { '/d/b.yaml': 'include: [d.yaml]\n', '/d/c.yaml': 'include: [d.yaml]\n', '/d/d.yaml': 'services: {}\n' },
      yaml: 'include: [b.yaml, c.yaml]\n',
      at: [],
    },
    {
      // More files than the walk reads (500): the loop is not reached, and nothing is claimed.
      name: 'a loop past the bound',
      files: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`/d/f${i}.yaml`, `include: [f${(i + 1) % 600}.yaml]\n`])),
      yaml: 'include: [f0.yaml]\n',
      at: [],
    },
    {
      name: 'a loop of 300 files, entered from the side, through two entries',
      files: { ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`/d/f${i}.yaml`, `include: [f${(i + 1) % 300}.yaml]\n`])), '/d/side.yaml': 'include: [f7.yaml]\n' },
      yaml: 'include:\n  - f0.yaml\n  - side.yaml\n',
      at: ['- |f0.yaml', '- |side.yaml'],
    },
  ];
  for (const c of cases) {
    const started = Date.now();
    const found = checkComposeFile(parseYamlFile(c.yaml, { version: '1.2' }), '/d/compose.yaml', undefined, { readFile: (p) => c.files[p] }).filter((d) => d.rule === 'compose-include-cycle');
    assert.deepEqual(found.map((d) => show(d.range)), c.at.map((a) => at(c.yaml, a)), c.name);
    assert.ok(Date.now() - started < 5000, c.name);
    // Hundreds of files are shown by the chain's ends.
    for (const d of found) assert.ok(d.message.length < 400, d.message);
  }
});

test('compose-depends-on-cycle names the whole cycle once, as compose does', () => {
  const yaml = 'services:\n  service1:\n    image: a:1\n    depends_on: [service2]\n  service2:\n    image: a:1\n    depends_on: [service3]\n  service3:\n    image: a:1\n    depends_on: [service1]\n';
  const messages = checkComposeFile(parseYamlFile(yaml), 'compose.yaml').filter((d) => d.rule === 'compose-depends-on-cycle').map((d) => d.message);
  assert.equal(messages.length, 1);
  assert.match(messages[0], /service1 -> service2 -> service3 -> service1/);
});

test('compose-depends-on-cycle: a chain of 20,000 services is not a cycle and does not overflow the stack', () => {
  const services = Array.from({ length: 20000 }, (_, i) => `  s${i}:\n    image: a:1\n${i > 0 ? `    depends_on: [s${i - 1}]\n` : ''}`).join('');
  const diagnostics = checkComposeFile(parseYamlFile(`services:\n${services}`), 'compose.yaml');
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'compose-depends-on-cycle' || d.message.includes('failed')), []);
});

test('compose-links offers a fix that renames links to depends_on', () => {
  const yaml = 'services:\n  db:\n    image: mongo:7\n  app:\n    image: a:1\n    links:\n      - db\n';
  const [finding] = checkComposeFile(parseYamlFile(yaml), 'compose.yaml').filter((d) => d.rule === 'compose-links');
  const edit = finding.fixes?.[0].edits[0];
  assert.ok(edit);
  assert.equal(show(edit.range), at(yaml, '|links'));
  assert.equal(edit.newText, 'depends_on');
  const withAlias = yaml.replace('- db', '- "db:database"');
  const [aliased] = checkComposeFile(parseYamlFile(withAlias), 'compose.yaml').filter((d) => d.rule === 'compose-links');
  assert.equal(aliased.fixes, undefined, 'an alias would be lost');
});

test('compose-secret-in-environment fixes interpolate the variable, and the fixed file is clean', () => {
  const yaml = 'services:\n  db:\n    image: a:1\n    environment:\n      POSTGRES_PASSWORD: "hunter2"\n  app:\n    image: a:1\n    environment:\n      - DB_PASSWD=hunter2\n';
  const check = (text: string) => checkComposeFile(parseYamlFile(text), 'compose.yaml').filter((d) => d.rule === 'compose-secret-in-environment');
  const edits = check(yaml).flatMap((d) => d.fixes?.[0].edits ?? []);
  assert.equal(edits.length, 2);
  const lines = yaml.split('\n');
  // Apply bottom-up so earlier ranges stay valid; each edit is on one line.
  for (const edit of [...edits].sort((a, b) => b.range.start.line - a.range.start.line)) {
    const line = lines[edit.range.start.line];
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  }
  const fixed = lines.join('\n');
  assert.match(fixed, /POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD\}\n/);
  assert.match(fixed, /- DB_PASSWD=\$\{DB_PASSWD\}\n/);
  assert.deepEqual(check(fixed), []);
});

test('the include form of a project fragment is skipped', () => {
  const yaml = 'include: [other.yaml]\nservices:\n  web:\n    image: a:1\n    depends_on: [api]\n';
  assert.deepEqual(checkComposeFile(parseYamlFile(yaml), 'compose.yaml').filter((d) => d.rule === 'compose-undefined-reference'), []);
});

test('suppressions and options apply to compose files', () => {
  const yaml = 'services:\n  a:\n    # shipshape ignore=compose-image-latest\n    image: nginx\n  b:\n    image: redis\n';
  const found = (text: string, options = {}) => checkComposeFile(parseYamlFile(text), 'compose.yaml', options).filter((d) => d.rule === 'compose-image-latest');
  assert.deepEqual(found(yaml).map((d) => show(d.range)), [at(yaml, 'image: |redis')]);
  assert.equal(found(yaml, { disabled: ['latest-tag'] }).length, 0);
  assert.equal(found(yaml, { severity: { 'compose-image-latest': 'error' } })[0].severity, 'error');
  assert.equal(found(`# shipshape ignore-file=compose-image-latest\n${yaml}`).length, 0);
  assert.equal(found(`# Shipshape global ignore = LATEST-TAG\n${yaml}`).length, 0, 'Dockerfile spelling, any case');
  assert.equal(found(yaml, { severity: { 'Latest-Tag': 'off' } }).length, 0, 'aliases are case-insensitive');
  assert.equal(found(yaml, { allowInlineIgnores: false }).length, 2, 'a team policy can refuse inline ignores');
});

test('malformed input gives no crash and no rule failure', () => {
  const inputs = ['', 'services: 5', 'services:\n  a: null\n  b: [1]\n', 'services:\n  a:\n    ports: {x: 1}\n    environment: 7\n    volumes: [{}, null, 3]\n    depends_on: 5\n    links: {a: b}\n    command: {x: 1}\n', '- list', ':\n  - [', '\u0000binary', 'services:\n  a:\n    image: a:1\n    ports: ["1-999999:80"]\n'];
  for (const text of inputs) {
    const diagnostics = checkComposeFile(parseYamlFile(text), 'compose.yaml');
    assert.ok(!diagnostics.some((d) => d.message.includes('failed on this file')), `${JSON.stringify(text)}: ${JSON.stringify(diagnostics)}`);
  }
});
