/**
 * The drafted report as plain data: what the renderers (.docx, HTML, text) turn into a
 * document laid out per Decree 30/2020/NĐ-CP, Appendix I.
 */

/** Who issues and signs the report: settings kept beside the template, with CLI overrides. */
export interface ReportSettings {
  /** Cơ quan chủ quản, e.g. "HỘI CCB VIỆT NAM" (upper case, not bold). */
  governingBody: string;
  /** Cơ quan ban hành, e.g. "HỘI CCB TỈNH QUẢNG NAM" (upper case, bold). */
  issuingBody: string;
  /** "Số: …/BC-CCB": the text after "Số: ". */
  number: string;
  /** Place in the date line, e.g. "Quảng Nam". */
  place: string;
  /** ISO date "2024-07-05"; empty for a blank date line ("ngày … tháng … năm …"). */
  date: string;
  /** Summary line under "BÁO CÁO", e.g. "Kết quả phối hợp hoạt động … 6 tháng đầu năm 2024". */
  summary: string;
  /** e.g. "TM. BAN THƯỜNG VỤ". */
  signerAuthority: string;
  /** e.g. "CHỦ TỊCH". */
  signerTitle: string;
  signerName: string;
  /** Lines under "Nơi nhận:", each starting with "- ", the last "- Lưu: VT, …". */
  recipients: string[];
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A reviewer's note attached to this run (a Word comment): e.g. the figure rests on a return with open warnings. */
  comment?: string;
}

/**
 * heading1: "I. KẾT QUẢ …" (bold); heading2: "1. Phối hợp …" (bold); heading3: "* ĐÁNH GIÁ CHUNG";
 * body: justified, first-line indent; bullet: a body paragraph starting with "- ".
 */
export type BlockStyle = 'heading1' | 'heading2' | 'heading3' | 'body' | 'bullet';

export interface Block {
  style: BlockStyle;
  runs: Run[];
}

export interface Report {
  settings: ReportSettings;
  blocks: Block[];
}

export function blockText(block: Block): string {
  return block.runs.map((r) => r.text).join('');
}
