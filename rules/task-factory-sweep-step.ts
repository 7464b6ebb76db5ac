import { arrayMember, defineRule, hasMember, isJsonObject, isTemplateExpression, member, pythonInteger, templateTaskFactory } from '../src/rule-api.js';

export default defineRule({
  id: 'task-factory-sweep-step',
  summary: 'Require parametric sweep parameter sets with integer bounds and a step that reaches the end',
  rationale:
    'A `parametricSweep` task factory generates one task per combination of its `parameterSets`, each counting ' +
    'from `start` to `end` (inclusive) by `step` (default 1). The CLI extension stops the submission when there ' +
    'is no parameter set ("At least one parameter set is required"), when `start` or `end` is missing or not an ' +
    'integer, when `step` is 0, and when `step` points away from `end` ("\'step\' must be a negative number when ' +
    '\'start\' is greater than \'end\'") (X-ext `ParameterSet` model, `_parse_parameter_sets`).',
  howToFix: 'Give every parameter set integer `start` and `end`, and a `step` whose sign goes from `start` towards `end`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    noParameterSets: 'A parametricSweep needs at least one parameter set in "parameterSets"',
    boundMissing: 'Parameter set {index} has no "{bound}"; the sweep needs integer "start" and "end"',
    notInteger: '"{property}" of parameter set {index} is not an integer',
    stepZero: 'Parameter set {index} has "step": 0, which never reaches "end"',
    stepAway: 'Parameter set {index} counts from {start} to {end}, so "step" must be {sign}, not {step}',
  },
  references: ['X-ext `models` (`ParameterSet`)', 'X-ext `_template_utils.py` (`_parse_parameter_sets`)', 'X-ext `doc/taskFactories.md`'],
  check(context) {
    const factory = templateTaskFactory(context.document.value, context.document.documentShape);
    if (factory === undefined || member(factory.body, 'type') !== 'parametricSweep') return;
    const sets = arrayMember(factory.body, 'parameterSets');
    const setsPointer = `${factory.pointer}/parameterSets`;
    if (sets === undefined || sets.length === 0) {
      if (!isTemplateExpression(member(factory.body, 'parameterSets'))) {
        context.report({ messageId: 'noParameterSets', pointer: sets === undefined ? factory.pointer : setsPointer, target: 'key' });
      }
      return;
    }
    sets.forEach((set, index) => {
      if (!isJsonObject(set)) return;
      const pointer = `${setsPointer}/${index}`;
      const numbers: Record<string, number | undefined> = {};
      let known = true;
      for (const property of ['start', 'end', 'step']) {
        const value = member(set, property);
        if (value === undefined) {
          if (property !== 'step') context.report({ messageId: 'boundMissing', pointer, target: 'key', data: { index, bound: property } });
          known &&= property === 'step';
          continue;
        }
        numbers[property] = isTemplateExpression(value) ? undefined : pythonInteger(value);
        if (numbers[property] !== undefined) continue;
        known = false;
        if (!isTemplateExpression(value)) context.report({ messageId: 'notInteger', pointer: `${pointer}/${property}`, data: { index, property } });
      }
      if (!known) return;
      const { start, end } = numbers as { start: number; end: number };
      const step = hasMember(set, 'step') ? numbers.step! : 1;
      const stepPointer = hasMember(set, 'step') ? `${pointer}/step` : pointer;
      if (step === 0) context.report({ messageId: 'stepZero', pointer: stepPointer, data: { index } });
      else if ((start > end && step > 0) || (start < end && step < 0)) {
        context.report({ messageId: 'stepAway', pointer: stepPointer, data: { index, start, end, step, sign: step > 0 ? 'negative' : 'positive' } });
      }
    });
  },
});
