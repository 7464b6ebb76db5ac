import { defineRule, isExpandedTemplate, SUPPORTED_TEMPLATE_FUNCTIONS, templateExpressionsOf } from '../src/rule-api.js';

/** Where bracketed text ends up in what is submitted (elsewhere, e.g. in descriptions, losing brackets is harmless). */
const SUBMITTED_PARTS = /^\/(job|pool)\/properties(\/|$)|^\/(?!parameters(\/|$)|templateMetadata(\/|$)|variables(\/|$)|job(\/|$)|pool(\/|$))/;

export default defineRule({
  id: 'template-expression-unsupported',
  summary: 'Disallow template expressions the CLI extension does not evaluate',
  rationale:
    'The Azure Batch CLI extension is not ARM: in a template it evaluates only `parameters()`, `variables()` and ' +
    '`concat()`, with names matched case-sensitively. `reference()` stops it with "ARM-style \'reference\' syntax ' +
    'not supported"; any other function (`resourceGroup()`, `uniqueString()`, `Parameters()`) is not an error but ' +
    'is pasted into the value as plain text. Every other `[...]` inside a string is read as an expression too and ' +
    'loses its brackets, so a shell test such as `if [ -f x ]` reaches the node as `if  -f x ` (X-ext ' +
    '`_template_utils.py`).',
  howToFix:
    'Compute the value before submitting and pass it as a parameter; write `[[` where a literal `[` is meant ' +
    '(`if [[ -f x ]` becomes `if [ -f x ]`).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    referenceUnsupported: 'The CLI extension does not support "reference()" in "[{expression}]" ("ARM-style \'reference\' syntax not supported")',
    functionNotEvaluated: 'The CLI extension does not evaluate "{name}()" in "[{expression}]" and inserts it as plain text; it knows only parameters(), variables() and concat()',
    literalBrackets: 'The CLI extension reads "[{expression}]" as a template expression and drops its brackets; write "[[" for a literal "["',
  },
  references: ['X-ext `_template_utils.py` (`_parse_template_string`, `_parse_arm_expression`)', 'X-ext `doc/templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    if (!isExpandedTemplate(documentShape)) return;
    for (const { pointer, expression } of templateExpressionsOf(value)) {
      const shown = expression.text.length > 60 ? `${expression.text.slice(0, 57)}...` : expression.text;
      if (!expression.isEvaluated) {
        if (SUBMITTED_PARTS.test(pointer)) context.report({ messageId: 'literalBrackets', pointer, data: { expression: shown } });
        continue;
      }
      const unsupported = expression.calls.find((call) => !SUPPORTED_TEMPLATE_FUNCTIONS.has(call.name));
      if (unsupported === undefined) continue;
      if (unsupported.name === 'reference') context.report({ messageId: 'referenceUnsupported', pointer, data: { expression: shown } });
      else context.report({ messageId: 'functionNotEvaluated', pointer, data: { name: unsupported.name, expression: shown } });
    }
  },
});
