import { flagOf, type DockerfileRule } from '../check/rule';

/** `--platform=$TARGETPLATFORM` is what FROM does anyway; it only adds noise (and hides a real `$BUILDPLATFORM` intent). */
const rule: DockerfileRule = {
  meta: {
    id: 'redundant-target-platform',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: '`FROM --platform=$TARGETPLATFORM` is the default and can be removed.',
    practice: 'style',
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    fixable: true,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.implicit) continue; // a fragment has no FROM
      const platform = flagOf(stage.from, 'platform');
      if (!platform?.value || !/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(platform.value)) continue;
      let end = platform.end;
      while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
      report({
        start: platform.start,
        end: platform.end,
        message: '`--platform=$TARGETPLATFORM` is redundant: it is the default platform of every stage.',
        fixes: [{ title: 'Remove --platform', edits: [{ start: platform.start, end, newText: '' }], preferred: true }],
      });
    }
  },
};
export default rule;
