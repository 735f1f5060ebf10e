/**
 * Messages between the popup and an open workspace tab (`browser.runtime.sendMessage`). The data
 * lives only in the workspace's memory, so the popup sends a request for the download to the workspace.
 */

export const DOWNLOAD_REQUEST = 'adoption-lens/download-workbook';

export interface DownloadRequest {
  type: typeof DOWNLOAD_REQUEST;
}

/**
 * The response of a workspace that has a report to download, sent as soon as the download starts.
 * The workspace shows progress and errors itself. A workspace without a report sends no response.
 */
export interface DownloadResponse {
  started: true;
}

export function isDownloadRequest(message: unknown): message is DownloadRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === DOWNLOAD_REQUEST;
}
