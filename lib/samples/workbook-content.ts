import ExcelJS from 'exceljs';

/**
 * Describes a workbook's content as text: document properties, then each sheet's name and every cell's address,
 * type and value. Two files that differ only in their zip timestamps give the same text.
 */
export async function describeWorkbook(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types the input as its own Buffer interface; it accepts any ArrayBuffer view via JSZip.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);

  const lines = [
    `creator: ${workbook.creator}`,
    `created: ${workbook.created.toISOString()}`,
    `modified: ${workbook.modified.toISOString()}`,
  ];
  for (const sheet of workbook.worksheets) {
    lines.push(`sheet: ${sheet.name}`);
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        lines.push(`${cell.address} type=${cell.type} ${JSON.stringify(cell.value)}`);
      });
    });
  }
  return lines.join('\n');
}
