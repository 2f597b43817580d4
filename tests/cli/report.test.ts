/** `tonghop run` drafts the report: the .docx, HTML and text say the same, with the sample's figures. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Document } from '@xmldom/xmldom';
import { readDocx, wEls } from '../render/docx-reader';
import { PREVIOUS_FILE, removeTempDirs, runCli, SAMPLE_DIR, sampleFiles, tempDir } from './cli-support';

afterAll(removeTempDirs);

function paragraphTexts(doc: Document): string[] {
  return wEls(doc, 'p').map((p) => wEls(p, 't').map((t) => t.textContent ?? '').join('')).filter((t) => t.trim());
}

const PHRASES = [
  '02 cuộc giám sát', '727 tập thể', '1.507 cá nhân', '297 hội viên', '37.090 hội viên', 'giảm 106 hội viên',
  '2.554 thanh niên', '124 con', '253/1.557', '13 nhà tạm', 'Nam Giang: 10', 'Nam Trà My: 01', 'Hiệp Đức: 02',
  '6.776 hội viên', '46.326 triệu đồng', '2,30 triệu đồng/hộ', 'tăng 3.262 triệu đồng', '21.040 cây',
  '4.801 ngày công', '898,3 triệu đồng', '30,3 km', '42,3 km', '157 đơn vị máu', '17 nhà tình nghĩa',
  '882,8 triệu đồng', '7.514 suất quà', '8 hài cốt',
];

describe('tonghop run: the report', () => {
  it('writes the draft as .docx, .html and .txt with every figure of the sample and the settings given', async () => {
    const out = await tempDir('report');
    const r = await runCli(['run', SAMPLE_DIR, '--previous', PREVIOUS_FILE, '--out-dir', out,
      '--number', '15/BC-CCB', '--date', '2024-07-05', '--signer', 'Nguyễn Văn An']);
    expect(r.code).toBe(0);
    const docx = await readDocx(new Uint8Array(await fs.readFile(path.join(out, 'bao-cao.docx'))));
    const paragraphs = paragraphTexts(docx.document);
    const body = paragraphs.join('\n');
    for (const phrase of PHRASES) expect(body).toContain(phrase);
    expect(body).toContain('Số: 15/BC-CCB');
    expect(body).toContain('Quảng Nam, ngày 05 tháng 7 năm 2024');
    expect(body).toContain('Nguyễn Văn An');
    expect(body).not.toContain('chưa báo cáo');

    const text = await fs.readFile(path.join(out, 'bao-cao.txt'), 'utf8');
    const html = await fs.readFile(path.join(out, 'bao-cao.html'), 'utf8');
    for (const phrase of ['37.090 hội viên', 'giảm 106 hội viên', '898,3 triệu đồng']) {
      expect(text).toContain(phrase);
      expect(html).toContain(phrase);
    }
  });

  it('says which units are missing when the total is partial', async () => {
    const out = await tempDir('report-partial');
    const files = sampleFiles().filter((f) => !f.endsWith('tay-giang.xlsx'));
    const r = await runCli(['run', ...files, '--out-dir', out]);
    expect(r.code).toBe(0);
    const text = await fs.readFile(path.join(out, 'bao-cao.txt'), 'utf8');
    expect(text).toMatch(/17\/18 đơn vị; chưa báo cáo: Tây Giang/);
  });

  it('refuses a malformed date and a broken report template before reading the returns', async () => {
    const out = await tempDir('report-bad');
    const bad = await runCli(['run', SAMPLE_DIR, '--out-dir', out, '--date', '5/7/2024']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('2024-07-05');
    const tpl = path.join(out, 'mau-bao-cao.json');
    await fs.writeFile(tpl, JSON.stringify({ id: 'x' }));
    const broken = await runCli(['run', SAMPLE_DIR, '--out-dir', out, '--report-template', tpl]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('Mẫu báo cáo');
    expect(await fs.readdir(out)).toEqual(['mau-bao-cao.json']);
  });

  it('uses a "Mẫu báo cáo" sheet edited in the template workbook', async () => {
    const dir = await tempDir('report-sheet');
    const book = path.join(dir, 'mau.xlsx');
    expect((await runCli(['template', '--out', book])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet('Mẫu báo cáo')!;
    let edited = false;
    ws.eachRow((row) => {
      const v = row.getCell(2).value;
      if (!edited && typeof v === 'string' && v.includes('{07}')) {
        row.getCell(2).value = 'Câu do cán bộ viết lại: kết nạp {07} hội viên mới.';
        edited = true;
      }
    });
    expect(edited).toBe(true);
    await wb.xlsx.writeFile(book);
    const out = path.join(dir, 'out');
    const r = await runCli(['run', SAMPLE_DIR, '--template', book, '--out-dir', out]);
    expect(r.code).toBe(0);
    const text = await fs.readFile(path.join(out, 'bao-cao.txt'), 'utf8');
    expect(text).toContain('Câu do cán bộ viết lại: kết nạp 297 hội viên mới.');
  });
});
