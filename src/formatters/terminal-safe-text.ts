/**
 * Text from linted files (ids, paths, values in messages) must never drive the terminal: ESC,
 * BEL, backspace, CR and the C1 controls are shown as visible escapes instead.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like terminalSafe, and a newline or tab also becomes visible: a message is one line. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
