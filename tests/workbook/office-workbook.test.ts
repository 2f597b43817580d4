/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook, rangeBounds, textForExcel, type ExcelContextLike } from '../../src/workbook/office-workbook';
import { metaSheet } from '../../src/core/form/metadata';
import type { SheetSpec } from '../../src/core/grid/sheet-spec';
import { FakeExcel } from './support/fake-excel';
import { consolidationSpecs, unitSheetSeeds } from './support/scenario';
import { snapshotFromSpec } from '../support/forms';

// office-addin-mock needs only the OfficeApp host enum from office-addin-manifest, whose ESM-only
// dependencies jest cannot require on Node 20: stand in for that one enum.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

// Compile-time: the real Office.js context fits the shape the adapter takes.
export const fromRealContext = (context: Excel.RequestContext): OfficeWorkbook => new OfficeWorkbook(context);

const ALL = () => true;
const ONLY_1_1 = () => false;

describe('address helpers', () => {
  test('rangeBounds reads sheet-qualified addresses', () => {
    expect(rangeBounds("'Tổng hợp'!C3:F10")).toEqual({ row: 2, col: 2, rows: 8, cols: 4 });
    expect(rangeBounds('Sheet1!B2')).toEqual({ row: 1, col: 1, rows: 1, cols: 1 });
  });
  test('strings Excel would reinterpret keep their text', () => {
    expect(textForExcel('01')).toBe("'01");
    expect(textForExcel('=1+1')).toBe("'=1+1");
    expect(textForExcel('TRUE')).toBe("'TRUE");
    expect(textForExcel('Chỉ tiêu')).toBe('Chỉ tiêu');
  });
});

describe('OfficeWorkbook over office-addin-mock', () => {
  /** Collections are not mocked by office-addin-mock: a thin collection over mocked sheets. */
  function mockContext(): ExcelContextLike {
    const sheet = (name: string, visibility: string, used: { address: string; values: unknown[][]; formulas: unknown[][] }) =>
      new OfficeMockObject({
        name, visibility, usedRange: used,
        getUsedRange(this: { usedRange: unknown }) { return this.usedRange; },
      });
    const items = [
      sheet('Biểu 01', 'Visible', { address: "'Biểu 01'!C3:D4", values: [['Mã số', 'Số liệu'], ['01', 12]], formulas: [['Mã số', 'Số liệu'], ['01', '=6*2']] }),
      sheet('Trống', 'Hidden', { address: 'Trống!A1', values: [['']], formulas: [['']] }),
      sheet('_tonghop', 'VeryHidden', {
        address: '_tonghop!A1:B4',
        values: [['kind', 'form'], ['templateId', 'bieu-6t'], ['templateVersion', '1'], ['period', '6 tháng 2024']],
        formulas: [['kind', 'form'], ['templateId', 'bieu-6t'], ['templateVersion', '1'], ['period', '6 tháng 2024']],
      }),
    ];
    const worksheets = {
      items,
      load(props: string) {
        const scalars = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
        for (const item of items) item.load(scalars);
      },
      getItem: (name: string) => items.find((i) => (i as unknown as { name: string }).name === name),
      add: () => { throw new Error('not needed'); },
    };
    return {
      workbook: { worksheets },
      sync: async () => {
        for (const item of items) {
          await item.sync();
          await (item as unknown as { usedRange: OfficeMockObject }).usedRange.sync();
        }
      },
    } as unknown as ExcelContextLike;
  }

  test('a property read before load and sync is the mock error string', () => {
    const m = new OfficeMockObject({ name: 'x' }) as unknown as { name: unknown; load(p: string): void };
    expect(typeof m.name).toBe('string');
    expect(m.name).not.toBe('x');
  });

  test('listSheets gives names and visibility', async () => {
    const book = new OfficeWorkbook(mockContext(), { supports: ONLY_1_1 });
    expect(await book.listSheets()).toEqual([
      { name: 'Biểu 01', visibility: 'visible' },
      { name: 'Trống', visibility: 'hidden' },
      { name: '_tonghop', visibility: 'veryHidden' },
    ]);
  });

  test('readSheets pads the used range to A1 and reads an empty 1.1 sheet as empty', async () => {
    const book = new OfficeWorkbook(mockContext(), { supports: ONLY_1_1 });
    const [b01, empty] = await book.readSheets(['Biểu 01', 'Trống']);
    expect(b01.values).toEqual([['', '', '', ''], ['', '', '', ''], ['', '', 'Mã số', 'Số liệu'], ['', '', '01', 12]]);
    expect(b01.formulas![3]).toEqual(['', '', '', '=6*2']);
    expect(b01.fonts).toBeUndefined();
    expect(b01.hiddenRows).toBeUndefined();
    expect(empty).toEqual({ name: 'Trống', values: [], formulas: [] });
  });

  test('readMetadata reads the very hidden sheet', async () => {
    const book = new OfficeWorkbook(mockContext(), { supports: ONLY_1_1 });
    expect(await book.readMetadata()).toEqual({ kind: 'form', templateId: 'bieu-6t', templateVersion: '1', period: '6 tháng 2024', unit: undefined });
  });
});

describe('OfficeWorkbook sync budget (counting fake)', () => {
  test.each([[ALL], [ONLY_1_1]])('readSheets uses the same number of syncs for 5 and 100 sheets (%#)', async (supports) => {
    const counts = [];
    for (const n of [5, 100]) {
      const fake = new FakeExcel(unitSheetSeeds(n));
      const sheets = await new OfficeWorkbook(fake.context, { supports }).readSheets();
      expect(sheets).toHaveLength(n);
      counts.push(fake.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  test.each([5, 100])('validate read + consolidation write of %i unit sheets: at most 6 syncs, one values write per sheet', async (n) => {
    const seeds = unitSheetSeeds(n);
    const fake = new FakeExcel(seeds);
    const book = new OfficeWorkbook(fake.context, { supports: ALL });
    const read = await book.readSheets(seeds.map((s) => s.name));
    expect(read[0].values).toEqual(seeds[0].values);
    const specs = consolidationSpecs();
    expect(specs).toHaveLength(4);
    await book.writeSheets(specs);
    expect(fake.syncs).toBeLessThanOrEqual(6);
    for (const spec of specs) {
      const cellWrites = fake.writes.filter((w) => w.sheet === spec.name && w.kind !== 'numberFormat');
      expect(cellWrites).toHaveLength(1);
      expect(cellWrites[0].rows).toBe(spec.cells.length);
    }
    const formatWrites = fake.writes.filter((w) => w.kind === 'numberFormat').length;
    expect(formatWrites).toBe(specs.reduce((k, s) => k + (s.numberFormats?.length ?? 0), 0));
  });

  test('written sheets read back with text codes intact and the meta sheet very hidden', async () => {
    const fake = new FakeExcel(unitSheetSeeds(2));
    const book = new OfficeWorkbook(fake.context, { supports: ALL });
    const specs = consolidationSpecs();
    await book.writeSheets(specs);
    const back = await book.readSheets(specs.map((s) => s.name));
    for (const [i, spec] of specs.entries()) {
      const expected = snapshotFromSpec(spec);
      const formulas = expected.formulas ?? [];
      expect(back[i].formulas).toEqual(formulas.slice(0, back[i].formulas!.length));
      back[i].values.forEach((row, r) => row.forEach((v, c) => {
        if (!formulas[r][c]) expect(v).toEqual(expected.values[r][c]);
      }));
    }
    expect(fake.sheet('_tonghop').state).toBe('VeryHidden');
    expect(await book.readMetadata()).toMatchObject({ kind: 'consolidation' });
  });

  test('writing over an existing sheet clears it instead of adding a second one', async () => {
    const fake = new FakeExcel([{ name: 'Tổng hợp', values: [['old', 'old', 'old']] }]);
    const book = new OfficeWorkbook(fake.context, { supports: ALL });
    await book.writeSheets([{ name: 'Tổng hợp', cells: [['new']] }]);
    expect(fake.sheets).toHaveLength(1);
    expect((await book.readSheets())[0].values).toEqual([['new']]);
  });

  test('with 1.9, hidden rows and fonts come in bulk and in A1 coordinates', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [[], ['', 'a'], ['', 'b'], ['', 'c']], hiddenRows: [2], fonts: [[], ['', '.VnTime']] }]);
    const [s] = await new OfficeWorkbook(fake.context, { supports: ALL }).readSheets();
    expect(s.hiddenRows).toEqual([2]);
    expect(s.fonts![1][1]).toBe('.VnTime');
    expect(s.fonts![0][0]).toBeUndefined();
  });

  test('with 1.2 only, hidden rows are read per row in the same sync', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [['x'], ['y'], ['z']], hiddenRows: [1] }]);
    const [s] = await new OfficeWorkbook(fake.context, { supports: (v) => v === '1.2' }).readSheets();
    expect(s.hiddenRows).toEqual([1]);
    expect(s.fonts).toBeUndefined();
    expect(fake.syncs).toBe(3);
  });

  test('markCells: fills queued per cell, comments replaced, constant syncs', async () => {
    const fake = new FakeExcel(unitSheetSeeds(3));
    const name = fake.sheets[0].name;
    const book = new OfficeWorkbook(fake.context, { supports: ALL });
    const marks = [
      { sheet: name, cell: 'E7', severity: 'error' as const, note: 'first' },
      { sheet: name, cell: 'E8', severity: 'warning' as const, note: 'w' },
      { sheet: 'no such sheet', cell: 'A1', severity: 'error' as const, note: 'skipped' },
    ];
    await book.markCells(marks);
    expect(fake.syncs).toBe(2);
    await book.markCells([{ ...marks[0], note: 'second' }]);
    expect(fake.syncs).toBe(2 + 3);
    const live = fake.comments.filter((c) => !c.deleted);
    expect(live.map((c) => c.text).sort()).toEqual(['second', 'w']);
    const fills = fake.formats.filter((f) => f.path === 'format.fill.color');
    expect(fills.map((f) => f.address)).toEqual(['E7', 'E8', 'E7']);
  });

  test('with nothing above ExcelApi 1.1, no newer API is touched', async () => {
    const fake = new FakeExcel(unitSheetSeeds(5));
    const book = new OfficeWorkbook(fake.context, { supports: ONLY_1_1 });
    await book.listSheets();
    await book.readSheets();
    await book.readMetadata();
    const specs: SheetSpec[] = [
      ...consolidationSpecs(),
      metaSheet({ kind: 'form', templateId: 't', templateVersion: '1', period: 'p' }),
      {
        name: fake.sheets[0].name, cells: [['a', { formula: 'SUM(1,2)' }]], merges: ['A1:B1'], columnWidths: [10], rowHeights: { 0: 20 },
        validations: [{ range: 'B1', type: 'whole', min: 0, title: 't', message: 'm' }], protect: true, unlocked: ['B1'],
        freeze: { rows: 1, columns: 1 }, print: { orientation: 'landscape', fitToWidth: true }, notes: [{ cell: 'A1', text: 'n' }],
        styles: [{ range: 'A1:B2', bold: true, border: true, fill: 'FFF2CC', horizontal: 'center', wrap: true }],
      },
    ];
    await book.writeSheets(specs);
    await book.markCells([{ sheet: fake.sheets[0].name, cell: 'A1', severity: 'error', note: 'x' }]);
    expect([...fake.setsUsed()]).toEqual(['1.1']);
    expect(fake.comments).toHaveLength(0);
    expect(fake.sheets[0].merges).toEqual([]);
  });
});
