import { defineRule } from '../src/rule-api.js';

/** Reported by the pipeline from the shape recogniser's verdict. */
export default defineRule({
  id: 'not-a-batch-file',
  summary: 'Report JSON files that hold no Batch task, job or pool body',
  rationale:
    'A glob such as `**/*.json` also catches package manifests, ARM templates and saved API responses. batchlint lints none of them, and says so at `info` level so a misplaced pattern does not pass unnoticed.',
  howToFix:
    'Narrow the file patterns or add the file to `ignores`. A saved `GET` response (with `url`, `state`, `eTag`…) is not a request body: strip the read-only fields before re-submitting it.',
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'document',
  messages: {
    unrecognised: 'This JSON is not a Batch task, job or pool body that batchlint recognises, so it was not checked',
    armTemplate: 'This is an ARM/Bicep deployment template (Batch management plane), not a Batch data-plane body; it was not checked',
    savedResponse: 'This looks like a saved Batch GET response (read-only fields such as url, state, eTag), not a request body; it was not checked',
    batchShipyard: 'This is a Batch Shipyard configuration, another tool\'s format; it was not checked',
  },
  check() {},
});
