/** Recognise what a file is from its first bytes, so that non-workbooks get a clear message. */

export type FileKind = 'xlsx' | 'encrypted' | 'xls' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as UTF-16LE: the stream an encrypted OOXML package keeps in its compound file. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let j = 0; j < name.length; j++) {
      if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, CFB)) return hasEncryptionInfo(bytes) ? 'encrypted' : 'xls';
  return 'unknown';
}

export type FileFailure = 'encrypted' | 'xls' | 'not-workbook' | 'unreadable' | 'empty';

export function fileFailureMessage(kind: FileFailure, detail?: string): string {
  switch (kind) {
    case 'encrypted':
      return 'Tệp được đặt mật khẩu nên không đọc được; mở tệp trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại dạng .xlsx.';
    case 'xls':
      return 'Tệp ở định dạng Excel 97-2003 (.xls); mở tệp trong Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)".';
    case 'not-workbook':
      return 'Tệp không phải sổ làm việc Excel (.xlsx).';
    case 'empty':
      return 'Tệp rỗng (0 byte).';
    case 'unreadable':
      return `Không đọc được tệp .xlsx (tệp có thể bị hỏng)${detail ? `: ${detail}` : ''}.`;
  }
}

export function fileFailureRule(kind: FileFailure): string {
  return kind === 'encrypted' ? 'file-encrypted' : kind === 'xls' ? 'file-xls' : 'file-unreadable';
}
