import type { Workbook } from '../lib/engine/types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Hands a workbook to the browser's download manager through a blob URL and an `<a download>` click,
 * which needs no `downloads` permission.
 */
export function saveWorkbook(workbook: Workbook): void {
  const url = URL.createObjectURL(new Blob([workbook.bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = workbook.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right after the click can cancel the download in some browsers, so the URL lives a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
