import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInRules } from '../rules/index.js';
import { collectFixtureCases, lintFixtureCase, readExpected, writeExpected } from './fixture-harness/fixture-cases.js';

const update = process.env.BATCHLINT_UPDATE_EXPECTED === '1';
const only = process.env.BATCHLINT_FIXTURES;
const { cases, problems } = collectFixtureCases(builtInRules);

describe('fixture folders', () => {
  it('are well formed: known rule ids, valid.json and invalid.json, no orphans', () => {
    assert.deepEqual(problems, []);
  });
});

for (const rule of builtInRules) {
  const ruleCases = cases.filter((fixtureCase) => fixtureCase.ruleId === rule.id);
  if (ruleCases.length === 0 || (only !== undefined && !only.split(',').includes(rule.id))) continue;
  describe(`rule ${rule.id}`, () => {
    for (const fixtureCase of ruleCases) {
      it(`${fixtureCase.name} ${fixtureCase.kind === 'valid' ? 'has no findings' : 'has exactly the expected findings'}`, async () => {
        const actual = await lintFixtureCase(fixtureCase, rule);
        if (fixtureCase.kind === 'valid') {
          assert.deepEqual(actual, [], `${fixtureCase.name} should be clean`);
          return;
        }
        const expected = readExpected(fixtureCase.expectedPath);
        if (update) {
          writeExpected(fixtureCase.expectedPath, expected.comments, actual);
          return;
        }
        assert.ok(expected.findings.length > 0, `${fixtureCase.expectedPath} must list at least one finding`);
        assert.deepEqual(actual, expected.findings);
      });
    }
  });
}
