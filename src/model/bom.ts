/**
 * The byte-order mark some editors (Windows Notepad, PowerShell's `Out-File`) write at the start
 * of a UTF-8 file. Node's `readFile(…, 'utf8')` keeps it and `JSON.parse` refuses it, so every
 * reader of JSON text (documents, scripts, run files) drops it first.
 */
export const BYTE_ORDER_MARK = '\uFEFF';

/** `text` without a leading byte-order mark. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}
