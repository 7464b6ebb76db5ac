import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance } from '../src/config/suggest-near-miss.js';
import { suggestPropertyName } from '../src/schema/property-suggestions.js';

const TASK_PROPERTIES = ['id', 'displayName', 'commandLine', 'resourceFiles', 'outputFiles', 'requiredSlots', 'dependsOn', 'constraints'];
const CLIENT_NAMES = { userName: 'username', values: 'value', allTasksCompleteMode: 'onAllTasksComplete' };

describe('suggestPropertyName', () => {
  it('prefers a case variant', () => {
    assert.equal(suggestPropertyName('requiredSLots', TASK_PROPERTIES, CLIENT_NAMES), 'requiredSlots');
    assert.equal(suggestPropertyName('COMMANDLINE', TASK_PROPERTIES, CLIENT_NAMES), 'commandLine');
  });

  it('maps SDK client names only to a wire name the object has', () => {
    assert.equal(suggestPropertyName('userName', ['username', 'password'], CLIENT_NAMES), 'username');
    assert.equal(suggestPropertyName('values', ['value'], CLIENT_NAMES), 'value');
    assert.equal(suggestPropertyName('allTasksCompleteMode', TASK_PROPERTIES, CLIENT_NAMES), undefined);
  });

  it('turns snake_case into camelCase', () => {
    assert.equal(suggestPropertyName('command_line', TASK_PROPERTIES, CLIENT_NAMES), 'commandLine');
    assert.equal(suggestPropertyName('depends_on', TASK_PROPERTIES, CLIENT_NAMES), 'dependsOn');
    assert.equal(suggestPropertyName('resource__files', TASK_PROPERTIES, CLIENT_NAMES), 'resourceFiles');
  });

  it('accepts near misses within a length-dependent edit distance', () => {
    assert.equal(suggestPropertyName('comandLine', TASK_PROPERTIES, CLIENT_NAMES), 'commandLine');
    assert.equal(suggestPropertyName('outputFile', TASK_PROPERTIES, CLIENT_NAMES), 'outputFiles');
    assert.equal(suggestPropertyName('constrains', TASK_PROPERTIES, CLIENT_NAMES), 'constraints');
    // Three letters allow no edit at all: "ix" and "idd" are not "id".
    assert.equal(suggestPropertyName('idd', TASK_PROPERTIES, CLIENT_NAMES), undefined);
    assert.equal(suggestPropertyName('priority', TASK_PROPERTIES, CLIENT_NAMES), undefined);
    assert.equal(suggestPropertyName('anything', [], CLIENT_NAMES), undefined);
  });

  it('ignores inherited names of the client-name table', () => {
    assert.equal(suggestPropertyName('constructor', ['constructors'], {}), 'constructors');
    assert.equal(suggestPropertyName('toString', ['id'], {}), undefined);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('', 'abc', 5), 3);
    assert.equal(editDistance('abc', 'abc', 0), 0);
  });

  it('gives up at the limit', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });
});
