/**
 * A Workspace for the pane's tests: records every call, returns realistic Vietnamese data for three
 * Quảng Nam units, and can be told to fail, to hold a step until the test releases it, or to report
 * that returns already exist (replaces=true).
 */
import type { JobResult } from '../../../src/core/job';
import {
  WorkspaceError,
  type CheckOutcome,
  type ConsolidateOptions,
  type ConsolidateOutcome,
  type Download,
  type ImportOutcome,
  type ImportPlanItem,
  type OnProgress,
  type PanePlatform,
  type PickedFile,
  type ReportOutcome,
  type SetupInfo,
  type Workspace,
  type WorkspaceMode,
} from '../../../src/taskpane/workspace/workspace';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Method = Exclude<keyof Workspace, 'mode'>;

const UNIT_OF_FILE: Record<string, string> = {
  'tam-ky.xlsx': 'Tam Kỳ',
  'hoi-an.xlsx': 'Hội An',
  'dien-ban.xlsx': 'Điện Bàn',
};

/** Stand-in file content (jsdom has no TextEncoder). */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

export class FakeWorkspace implements Workspace {
  /** Method names in call order, e.g. ["loadSetup", "chartChoices", "check"]. */
  readonly calls: string[] = [];
  readonly periods: string[] = [];
  readonly selected: { sheet: string; cell: string }[] = [];
  readonly consolidateOptions: ConsolidateOptions[] = [];
  readonly importRequests: { files: string[]; replace: string[] }[] = [];
  /** What the next loadSetup reports as the workbook's period. */
  setupPeriod = '6 tháng đầu năm 2025';
  /** Units whose return is already in the workbook: planning them gives replaces=true. */
  existingUnits = new Set<string>();
  private readonly failures = new Map<Method, Error>();
  private readonly gates = new Map<Method, Promise<void>>();

  constructor(readonly mode: WorkspaceMode = 'excel') {}

  /** Makes every later call of `method` throw `error` (a WorkspaceError with `message` by default). */
  failOn(method: Method, error: Error | string): void {
    this.failures.set(method, typeof error === 'string' ? new WorkspaceError(error) : error);
  }

  succeedOn(method: Method): void {
    this.failures.delete(method);
  }

  /** Holds `method` (after its first progress report) until the returned function is called. */
  hold(method: Method): () => void {
    let release!: () => void;
    this.gates.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  private async enter(method: Method): Promise<void> {
    this.calls.push(method);
    await this.gates.get(method);
    const failure = this.failures.get(method);
    if (failure) throw failure;
  }

  async loadSetup(): Promise<SetupInfo> {
    await this.enter('loadSetup');
    return {
      templateSource: 'sheet',
      templateName: 'Phối hợp hoạt động Hội CCB tỉnh – Bộ CHQS tỉnh',
      indicatorCount: 24,
      unitSource: 'built-in',
      units: ['Tam Kỳ', 'Hội An', 'Điện Bàn'],
      reportSource: 'built-in',
      period: this.setupPeriod,
      problems: ['Trang tính “Mẫu báo cáo” thiếu cột “Nội dung”: đang dùng mẫu báo cáo có sẵn.'],
    };
  }

  setPeriod(period: string): void {
    this.calls.push('setPeriod');
    this.periods.push(period);
  }

  async insertTemplateSheets(): Promise<{ written: string[]; existing: string[]; download: Download | null }> {
    await this.enter('insertTemplateSheets');
    if (this.mode === 'browser') {
      return { written: [], existing: [], download: { name: 'mau-tong-hop.xlsx', mime: XLSX_MIME, bytes: bytes('mau') } };
    }
    return { written: ['Mẫu chỉ tiêu', 'Mẫu báo cáo'], existing: ['Đơn vị'], download: null };
  }

  async blankForms(onProgress?: OnProgress): Promise<Download> {
    onProgress?.({ done: 1, total: 3, label: 'Đang tạo biểu: Hội An' });
    await this.enter('blankForms');
    return { name: 'bieu-mau-6-thang-2025.zip', mime: 'application/zip', bytes: bytes('zip') };
  }

  async planImport(files: readonly PickedFile[]): Promise<ImportPlanItem[]> {
    await this.enter('planImport');
    return files.map((f) => {
      const unit = UNIT_OF_FILE[f.name] ?? null;
      if (!f.name.endsWith('.xlsx')) {
        return { file: f.name, unit: null, sheet: f.name, replaces: false, failure: 'Tệp không phải sổ làm việc Excel (.xlsx): hãy đề nghị đơn vị gửi lại.' };
      }
      return { file: f.name, unit, sheet: unit ?? f.name.replace(/\.xlsx$/, ''), replaces: unit !== null && this.existingUnits.has(unit), failure: null };
    });
  }

  async importReturns(plan: readonly ImportPlanItem[], files: readonly PickedFile[], replace: ReadonlySet<string>, onProgress?: OnProgress): Promise<ImportOutcome> {
    this.importRequests.push({ files: files.map((f) => f.name), replace: [...replace].sort() });
    onProgress?.({ done: 0, total: files.length, label: `Đang nhập: ${files[0]?.name ?? ''}` });
    await this.enter('importReturns');
    const outcome: ImportOutcome = { imported: [], kept: [], failed: [] };
    for (const item of plan) {
      if (item.failure) outcome.failed.push({ file: item.file, reason: item.failure });
      else if (item.replaces && !replace.has(item.file)) outcome.kept.push({ file: item.file, sheet: item.sheet });
      else outcome.imported.push({ file: item.file, unit: item.unit, sheet: item.sheet });
    }
    return outcome;
  }

  async check(onProgress?: OnProgress): Promise<CheckOutcome> {
    onProgress?.({ done: 1, total: 3, label: 'Đang kiểm tra: Hội An' });
    await this.enter('check');
    return {
      roster: [
        { unit: 'Tam Kỳ', state: 'received', source: 'Tam Kỳ', errors: 1, warnings: 1 },
        { unit: 'Hội An', state: 'received', source: 'Hội An', errors: 0, warnings: 0 },
        { unit: 'Điện Bàn', state: 'missing', source: null, errors: 0, warnings: 0 },
      ],
      groups: [
        {
          unit: 'Tam Kỳ',
          findings: [
            {
              id: 'f1', severity: 'error', severityText: 'Lỗi', unit: 'Tam Kỳ', sheet: 'Tam Kỳ', cell: 'E12', code: '08',
              indicator: 'Tổng số hội viên cuối kỳ', message: 'Số liệu âm: đọc được “-5”, chỉ tiêu này không được âm.', selectable: true,
            },
            {
              id: 'f2', severity: 'warning', severityText: 'Cảnh báo', unit: 'Tam Kỳ', sheet: 'Tam Kỳ', cell: 'E14', code: '10',
              indicator: 'Trong đó: con hội viên CCB', message: 'Số nhập dạng chữ “gần 30”: dùng giá trị 30.', selectable: false,
            },
          ],
        },
        { unit: 'Hội An', findings: [] },
        {
          unit: 'Tổng hợp toàn tỉnh',
          findings: [
            {
              id: 'f3', severity: 'info', severityText: 'Thông tin', unit: 'Tổng hợp toàn tỉnh', sheet: null, cell: null, code: null,
              indicator: null, message: 'Chưa nhận biểu của 1 đơn vị: Điện Bàn.', selectable: false,
            },
          ],
        },
      ],
      errors: 1,
      warnings: 1,
      coverage: 'Đã tổng hợp 2/3 đơn vị. Chưa nhận: Điện Bàn.',
      result: {} as JobResult,
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.enter('selectCell');
    this.selected.push({ sheet, cell });
  }

  async consolidate(options: ConsolidateOptions, onProgress?: OnProgress): Promise<ConsolidateOutcome> {
    this.consolidateOptions.push(options);
    onProgress?.({ done: 2, total: 4, label: 'Đang ghi trang tính: Tổng hợp' });
    await this.enter('consolidate');
    return {
      coverage: 'Đã tổng hợp 2/3 đơn vị. Chưa nhận: Điện Bàn.',
      sheetsWritten: this.mode === 'excel' ? ['Tổng hợp', 'Kiểm tra', 'Tình trạng'] : [],
      chart: options.chartCode !== null,
    };
  }

  async consolidationFile(): Promise<Download> {
    await this.enter('consolidationFile');
    return { name: 'tong-hop.xlsx', mime: XLSX_MIME, bytes: bytes('xlsx') };
  }

  async draftReport(): Promise<ReportOutcome> {
    await this.enter('draftReport');
    return {
      html: '<p style="text-align:center"><b>BÁO CÁO KẾT QUẢ PHỐI HỢP 6 THÁNG ĐẦU NĂM 2025</b></p><p>Tổng số hội viên cuối kỳ: 12.345 hội viên.</p>',
      text: 'BÁO CÁO KẾT QUẢ PHỐI HỢP 6 THÁNG ĐẦU NĂM 2025\nTổng số hội viên cuối kỳ: 12.345 hội viên.',
      docx: { name: 'bao-cao.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: bytes('docx') },
    };
  }

  async chartChoices(): Promise<{ code: string; name: string }[]> {
    await this.enter('chartChoices');
    return [
      { code: '07', name: 'Hội viên kết nạp mới' },
      { code: '08', name: 'Tổng số hội viên cuối kỳ' },
    ];
  }
}

export class FakePlatform implements PanePlatform {
  readonly downloads: Download[] = [];
  readonly copies: { html: string; text: string }[] = [];
  /** What copyRich resolves with. */
  copyResult = true;

  constructor(readonly canDownload = true) {}

  download(file: Download): void {
    this.downloads.push(file);
  }

  async copyRich(html: string, text: string): Promise<boolean> {
    this.copies.push({ html, text });
    return this.copyResult;
  }
}
