/**
 * Picks the workspace for where the pane runs: inside Excel the open workbook, anywhere else the
 * browser's memory. Office.onReady is raced against a timeout (office-ready.ts), so a page whose
 * office.js could not load still starts, in browser mode.
 */
import { createExcelWorkspace } from '../excel/excel-workspace';
import { detectOfficeHost } from '../office-ready';
import { BrowserWorkspace } from './browser-workspace';
import type { Workspace } from './workspace';

export async function createWorkspace(onStatus: (text: string) => void = () => undefined): Promise<Workspace> {
  onStatus('Đang kiểm tra môi trường…');
  const host = await detectOfficeHost();
  if (host === 'Excel') {
    onStatus('Đang chạy trong Excel: các biểu được nhập thành trang tính của sổ làm việc này.');
    return createExcelWorkspace();
  }
  onStatus(host
    ? `Phần bổ trợ chỉ chạy trong Excel (đang mở trong ${host}); dùng chế độ trình duyệt: các tệp chỉ được xử lý trên máy này.`
    : 'Chế độ trình duyệt: chọn các tệp biểu (.xlsx) trên máy; tệp không được gửi đi đâu.');
  return new BrowserWorkspace();
}
