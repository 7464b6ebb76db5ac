/**
 * Text from linted files (ids, paths, values in messages) must never drive the terminal or a CI
 * log: ESC, BEL, backspace, CR and the C1 controls could recolour, rewrite or hyperlink what the
 * reader sees, and bidirectional controls could reorder it. They are shown as visible `\uXXXX`
 * escapes instead.
 */
const CONTROLS = '\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f';
const LINE_SEPARATORS = '\u2028\u2029';
const BIDI_CONTROLS = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069';
const CARRIAGE_RETURN = '\r';

const UNSAFE_IN_TERMINAL = new RegExp(`[${CONTROLS}${LINE_SEPARATORS}${BIDI_CONTROLS}${CARRIAGE_RETURN}]`, 'g');
/** A tab is harmless, but an annotation shows it as nothing at all; CR and LF the format encodes itself. */
const UNSAFE_IN_LOG_COMMAND = new RegExp(`[${CONTROLS}${LINE_SEPARATORS}${BIDI_CONTROLS}\t]`, 'g');

function visibleEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Every unsafe character escaped; tab and line feed are kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, visibleEscape);
}

/** Like terminalSafe, and a newline or tab also becomes visible: a message is one line. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/**
 * For formats that encode line breaks themselves (GitHub workflow commands): the same characters
 * as terminalSafe, and tab, escaped; CR and LF are left for the format's own escaping.
 */
export function logCommandSafe(text: string): string {
  return text.replace(UNSAFE_IN_LOG_COMMAND, visibleEscape);
}
