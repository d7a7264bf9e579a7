/**
 * One CSV field as RFC 4180 writes it: enclosed in double quotes when it holds a comma, a double quote or a
 * line break, with each double quote doubled; otherwise as it is.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record, terminated by CRLF as RFC 4180 specifies. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
