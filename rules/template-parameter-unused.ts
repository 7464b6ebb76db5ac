import { defineRule, isExpandedTemplate, objectMember, pointerTo, stringMember, templateExpressionsOf } from '../src/rule-api.js';

export default defineRule({
  id: 'template-parameter-unused',
  summary: 'Report template parameters that no expression uses',
  rationale:
    'A parameter the template defines but never reads with `[parameters(\'x\')]` still has to be answered: the ' +
    'CLI extension asks for a value when it has no `defaultValue`, and Batch Explorer shows it in its form. The ' +
    'value then changes nothing, which usually means a renamed parameter or a line lost in an edit. A parameter ' +
    'that another one names in `metadata.dependsOn` (Batch Explorer derives a file group\'s SAS from the file ' +
    'group that way) counts as used.',
  howToFix: 'Use the parameter where it was meant to go, or delete its definition.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'document',
  messages: {
    unused: 'Parameter "{name}" is defined but no template expression uses it',
  },
  references: ['X-ext `doc/templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    if (!isExpandedTemplate(documentShape)) return;
    const parameters = objectMember(value, 'parameters');
    if (parameters === undefined) return;
    const used = new Set<string>();
    for (const { expression } of templateExpressionsOf(value)) {
      for (const call of expression.calls) {
        if (call.name !== 'parameters') continue;
        // A computed name could be any parameter: nothing can be called unused.
        if (call.literalArgument === undefined) return;
        used.add(call.literalArgument);
      }
    }
    // Batch Explorer derives one parameter from another (a file group's SAS from the file group) through `metadata.dependsOn`.
    for (const definition of Object.values(parameters)) {
      const parent = stringMember(objectMember(definition, 'metadata'), 'dependsOn');
      if (parent !== undefined) used.add(parent);
    }
    for (const name of Object.keys(parameters)) {
      if (!used.has(name)) context.report({ messageId: 'unused', pointer: pointerTo('parameters', name), target: 'key', data: { name } });
    }
  },
});
