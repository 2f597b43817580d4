/** Highlights keep what is not ours: the clerk's comments, and each cell's own fill. */
import { cellKey } from '../../src/workbook/office/addresses';
import { queueCommentPlaces, queueHighlights, type PlacedMark } from '../../src/workbook/office/cell-highlights';
import type { CellMark } from '../../src/core/validate/cell-marks';
import { FakeExcel } from './support/fake-excel';

const SHEET = 'Quế Sơn';
const mark = (cell: string, note: string): CellMark => ({ sheet: SHEET, cell, severity: 'error', note });

/** One check as the workspace runs it: comments and fills read (the check reads fills with the unit sheets), then the change; 3 syncs. */
async function check(fake: FakeExcel, previous: readonly PlacedMark[], next: readonly CellMark[]): Promise<PlacedMark[]> {
  const context = fake.context;
  const comments = context.workbook.comments;
  comments.load('items/content');
  await context.sync();
  const sheetOf = (n: string) => fake.findSheet(n) as never;
  const places = queueCommentPlaces(comments.items, true);
  await context.sync();
  const fills = new Map([...fake.sheet(SHEET).cellFills].map(([cell, color]) => [cellKey(SHEET, cell), color]));
  const placed = queueHighlights(context, { sheetOf, previous, next, comments: places(), fills });
  await context.sync();
  return placed;
}

const live = (fake: FakeExcel) => fake.comments.filter((c) => !c.deleted).map((c) => `${c.address}=${c.text}`).sort();

describe('queueHighlights', () => {
  test('a note of ours is replaced; the clerk\'s comment stays and that cell gets the fill only', async () => {
    const fake = new FakeExcel([{ name: SHEET, values: [['x']] }]);
    const first = await check(fake, [], [mark('E7', 'old'), mark('E8', 'w')]);
    fake.comments.push({ address: `'${SHEET}'!E9`, text: 'ghi chú của văn thư', deleted: false });
    fake.comments.find((c) => c.text === 'w')!.text = 'đã sửa bởi văn thư'; // the clerk rewrote our note
    const second = await check(fake, first, [mark('E7', 'new'), mark('E8', 'w2'), mark('E9', 'e9')]);
    expect(live(fake)).toEqual([`'${SHEET}'!E7=new`, `'${SHEET}'!E8=đã sửa bởi văn thư`, `'${SHEET}'!E9=ghi chú của văn thư`]);
    expect(fake.sheet(SHEET).cellFills.get('E9')).toBe('#F8CBAD');
    expect(second.map((m) => m.note)).toEqual(['new', '', '']);
  });

  test('a corrected cell gets its own fill back; a cell without one is cleared', async () => {
    const fake = new FakeExcel([{ name: SHEET, values: [['x']], fills: { E7: '#DDEBF7' } }]);
    const first = await check(fake, [], [mark('E7', 'a'), mark('E8', 'b')]);
    expect(first.map((m) => m.fill)).toEqual(['#DDEBF7', null]);
    expect(fake.sheet(SHEET).cellFills.get('E7')).toBe('#F8CBAD');
    // Still wrong: marked again, the saved fill carries over (not the mark's colour).
    const second = await check(fake, first, [mark('E7', 'a')]);
    expect(second[0].fill).toBe('#DDEBF7');
    expect(fake.sheet(SHEET).cellFills.has('E8')).toBe(false);
    // Corrected.
    await check(fake, second, []);
    expect(fake.sheet(SHEET).cellFills.get('E7')).toBe('#DDEBF7');
    expect(fake.syncs).toBe(9); // 3 per check, whatever the number of cells
  });
});
