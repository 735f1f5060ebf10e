import type { Workbook } from '../lib/engine/types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands a workbook to the browser's download manager. */
export function saveWorkbook(workbook: Workbook): void {
  saveBlob(new Blob([workbook.bytes], { type: XLSX_TYPE }), workbook.fileName);
}

/** Hands CSV text to the browser's download manager. */
export function saveCsv(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

/**
 * Downloads a blob through a blob URL and an `<a download>` click, which needs no `downloads`
 * permission.
 */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right after the click can cancel the download in some browsers, so the URL lives a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
