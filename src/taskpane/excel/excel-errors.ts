/** Office.js errors → a Vietnamese sentence saying what happened and what to do. */
import { WorkspaceError } from '../workspace/workspace';

/** Error codes of the Excel JavaScript API (Excel.ErrorCodes / OfficeExtension.Error.code). */
const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô nên phần bổ trợ không ghi được. Hãy thoát khỏi chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
  AccessDenied: 'Sổ làm việc hoặc trang tính đang được bảo vệ (hoặc chỉ được đọc) nên không ghi được. Hãy bỏ bảo vệ (thẻ Xem lại > Bỏ bảo vệ trang tính / sổ làm việc) hoặc mở bản có quyền sửa rồi thử lại.',
  ItemAlreadyExists: 'Đã có một trang tính trùng tên với trang cần tạo. Hãy đổi tên hoặc xóa trang đó rồi thử lại.',
  ItemNotFound: 'Không tìm thấy trang tính cần dùng; có thể trang đã bị xóa hoặc đổi tên. Hãy bấm "Kiểm tra" lại rồi thử lại.',
  InsertDeleteConflict: 'Trang tính có bảng hoặc vùng gộp ô cản trở việc ghi. Hãy bỏ gộp ô hoặc chuyển bảng sang chỗ khác rồi thử lại.',
  MergedRangeConflict: 'Trang tính có vùng gộp ô cản trở việc ghi. Hãy bỏ gộp ô rồi thử lại.',
  RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi cho Excel quá lớn. Hãy nhập ít tệp hơn mỗi lần rồi thử lại.',
  ResponsePayloadSizeLimitExceeded: 'Dữ liệu đọc từ Excel quá lớn. Hãy xóa các trang tính không cần rồi thử lại.',
  Conflict: 'Sổ làm việc đang được người khác sửa cùng lúc. Hãy đợi một lát rồi thử lại.',
  ApiNotFound: 'Phiên bản Excel này không có chức năng cần dùng. Hãy cập nhật Office rồi thử lại.',
  UnsupportedOperation: 'Excel không cho phép thao tác này ở chế độ hiện tại. Hãy đóng các hộp thoại đang mở, thoát khỏi chế độ sửa ô rồi thử lại.',
};

const PROTECTED = /protect|bảo vệ/i;
const HARDENING = /extension hardening/i;
const GENERAL = 'Excel báo lỗi khi thực hiện thao tác. Hãy thoát khỏi chế độ sửa ô, lưu sổ làm việc rồi thử lại.';

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** An error raised by the Excel JavaScript API (it carries an ErrorCodes `code`), not by this code. */
export function isOfficeError(e: unknown): boolean {
  return codeOf(e) !== '';
}

function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'string' ? e : '';
}

export function toWorkspaceError(e: unknown): WorkspaceError {
  if (e instanceof WorkspaceError) return e;
  const code = codeOf(e);
  const detail = detailOf(e);
  if (HARDENING.test(detail)) {
    return new WorkspaceError('Chính sách bảo mật của máy (extension hardening) chặn việc chèn trang từ tệp. Hãy lưu tệp biểu đúng định dạng .xlsx rồi nhập lại.');
  }
  const known = BY_CODE[code] ?? (PROTECTED.test(detail) ? BY_CODE.AccessDenied : undefined);
  if (known) return new WorkspaceError(known);
  return new WorkspaceError(detail ? `${GENERAL} (Chi tiết: ${detail})` : GENERAL);
}

/**
 * Runs `fn`, turning an error of the Excel JavaScript API into a WorkspaceError. Anything else (a
 * WorkspaceError, or a fault in this code) is rethrown as it is: the pane shows the latter as an
 * unexpected error with its detail, rather than blaming Excel for it.
 */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw isOfficeError(e) ? toWorkspaceError(e) : e;
  }
}
