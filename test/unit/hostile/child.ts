/** The child of harness.ts: runs the cases of one group, one JSON line each (START before, RESULT after). */
import { cases } from './cases';

/** Optional second argument: only the cases whose name contains it (to run one case by hand). */
async function main(group: string, only?: string): Promise<void> {
  for (const c of cases.filter((x) => x.group === group && (only === undefined || x.name.includes(only)))) {
    process.stdout.write(`START ${c.name}\n`);
    const setup = c.setup?.() as never;
    const started = Date.now();
    const outcome = await c.run(setup);
    const ms = Date.now() - started;
    process.stdout.write(`RESULT ${JSON.stringify({ name: c.name, ms, outcome })}\n`);
  }
}

main(process.argv[2] ?? '', process.argv[3]).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
