import {
  arrayMember,
  defineRule,
  findTemplateExpressions,
  isExpandedTemplate,
  member,
  objectMember,
  placeholderFields,
  readPlaceholders,
  smallestSweepValue,
  sweepRange,
  templateTaskFactory,
} from '../src/rule-api.js';

export default defineRule({
  id: 'task-factory-placeholder',
  summary: 'Require task factory placeholders the CLI extension can substitute',
  rationale:
    'The CLI extension writes each generated task from the factory\'s `repeatTask`, substituting placeholders ' +
    'in its command line, display name, resource and output file paths and URLs, and environment settings: ' +
    '`{0}`, `{1}`… (the value of parameter set n) and `{0:4}` (zero-padded to 1–9 digits) in a ' +
    '`parametricSweep`; `{url}`, `{filePath}`, `{fileName}` and `{fileNameWithoutExtension}` in a `taskPerFile`. ' +
    'It rejects the job when a placeholder names a parameter set that does not exist, pads outside 1–9 digits or ' +
    'pads a negative value, and when any other `{` or `}` is left — write `{{` and `}}` for literal braces, so a ' +
    'shell `${VAR}` must be `${{VAR}}` ("Invalid use of bracket characters, did you forget to escape (using ' +
    '{{}})?"). The `mergeTask` is copied as written: placeholders there stay literal (X-ext `_template_utils.py` ' +
    '`_transform_sweep_str`, `_replacement_transform`).',
  howToFix: 'Use only the placeholders of the factory\'s type, escape literal braces as `{{` and `}}`, and keep placeholders out of the merge task.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    setOutOfRange: 'Placeholder "{placeholder}" names parameter set {index}, but the sweep has {count} parameter set(s)',
    paddingOutOfRange: 'Placeholder "{placeholder}" pads to {padding} digits; the CLI extension accepts 1 to 9',
    paddedNegative: 'Placeholder "{placeholder}" zero-pads parameter set {index}, which goes down to {minimum}; the CLI extension rejects padding a negative value',
    strayBrace: 'A brace in "{snippet}" is not a {factory} placeholder; the CLI extension rejects it ("Invalid use of bracket characters"): double a literal brace',
    mergeTaskPlaceholder: 'The mergeTask is copied as written, so "{placeholder}" stays literal; only the repeatTask gets placeholders substituted',
  },
  references: ['X-ext `_template_utils.py` (`_transform_sweep_str`, `_transform_file_str`, `_replacement_transform`)', 'X-ext `doc/taskFactories.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    const factory = templateTaskFactory(value, documentShape);
    const type = member(factory?.body, 'type');
    if (factory === undefined || (type !== 'parametricSweep' && type !== 'taskPerFile')) return;
    const expanded = isExpandedTemplate(documentShape);
    // Expressions are replaced first; what a parameter brings in is not known here.
    const literalText = (text: string) => (expanded ? withoutExpressions(text) : text);
    const sets = arrayMember(factory.body, 'parameterSets');

    const repeatTask = objectMember(factory.body, 'repeatTask');
    for (const field of placeholderFields(repeatTask ?? null)) {
      const pointer = `${factory.pointer}/repeatTask${field.pointer}`;
      const reading = readPlaceholders(literalText(field.text), type);
      if (reading.strayBrace !== undefined) context.report({ messageId: 'strayBrace', pointer, data: { snippet: reading.strayBrace, factory: type } });
      for (const placeholder of reading.sweep) {
        const { text, setIndex: index, padding } = placeholder;
        if (sets !== undefined && index >= sets.length) {
          context.report({ messageId: 'setOutOfRange', pointer, data: { placeholder: text, index, count: sets.length } });
          continue;
        }
        if (padding === undefined) continue;
        const range = sweepRange(sets?.[index]);
        const minimum = range === undefined ? undefined : smallestSweepValue(range);
        if (minimum !== undefined && minimum < 0) context.report({ messageId: 'paddedNegative', pointer, data: { placeholder: text, index, minimum } });
        else if (padding < 1 || padding > 9) context.report({ messageId: 'paddingOutOfRange', pointer, data: { placeholder: text, padding } });
      }
    }

    const mergeTask = objectMember(factory.body, 'mergeTask');
    for (const field of placeholderFields(mergeTask ?? null)) {
      const reading = readPlaceholders(literalText(field.text), type);
      const placeholder = reading.sweep[0]?.text ?? reading.file[0];
      if (placeholder !== undefined) {
        context.report({ messageId: 'mergeTaskPlaceholder', pointer: `${factory.pointer}/mergeTask${field.pointer}`, data: { placeholder } });
      }
    }
  },
});

function withoutExpressions(text: string): string {
  let result = '';
  let index = 0;
  for (const expression of findTemplateExpressions(text)) {
    result += text.slice(index, expression.start);
    index = expression.end;
  }
  return result + text.slice(index);
}
