import { defineRule, hasMember, isExpandedTemplate, objectMember, templateExpressionsOf } from '../src/rule-api.js';

export default defineRule({
  id: 'template-parameter-undefined',
  summary: 'Disallow template expressions that use undefined parameters or variables',
  rationale:
    'The Azure Batch CLI extension expands `[parameters(\'x\')]` and `[variables(\'x\')]` in every string of a job, ' +
    'pool or application template before it submits anything. A name the template does not define in its ' +
    '`parameters` (or `variables`) section stops `az batch job create --template` with "Template does not define ' +
    'parameter \'x\'" (or "Template contains no definition for variable"). Names are matched case-sensitively ' +
    '(X-ext `_template_utils.py`).',
  howToFix: 'Define the parameter under `parameters` with a `type` (and a `defaultValue` if callers may omit it), or fix the name.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    parameterUndefined: 'Parameter "{name}" is not defined in the template\'s "parameters"; the CLI extension stops with "Template does not define parameter"',
    variableUndefined: 'Variable "{name}" is not defined in the template\'s "variables"; the CLI extension stops with "Template contains no definition for variable"',
  },
  references: ['X-ext `_template_utils.py` (`_parse_arm_parameter`, `_parse_arm_variable`)', 'X-ext `doc/templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    if (!isExpandedTemplate(documentShape)) return;
    const sections = { parameters: objectMember(value, 'parameters'), variables: objectMember(value, 'variables') };
    const reported = new Set<string>();
    for (const { pointer, expression } of templateExpressionsOf(value)) {
      for (const call of expression.calls) {
        if ((call.name !== 'parameters' && call.name !== 'variables') || call.literalArgument === undefined) continue;
        if (hasMember(sections[call.name], call.literalArgument)) continue;
        const key = `${pointer}\n${call.name}\n${call.literalArgument}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const messageId = call.name === 'parameters' ? 'parameterUndefined' : 'variableUndefined';
        context.report({ messageId, pointer, data: { name: call.literalArgument } });
      }
    }
  },
});
