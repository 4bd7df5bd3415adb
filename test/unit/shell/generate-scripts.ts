/** A tiny seeded generator of scripts mixing the constructs above. */
export function generateScripts(seed: number, count: number): string[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const words = ['apt-get', 'install', '-y', '"quoted word"', "'single'", '$VAR', '${X:-y}', '$(id -u)', 'a\\ b', 'x=1', '--flag=v', '/usr/bin/env', '`pwd`', '"$HOME/x"', '*.txt', '2>&1', '>/dev/null', '"a $B c"'];
  const command = (depth: number): string => {
    const r = random();
    if (depth < 2 && r < 0.1) return `if ${command(depth + 1)}; then ${list(depth + 1)}; fi`;
    if (depth < 2 && r < 0.15) return `for v in a b; do ${list(depth + 1)}; done`;
    if (depth < 2 && r < 0.2) return `( ${list(depth + 1)} )`;
    if (depth < 2 && r < 0.25) return `{ ${list(depth + 1)}; }`;
    if (depth < 2 && r < 0.28) return `case $v in a) ${list(depth + 1)};; *) echo;; esac`;
    const n = 1 + Math.floor(random() * 4);
    return ['cmd' + Math.floor(random() * 9), ...Array.from({ length: n }, () => pick(words))].join(' ');
  };
  const list = (depth: number): string => {
    const parts = [command(depth)];
    const n = Math.floor(random() * 3);
    for (let i = 0; i < n; i++) parts.push(pick([' && ', ' || ', ' | ', '; ', ' & ', ' \\\n  && ']), command(depth));
    return parts.join('');
  };
  return Array.from({ length: count }, () => list(0) + (random() < 0.2 ? ' &' : ''));
}

