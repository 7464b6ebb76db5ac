import type { Formatter } from './lint-result.js';

/** ESLint's `json` formatter shape: the LintResult array, plus batchlint's extra message fields. */
const json: Formatter = (results) => `${JSON.stringify(results)}\n`;

export { json };
export default json;
