/**
 * Checks of a rendered chart as the Render Helm Chart view shows it (its lines' origins are
 * rendered-lines.ts'). Works on the printed text (as helm or the built-in engine printed it), so the `helm` binary's
 * output gets the same checks and links as the built-in renderer's. The language server runs the
 * check (shipshape/checkRendered); the editor only shows the results.
 */
import type { Diagnostic } from '../diagnostics';
import type { CheckOptions } from '../config/options';
import type { LineOrigin, Segment } from './rendered-lines';
import { YamlProject } from '../workspace/yaml-project';
import { combineSecrets, redactFindings, secretsOfYamlFile, type FileSecrets } from '../secrets/redact';

export interface RenderedProblem {
  diagnostic: Diagnostic;
  origin?: LineOrigin;
}

export interface CheckControl {
  /** Work done between yields to the event loop, so a huge render never freezes the editor. */
  sliceMs?: number;
  /** Polled at every yield: a newer render makes this check pointless. */
  stale?: () => boolean;
  /** Secrets of the chart the output came from (its values: `Project.secretsOfChart`), hidden in messages too. */
  secrets?: FileSecrets;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Kubernetes validation (schemas) and practice rules of every rendered document, through the same
 * pipeline as any manifest (severities, `off`, minimum, suppressions), each with the template line it
 * came from. Documents are checked one by one in time slices; the cross-document rules see all of
 * them, as files of one workspace of their own. Resolves undefined when `stale()` said stop. Quick
 * fixes are dropped: the view is read-only.
 */
export async function checkRendered(
  segments: readonly Segment[],
  baseName: string,
  options: CheckOptions,
  control: CheckControl = {},
): Promise<RenderedProblem[] | undefined> {
  const sliceMs = control.sliceMs ?? 30;
  const problems: RenderedProblem[] = [];
  const yaml = new YamlProject();
  let sliceStart = Date.now();
  const pause = async (): Promise<boolean> => {
    if (Date.now() - sliceStart < sliceMs) return false;
    await yieldToEventLoop();
    sliceStart = Date.now();
    return control.stale?.() === true;
  };
  const name = (i: number) => `${baseName}#${i}`;
  // Every document first, so cross-document rules and the chart's own CRDs see all of them.
  for (let i = 0; i < segments.length; i++) {
    yaml.setManifest(name(i), segments[i].text);
    if (await pause()) return undefined;
  }
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const parsed = yaml.parsed(name(i));
    const findings = yaml.lint(name(i), seg.text, 'kubernetes', options);
    // The view is the rendered output, but Problems and hovers quote no secret (the Project's rule).
    for (const d of redactFindings(findings, combineSecrets(parsed && secretsOfYamlFile(parsed), control.secrets))) {
      const { fixes: _readOnly, ...rest } = d;
      const { start, end } = d.range;
      const diagnostic: Diagnostic = {
        ...rest,
        range: { start: { line: start.line + seg.startLine, character: start.character }, end: { line: end.line + seg.startLine, character: end.character } },
      };
      problems.push({ diagnostic, origin: { source: seg.source, line: seg.templateLines[start.line] } });
    }
    if (await pause()) return undefined;
  }
  return problems;
}
