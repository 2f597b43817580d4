export const CONSOLIDATION_SHEET_NAME = 'Tổng hợp';
export const FINDINGS_SHEET_NAME = 'Kiểm tra';
export const ROSTER_SHEET_NAME = 'Tình trạng';
export const PERIOD_TITLE_PREFIX = 'Kỳ báo cáo:';
export const TOTAL_HEADER = 'Tổng cộng';
export const PREVIOUS_HEADER = 'Kỳ trước';
export const CHANGE_HEADER = 'Tăng/giảm';
export const NOTE_HEADER = 'Ghi chú';
/** Columns after the unit columns of the "Tổng hợp" sheet. */
export const TRAILING_HEADERS = [PREVIOUS_HEADER, CHANGE_HEADER, NOTE_HEADER];
