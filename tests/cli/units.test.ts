/** `--units FILE`: the unit list drives which returns count, what is missing, and the columns. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultUnits } from '../../src/core/units/unit-list';
import {
  parseWholeJson, readWorkbook, removeTempDirs, runCli, sampleFile, sampleFiles, tempDir, totalsSheet,
  type JsonReport,
} from './cli-support';

afterAll(removeTempDirs);

async function unitFile(lines: string[]): Promise<string> {
  const file = path.join(await tempDir('units'), 'don-vi.txt');
  await fs.writeFile(file, lines.join('\n') + '\n', 'utf8');
  return file;
}

describe('--units with a 3-unit list', () => {
  const THREE = ['Tam Kỳ', 'Hội An', 'Điện Bàn'];
  let report: JsonReport;
  let code: number;
  let files: string[];

  beforeAll(async () => {
    // Every sample return except Hội An's: two listed units sent theirs, one did not.
    files = sampleFiles().filter((f) => path.basename(f) !== 'hoi-an.xlsx');
    const run = await runCli(['validate', '--json', '--units', await unitFile(THREE), ...files]);
    code = run.code;
    report = parseWholeJson<JsonReport>(run.out);
  });

  it('makes each of the 15 unlisted returns a unit-unknown error (exit 1)', () => {
    expect(code).toBe(1);
    const unknown = report.issues.filter((i) => i.rule === 'unit-unknown');
    expect(unknown).toHaveLength(15);
    expect(unknown.every((i) => i.severity === 'error' && i.unit === null)).toBe(true);
    const unlisted = defaultUnits().filter((u) => !THREE.includes(u));
    for (const u of unlisted) expect(unknown.some((i) => i.message.includes(`"Hội CCB ${u}"`) || i.message.includes(`"${u}"`))).toBe(true);
    expect(report.issues.filter((i) => i.severity === 'error' && i.rule !== 'unit-unknown')).toEqual([]);
  });

  it('matches the two listed returns to their units, and lists Hội An as missing', () => {
    const known = report.units.filter((u) => u.unit !== null);
    expect(known.map((u) => u.unit).sort()).toEqual(['Tam Kỳ', 'Điện Bàn'].sort());
    expect(known.every((u) => u.status === 'ok')).toBe(true);
    expect(report.missingUnits).toEqual(['Hội An']);
    expect(report.units).toHaveLength(files.length);
  });

  it('consolidates into 3 unit columns, in list order', async () => {
    const out = path.join(await tempDir('units-out'), 'tong-hop.xlsx');
    const run = await runCli(['consolidate', '--units', await unitFile(THREE), sampleFile('tam-ky.xlsx'),
      sampleFile('hoi-an.xlsx'), sampleFile('dien-ban.xlsx'), '--out', out]);
    expect(run.code).toBe(0);
    const totals = totalsSheet(await readWorkbook(out));
    expect(totals.header).toEqual(['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Tổng cộng', ...THREE, 'Ghi chú']);
    const row = totals.rows['08'];
    expect(row.total).toBe(THREE.reduce((s, u) => s + Number(row.byHeader[u]), 0));
  });

  it('reads a list with a BOM, CRLF line ends, comments and blank lines', async () => {
    const file = path.join(await tempDir('units'), 'don-vi-crlf.txt');
    await fs.writeFile(file, '\uFEFF# Danh sách thử\r\nTam Kỳ\r\n\r\nHội An\r\nĐiện Bàn\r\n', 'utf8');
    const run = await runCli(['validate', '--json', '--units', file, sampleFile('hoi-an.xlsx')]);
    const r = parseWholeJson<JsonReport>(run.out);
    expect(r.units[0].unit).toBe('Hội An');
    expect(r.missingUnits).toEqual(['Tam Kỳ', 'Điện Bàn']);
  });

  it('exits 2 with a Vietnamese message when the list file is missing', async () => {
    const run = await runCli(['validate', '--units', path.join(await tempDir('units'), 'khong-co.txt'), sampleFile('hoi-an.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('danh sách đơn vị');
  });
});

describe('--units with 100 names (nothing assumes 18)', () => {
  const HUNDRED = [...defaultUnits(), ...Array.from({ length: 82 }, (_, i) => `Đơn vị thử nghiệm số ${i + 19}`)];
  let outDir: string;
  let code: number;

  beforeAll(async () => {
    expect(new Set(HUNDRED).size).toBe(100);
    outDir = path.join(await tempDir('units-100'), 'ket-qua');
    const run = await runCli(['run', '--units', await unitFile(HUNDRED), ...sampleFiles(), '--out-dir', outDir]);
    code = run.code;
  });

  it('runs clean and lists the 82 units with no return as missing', async () => {
    expect(code).toBe(0);
    const report = parseWholeJson<JsonReport>(await fs.readFile(path.join(outDir, 'kiem-tra.json'), 'utf8'));
    expect(report.missingUnits).toEqual(HUNDRED.slice(18));
    expect(report.units.every((u) => u.status === 'ok')).toBe(true);
  });

  it('writes 100 unit columns whose SUM covers all of them', async () => {
    const wb = await readWorkbook(path.join(outDir, 'tong-hop.xlsx'));
    const totals = totalsSheet(wb);
    expect(totals.header).toEqual(['TT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Tổng cộng', ...HUNDRED, 'Ghi chú']);
    const row = totals.rows['08'];
    expect(row.total).toBe(37090);
    // Columns E..: "Tổng cộng" is column 5, the units are columns 6..105 (F..DA).
    expect(row.totalFormula).toBe(`SUM(F${row.row}:DA${row.row})`);
    expect(row.byHeader[HUNDRED[99]]).toBeNull();
    const roster = wb.getWorksheet('Tình trạng')!;
    let listed = 0;
    roster.eachRow((r) => {
      if (HUNDRED.includes(String(r.getCell(2).value))) listed++;
    });
    expect(listed).toBe(100);
  });
});

describe('the unit list as an Excel sheet ("Đơn vị")', () => {
  it('is written by `tonghop template` and, once edited in Excel, read back by --units', async () => {
    const dir = await tempDir('unit-sheet');
    const book = path.join(dir, 'mau.xlsx');
    const written = await runCli(['template', '--out', book, '--units', await unitFile(['Tam Kỳ', 'Hội An', 'Điện Bàn'])]);
    expect(written.code).toBe(0);
    const wb = await readWorkbook(book);
    const sheet = wb.getWorksheet('Đơn vị')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'STT', 'Đơn vị']);
    expect(sheet.getCell('B4').value).toBe('Điện Bàn');
    // A clerk drops Điện Bàn and adds Quế Sơn.
    sheet.getCell('B4').value = 'Quế Sơn';
    await wb.xlsx.writeFile(book);

    const run = await runCli(['validate', '--json', '--units', book, sampleFile('que-son.xlsx'), sampleFile('tam-ky.xlsx')]);
    const report = parseWholeJson<JsonReport>(run.out);
    expect(report.units.map((u) => u.unit).sort()).toEqual(['Quế Sơn', 'Tam Kỳ']);
    expect(report.missingUnits).toEqual(['Hội An']);
  });

  it('says which sheet is missing', async () => {
    const run = await runCli(['validate', '--units', sampleFile('que-son.xlsx'), sampleFile('que-son.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('không có trang "Đơn vị"');
  });
});
