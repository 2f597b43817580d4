/**
 * A counting fake of the Excel JavaScript API, just wide enough for OfficeWorkbook and ExcelWorkspace.
 * - `sync()` counts; loaded properties are readable only after the sync that follows their load
 *   (reading earlier throws, like the real API's PropertyNotLoaded).
 * - every API call is recorded with the ExcelApi set it needs, so tests can check fallbacks;
 * - every values / formulas / numberFormat assignment is recorded as one range write.
 * - operations take effect at once (the real API runs them at the next sync, in queue order);
 *   sheet names are compared without regard to case, as Excel does.
 * - formulas written as a plain reference ("='Quế Sơn'!E12", "=E12") or "=SUM(A1:B2)" are evaluated
 *   when read, so a changed unit cell shows in the total; other formulas read as their stored value.
 * - insertWorksheetsFromBase64 reads the .xlsx with the project's reader and, like Excel when a name is
 *   taken, inserts the sheet as "Name (2)". `refuseInsert` makes Excel refuse a file: that insert is
 *   not done and the next sync rejects (unlike Excel, the batch's later operations still take effect).
 * - a failed sync drops what was queued with it: its loads stay unloaded.
 */
import { a1, parseA1 } from '../../../src/core/grid/address';
import type { CellValue } from '../../../src/core/grid/sheet';
import type { ExcelContextLike } from '../../../src/workbook/office/excel-shapes';
import { readXlsxWorkbook } from '../../../src/workbook/xlsx-reader';

export interface RangeWrite { sheet: string; address: string; kind: 'values' | 'formulas' | 'numberFormat'; rows: number; cols: number }

interface Box { row: number; col: number; rows: number; cols: number }

function boxOf(address: string | undefined): Box | null {
  if (!address) return null;
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [from, to = from] = local.split(':');
  if (!/\d/.test(from) || !/[A-Z]/i.test(from)) return null; // whole rows / columns
  const a = parseA1(from);
  const b = parseA1(to);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

function boxAddress(b: Box): string {
  const tl = `${colName(b.col)}${b.row + 1}`;
  const br = `${colName(b.col + b.cols - 1)}${b.row + b.rows}`;
  return tl === br ? tl : `${tl}:${br}`;
}

/** Values and (optionally) formulas of a seeded sheet, anchored at A1. */
export interface FakeSheetSeed {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  values: CellValue[][];
  formulas?: string[][];
  hiddenRows?: number[];
  fonts?: string[][];
  /** Cell fills ("#RRGGBB") by A1 address; other cells have none (read as "#FFFFFF", as Excel does). */
  fills?: Record<string, string>;
}

export interface FakeChart { sheet: string; type: string; source: string; seriesBy: string | undefined; title: string; deleted: boolean }

/** Errors as the real API raises them: an Error with the ErrorCodes `code`. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

export class FakeExcel {
  syncs = 0;
  readonly calls: { api: string; set: string }[] = [];
  readonly writes: RangeWrite[] = [];
  readonly formats: { sheet: string; address: string; path: string; value: unknown }[] = [];
  readonly comments: { address: string; text: string; deleted: boolean }[] = [];
  readonly sheets: FakeSheet[] = [];
  readonly charts: FakeChart[] = [];
  readonly selections: { sheet: string; address: string }[] = [];
  activeSheet: string | null = null;
  /** When set, the next sync rejects with this error (like a failed batch). */
  failNextSync: Error | null = null;
  /** Every load on a range, with its sheet: which sheets were read, and what of them. */
  readonly rangeLoads: { sheet: string; props: string }[] = [];
  /** Every insertWorksheetsFromBase64 call: the base64 length and the sync it goes with (1-based). */
  readonly inserts: { sync: number; length: number }[] = [];
  /** An error for a file Excel should refuse to insert (then the next sync rejects with it), or null; if it throws, the call throws. */
  refuseInsert: ((base64: string) => Error | null) | null = null;
  private nextId = 1;
  private queued: Loadable[] = [];

  constructor(seeds: FakeSheetSeed[] = []) {
    for (const s of seeds) this.sheets.push(new FakeSheet(this, s));
  }

  use(api: string, set: string): void {
    this.calls.push({ api, set });
  }

  queue(l: Loadable): void {
    this.queued.push(l);
  }

  setsUsed(): Set<string> {
    return new Set(this.calls.map((c) => c.set));
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => sameName(x.name, name));
    if (!s) throw officeError('ItemNotFound', name);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((x) => sameName(x.name, name));
  }

  newId(): string {
    return `{sheet-${this.nextId++}}`;
  }

  /** The fill each cell ends up with after every fill write and clear, by "sheet!A1". */
  fills(): Map<string, string> {
    const out = new Map<string, string>();
    for (const f of this.formats) {
      const key = `${f.sheet}!${f.address}`;
      if (f.path === 'format.fill.color') out.set(key, String(f.value));
      if (f.path === 'format.fill.clear()') out.delete(key);
    }
    return out;
  }

  /** Cell value as Excel would show it, evaluating the formulas the fake understands. */
  cellValue(sheet: FakeSheet, row: number, col: number, depth = 0): CellValue {
    const stored = sheet.values[row]?.[col] ?? '';
    const formula = sheet.formulas[row]?.[col];
    if (!formula || depth > 20) return stored;
    const ref = /^=(?:(?:'((?:[^']|'')+)'|([^'!(),:]+))!)?\$?([A-Z]+)\$?(\d+)$/i.exec(formula);
    if (ref) {
      const name = ref[1]?.replace(/''/g, "'") ?? ref[2];
      const target = name ? this.findSheet(name) : sheet;
      if (!target) return '#REF!';
      const at = parseA1(`${ref[3]}${ref[4]}`);
      const v = this.cellValue(target, at.row, at.col, depth + 1);
      return v === '' ? 0 : v;
    }
    const sum = /^=SUM\(\$?([A-Z]+\$?\d+):\$?([A-Z]+\$?\d+)\)$/i.exec(formula);
    if (sum) {
      const a = parseA1(sum[1]);
      const b = parseA1(sum[2]);
      let total = 0;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
          const v = this.cellValue(sheet, r, c, depth + 1);
          if (typeof v === 'number') total += v;
        }
      }
      return Number.parseFloat(total.toPrecision(15));
    }
    return stored;
  }

  get context(): ExcelContextLike {
    const fake = this;
    const worksheets = new (class extends Loadable {
      get items(): FakeSheet[] { this.check(); return fake.sheets; }
      override load(p: string) { for (const s of fake.sheets) fake.queue(s); return super.load(p); }
      getItem(key: string) {
        fake.use('worksheets.getItem', '1.1');
        return fake.sheets.find((s) => s.id === key) ?? fake.sheet(key);
      }
      add(name: string) {
        fake.use('worksheets.add', '1.1');
        if (fake.findSheet(name)) throw officeError('ItemAlreadyExists', name);
        const s = new FakeSheet(fake, { name, values: [] });
        fake.sheets.push(s);
        return s;
      }
    })(fake);
    const comments = new (class extends Loadable {
      get items() {
        this.check();
        return fake.comments.filter((c) => !c.deleted).map((c) => ({
          load: () => undefined,
          content: c.text,
          delete: () => { fake.use('comment.delete', '1.10'); c.deleted = true; },
          getLocation: () => {
            fake.use('comment.getLocation', '1.10');
            const bang = c.address.lastIndexOf('!');
            const name = c.address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
            return new FakeRange(fake, fake.sheet(name), c.address.slice(bang + 1));
          },
        }));
      }
      override load(p: string) { fake.use('workbook.comments', '1.10'); return super.load(p); }
      add(address: string, text: string) {
        fake.use('comments.add', '1.10');
        fake.comments.push({ address, text, deleted: false });
      }
    })(fake);
    const insertWorksheetsFromBase64 = (base64: string, options: { sheetNamesToInsert?: string[]; positionType?: string } = {}) => {
      fake.use('workbook.insertWorksheetsFromBase64', '1.13');
      if (options.positionType !== undefined && options.positionType !== 'End') throw new Error('fake: only positionType End');
      fake.inserts.push({ sync: fake.syncs + 1, length: base64.length });
      const refused = fake.refuseInsert?.(base64);
      if (refused) {
        fake.failNextSync ??= refused;
        return { get value(): string[] { throw new Error('PropertyNotLoaded'); } };
      }
      const book = readXlsxWorkbook(new Uint8Array(Buffer.from(base64, 'base64')));
      const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : book.sheets.map((x) => x.name);
      const ids = wanted.map((name) => {
        const source = book.sheet(name);
        if (!source) throw new Error(`InvalidArgument: no sheet ${name} in the file`);
        const snap = source.snapshot();
        let target = name;
        for (let n = 2; fake.findSheet(target); n++) target = `${name} (${n})`;
        const sheet = new FakeSheet(fake, {
          name: target, values: snap.values, formulas: snap.formulas, hiddenRows: snap.hiddenRows,
          fonts: snap.fonts?.map((r) => r.map((f) => f ?? '')),
        });
        sheet.protectedNow = true; // returns arrive protected, as the province sends the form
        fake.sheets.push(sheet);
        return sheet.id;
      });
      const holder = new Loadable(fake);
      fake.queue(holder);
      return { get value(): string[] { if (!holder.loaded) throw new Error('PropertyNotLoaded'); return ids; } };
    };
    return {
      workbook: { worksheets, comments, insertWorksheetsFromBase64 },
      application: { suspendApiCalculationUntilNextSync: () => fake.use('suspendApiCalculationUntilNextSync', '1.6') },
      sync: async () => {
        fake.syncs += 1;
        if (fake.failNextSync) {
          const e = fake.failNextSync;
          fake.failNextSync = null;
          fake.queued = [];
          throw e;
        }
        for (const l of fake.queued) l.loaded = true;
        fake.queued = [];
      },
    } as unknown as ExcelContextLike;
  }
}

class Loadable {
  loaded = false;
  readonly loads: string[] = [];
  constructor(protected readonly fake: FakeExcel) {}
  load(props: string): this {
    this.loads.push(props);
    this.fake.queue(this);
    return this;
  }
  protected check(): void {
    if (!this.loaded) throw new Error('PropertyNotLoaded');
  }
}

export class FakeSheet extends Loadable {
  private sheetName: string;
  readonly id: string;
  private vis: string;
  values: CellValue[][];
  formulas: string[][];
  hiddenRows: number[];
  fonts: string[][];
  merges: string[] = [];
  protectedNow = false;
  /** Current fill per A1 cell, kept up to date by fill writes and clears. */
  readonly cellFills: Map<string, string>;

  constructor(fake: FakeExcel, seed: FakeSheetSeed) {
    super(fake);
    this.sheetName = seed.name;
    this.id = fake.newId();
    this.vis = seed.visibility ?? 'Visible';
    this.values = seed.values.map((r) => [...r]);
    this.formulas = (seed.formulas ?? []).map((r) => [...r]);
    this.hiddenRows = seed.hiddenRows ?? [];
    this.fonts = seed.fonts ?? [];
    this.cellFills = new Map(Object.entries(seed.fills ?? {}));
  }

  get name(): string { return this.sheetName; }
  set name(v: string) {
    this.fake.use('worksheet.name (rename)', '1.1');
    const other = this.fake.findSheet(v);
    if (other && other !== this) throw officeError('ItemAlreadyExists', v);
    this.sheetName = v;
  }
  get visibility(): string { this.check(); return this.vis; }
  set visibility(v: string) { this.fake.use('worksheet.visibility', '1.1'); this.vis = v; }
  /** Test-side access, no load needed. */
  get state(): string { return this.vis; }

  usedBox(): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.values.forEach((row, r) => row.forEach((v, c) => {
      if ((v === '' || v === null || v === undefined) && !this.formulas[r]?.[c]) return;
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }));
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  getRange(address?: string): FakeRange {
    this.fake.use('worksheet.getRange', '1.1');
    return new FakeRange(this.fake, this, address);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.fake.use('worksheet.getUsedRange', valuesOnly === undefined ? '1.1' : '1.2');
    const b = this.usedBox();
    return new FakeRange(this.fake, this, b ? boxAddress(b) : 'A1');
  }
  getUsedRangeOrNullObject(): FakeRange {
    this.fake.use('worksheet.getUsedRangeOrNullObject', '1.4');
    const b = this.usedBox();
    return b ? new FakeRange(this.fake, this, boxAddress(b)) : new FakeRange(this.fake, this, undefined, true);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.fake.use('worksheet.getRangeByIndexes', '1.7');
    return new FakeRange(this.fake, this, boxAddress({ row, col, rows, cols }));
  }
  get protection() {
    this.fake.use('worksheet.protection', '1.2');
    const sheet = this;
    const holder = new Loadable(this.fake);
    return {
      load: (p: string) => holder.load(p),
      get protected(): boolean { if (!holder.loaded) throw new Error('PropertyNotLoaded'); return sheet.protectedNow; },
      protect: () => { sheet.protectedNow = true; },
      unprotect: () => { sheet.protectedNow = false; },
    };
  }
  delete(): void {
    this.fake.use('worksheet.delete', '1.1');
    const visible = this.fake.sheets.filter((s) => s.state === 'Visible');
    if (visible.length === 1 && visible[0] === this) throw officeError('InvalidOperation', 'the last visible sheet cannot be deleted');
    this.fake.sheets.splice(this.fake.sheets.indexOf(this), 1);
    for (const c of this.fake.charts) if (c.sheet === this.name) c.deleted = true;
    for (const c of this.fake.comments) if (c.address.startsWith(`'${this.name.replace(/'/g, "''")}'!`)) c.deleted = true;
  }
  activate(): void {
    this.fake.use('worksheet.activate', '1.1');
    this.fake.activeSheet = this.name;
  }
  get charts() {
    const fake = this.fake;
    const sheet = this.name;
    return {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        fake.use('charts.add', '1.1');
        const chart: FakeChart = { sheet, type, source: source.localAddress, seriesBy, title: '', deleted: false };
        fake.charts.push(chart);
        return {
          title: { set text(t: string) { chart.title = t; }, get text() { return chart.title; } },
          legend: { visible: true },
          setPosition: () => fake.use('chart.setPosition', '1.1'),
        };
      },
    };
  }
  get freezePanes() {
    this.fake.use('worksheet.freezePanes', '1.7');
    const rec = (path: string) => (v?: unknown) => this.fake.formats.push({ sheet: this.name, address: '', path, value: v });
    return { freezeAt: rec('freezeAt'), freezeRows: rec('freezeRows'), freezeColumns: rec('freezeColumns'), unfreeze: rec('unfreeze') };
  }
  get pageLayout() {
    this.fake.use('worksheet.pageLayout', '1.9');
    return recorder(this.fake, this.name, '', 'pageLayout');
  }
}

const FORMAT_SETS: Record<string, string> = { columnWidth: '1.2', rowHeight: '1.2', protection: '1.2' };

function recorder(fake: FakeExcel, sheet: string, address: string, path: string): Record<string, unknown> {
  return new Proxy((() => undefined) as unknown as Record<string, unknown>, {
    apply: (_t, _this, args: unknown[]) => {
      if (path === 'format.fill.clear') fake.findSheet(sheet)?.cellFills.delete(address);
      fake.formats.push({ sheet, address, path: `${path}()`, value: args });
      return undefined;
    },
    get: (_t, key: string) => {
      if (key === 'getItem') return (name: string) => recorder(fake, sheet, address, `${path}.${name}`);
      const set = FORMAT_SETS[key];
      if (set) fake.use(`format.${key}`, set);
      return recorder(fake, sheet, address, `${path}.${key}`);
    },
    set: (_t, key: string, value) => {
      const set = FORMAT_SETS[key];
      if (set) fake.use(`format.${key}`, set);
      if (path === 'format.fill' && key === 'color') fake.findSheet(sheet)?.cellFills.set(address, String(value));
      fake.formats.push({ sheet, address, path: `${path}.${key}`, value });
      return true;
    },
  });
}

export class FakeRange extends Loadable {
  constructor(fake: FakeExcel, private readonly sheet: FakeSheet, private readonly addr: string | undefined, readonly isNull = false) {
    super(fake);
  }
  private box(): Box {
    const b = boxOf(this.addr);
    if (!b) throw new Error(`not a cell range: ${this.addr}`);
    return b;
  }
  override load(props: string): this {
    this.fake.rangeLoads.push({ sheet: this.sheet.name, props });
    return super.load(props);
  }
  get isNullObject(): boolean { this.check(); return this.isNull; }
  get localAddress(): string { return this.addr ?? ''; }
  select(): void {
    this.fake.use('range.select', '1.1');
    this.fake.activeSheet = this.sheet.name;
    this.fake.selections.push({ sheet: this.sheet.name, address: this.addr ?? '' });
  }
  get address(): string { this.check(); return `${this.sheet.name.includes(' ') ? `'${this.sheet.name}'` : this.sheet.name}!${this.addr}`; }
  private slice<T>(grid: T[][], empty: T): T[][] {
    const b = this.box();
    return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => grid[b.row + r]?.[b.col + c] ?? empty));
  }
  get values(): unknown[][] {
    this.check();
    const b = this.box();
    return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => this.fake.cellValue(this.sheet, b.row + r, b.col + c)));
  }
  get formulas(): unknown[][] {
    this.check();
    const b = this.box();
    return this.slice(this.sheet.values, '' as CellValue).map((row, r) => row.map((v, c) => this.sheet.formulas[b.row + r]?.[b.col + c] || v));
  }
  private write(kind: RangeWrite['kind'], grid: unknown[][]): void {
    const b = this.box();
    if (grid.length !== b.rows || grid.some((row) => row.length !== b.cols)) throw new Error(`InvalidArgument: ${kind} shape does not match ${this.addr}`);
    this.fake.writes.push({ sheet: this.sheet.name, address: this.addr!, kind, rows: b.rows, cols: b.cols });
    if (kind === 'numberFormat') return;
    grid.forEach((row, r) => row.forEach((raw, c) => {
      let v = raw as CellValue;
      let f = '';
      if (typeof v === 'string' && v.startsWith("'")) v = v.slice(1);
      else if (typeof v === 'string' && v.startsWith('=')) { f = v; v = 0; }
      (this.sheet.values[b.row + r] ??= [])[b.col + c] = v;
      (this.sheet.formulas[b.row + r] ??= [])[b.col + c] = f;
    }));
  }
  set values(v: unknown[][]) { this.write('values', v); }
  set formulas(v: unknown[][]) { this.write('formulas', v); }
  set numberFormat(v: unknown[][]) { this.write('numberFormat', v); }
  get rowHidden(): boolean {
    this.check();
    return this.sheet.hiddenRows.includes(this.box().row);
  }
  set rowHidden(hidden: boolean) {
    this.fake.use('range.rowHidden', '1.2');
    const m = /^(\d+):(\d+)$/.exec(this.addr ?? '');
    const first = m ? Number(m[1]) - 1 : this.box().row;
    const last = m ? Number(m[2]) - 1 : first + this.box().rows - 1;
    for (let r = first; r <= last; r++) {
      const has = this.sheet.hiddenRows.includes(r);
      if (hidden && !has) this.sheet.hiddenRows.push(r);
      if (!hidden && has) this.sheet.hiddenRows = this.sheet.hiddenRows.filter((x) => x !== r);
    }
  }
  get format() {
    const rec = recorder(this.fake, this.sheet.name, this.addr ?? '', 'format');
    if (!this.loads.includes('format/fill/color')) return rec;
    const range = this;
    const sheet = this.sheet;
    return { fill: { get color() { range.check(); return sheet.cellFills.get(range.addr ?? '') ?? '#FFFFFF'; } } };
  }
  get dataValidation() {
    this.fake.use('range.dataValidation', '1.8');
    return recorder(this.fake, this.sheet.name, this.addr ?? '', 'dataValidation');
  }
  clear(): void {
    this.fake.use('range.clear', '1.1');
    if (this.addr === undefined) { this.sheet.values = []; this.sheet.formulas = []; this.sheet.cellFills.clear(); }
  }
  merge(): void { this.fake.use('range.merge', '1.2'); this.sheet.merges.push(this.addr!); }
  unmerge(): void { this.fake.use('range.unmerge', '1.2'); this.sheet.merges = []; }
  getRow(i: number): FakeRange {
    this.fake.use('range.getRow', '1.1');
    const b = this.box();
    return new FakeRange(this.fake, this.sheet, boxAddress({ row: b.row + i, col: b.col, rows: 1, cols: b.cols }));
  }
  private result<T>(compute: () => T): { value: T } {
    const holder = new Loadable(this.fake);
    this.fake.queue(holder);
    return { get value(): T { if (!holder.loaded) throw new Error('PropertyNotLoaded'); return compute(); } };
  }
  getRowProperties() {
    this.fake.use('range.getRowProperties', '1.9');
    const b = this.box();
    return this.result(() => Array.from({ length: b.rows }, (_, i) => ({ rowIndex: b.row + i, rowHidden: this.sheet.hiddenRows.includes(b.row + i) })));
  }
  getCellProperties() {
    this.fake.use('range.getCellProperties', '1.9');
    const b = this.box();
    const fills = this.sheet.cellFills;
    return this.result(() => this.slice(this.sheet.fonts, 'Calibri').map((row, r) => row.map((name, c) => ({
      format: { font: { name }, fill: { color: fills.get(a1(b.row + r, b.col + c)) ?? '#FFFFFF' } },
    }))));
  }
}
