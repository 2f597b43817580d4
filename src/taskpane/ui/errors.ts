import { WorkspaceError } from '../workspace/workspace';

function isWorkspaceError(e: unknown): e is Error {
  // By name too: a WorkspaceError from another copy of the module is still one.
  return e instanceof WorkspaceError || (e instanceof Error && e.name === 'WorkspaceError');
}

/**
 * What the pane shows when a step fails. WorkspaceError messages already say what happened and what
 * to do; anything else is unexpected, so the user gets a generic next step plus the detail to report.
 * @param failedAction e.g. "Không kiểm tra được"
 */
export function errorText(e: unknown, failedAction: string): string {
  if (isWorkspaceError(e)) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return (
    `${failedAction} do một lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn tác vụ ` +
    `và gửi cho người hỗ trợ chi tiết sau: ${detail || '(không có chi tiết)'}`
  );
}
