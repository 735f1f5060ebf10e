/** Joins fields into one CSV record, quoting (with doubled quotes) each field that contains a comma, quote or line break. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',');
}

export const UTF8_BOM = '\uFEFF';

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
