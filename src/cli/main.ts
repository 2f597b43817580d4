/** `tonghop`: the whole job headless, on .xlsx files. */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { fileFailureMessage } from '../core/form/file-kind';
import { buildForm } from '../core/form/form-writer';
import { exitCodeFor, jsonReport, runJob, type JobResult } from '../core/job';
import type { Template } from '../core/template/model';
import { setupSheetSpecs } from '../core/setup-sheets';
import { templateToJson } from '../core/template/load-json';
import { foldKey } from '../core/text/normalize';
import { matchUnit } from '../core/units/unit-list';
import { writeAnnotatedCopies } from './annotate';
import { assertNotInputs, CliError, expandInputs, openReturn, writeFileSafely } from './files';
import { loadPrevious, loadTemplate, loadUnits } from './job-inputs';
import { formatFindings } from './print-findings';
import { draftReportFiles, loadReportTemplate, settingsFromFlags, type ReportFlags } from './report-files';

interface JobFlags {
  units?: string;
  template?: string;
  period?: string;
  previous?: string;
  includeErrors?: boolean;
  json?: boolean;
  verbose?: boolean;
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const commonOptions = (cmd: Command): Command =>
  cmd
    .option('--units <tệp>', 'danh sách đơn vị: tệp văn bản mỗi dòng một tên (UTF-8), hoặc .xlsx có trang "Đơn vị" (unit list)')
    .option('--template <tệp>', 'mẫu chỉ tiêu: .json hoặc .xlsx có trang "Mẫu chỉ tiêu" (indicator template)')
    .option('--period <kỳ>', 'kỳ báo cáo, ví dụ "6 tháng đầu năm 2024" (reporting period)');

const reportOptions = (cmd: Command): Command =>
  cmd
    .option('--report-template <tệp>', 'mẫu báo cáo: .json hoặc .xlsx có trang "Mẫu báo cáo" (report template)')
    .option('--number <số>', 'số, ký hiệu văn bản, ví dụ "15/BC-CCB" (document number)')
    .option('--date <ngày>', 'ngày ban hành, dạng 2024-07-05 (issue date)')
    .option('--place <địa danh>', 'địa danh ở dòng ngày tháng, ví dụ "Quảng Nam" (place)')
    .option('--governing-body <tên>', 'cơ quan chủ quản (governing body)')
    .option('--issuing-body <tên>', 'cơ quan ban hành (issuing body)')
    .option('--signer-authority <chữ>', 'thẩm quyền ký, ví dụ "TM. BAN THƯỜNG VỤ" (signing authority)')
    .option('--signer-title <chức vụ>', 'chức vụ người ký, ví dụ "CHỦ TỊCH" (signer title)')
    .option('--signer <họ tên>', 'họ tên người ký (signer name)')
    .option('--recipient <dòng...>', 'các dòng "Nơi nhận", mỗi dòng một tham số (recipients)');

async function checkFiles(args: string[], flags: JobFlags, io: Io, loaded?: Template): Promise<{ result: JobResult; files: string[] }> {
  const template = loaded ?? (await loadTemplate(flags.template));
  const units = await loadUnits(flags.units);
  const files = await expandInputs(args);
  const previous = await loadPrevious(flags.previous, template, units);
  const showProgress = !!process.stderr.isTTY && !flags.json;
  const inputs = [];
  for (const [i, file] of files.entries()) {
    if (showProgress) process.stderr.write(`\rĐang đọc ${i + 1}/${files.length}: ${path.basename(file)}`.padEnd(70));
    inputs.push(await openReturn(file));
  }
  if (showProgress) process.stderr.write('\n');
  const failures = inputs.filter((i) => 'failure' in i);
  if (failures.length === inputs.length) {
    const reasons = failures.map((i) => `  - ${i.file}: ${fileFailureMessage(i.failure, i.detail)}`).join('\n');
    io.err(`Không đọc được tệp biểu nào:\n${reasons}`);
  }
  const result = runJob(template, inputs, {
    units, period: flags.period ?? null, previous, includeErrors: flags.includeErrors,
  });
  return { result, files };
}

function nothingReadable(result: JobResult): boolean {
  return result.validation.returns.every((r) => !r.reading?.sheet);
}

function report(result: JobResult, flags: JobFlags, io: Io): void {
  if (flags.json) io.out(JSON.stringify(jsonReport(result), null, 2));
  else io.out(formatFindings(result, !!flags.verbose));
}

// ExcelJS is a third of the CLI's start-up: only the commands that write a workbook load it.
async function excelJs() {
  return (await import('../workbook/exceljs-workbook')).ExcelJsWorkbook;
}

async function consolidationBytes(result: JobResult): Promise<Uint8Array> {
  return (await import('../workbook/consolidation-file')).consolidationFileBytes(result);
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng (Usage):',
  'Options:': 'Tùy chọn (Options):',
  'Commands:': 'Lệnh (Commands):',
  'Arguments:': 'Tham số (Arguments):',
  'Global Options:': 'Tùy chọn chung (Global Options):',
};

function slug(name: string): string {
  return foldKey(name).replace(/ /g, '-') || 'don-vi';
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('tonghop')
    .description('Tổng hợp báo cáo: kiểm tra, tổng hợp biểu chỉ tiêu của các đơn vị và soạn báo cáo (validate, consolidate and report).')
    .helpOption('-h, --help', 'hiện hướng dẫn (show help)')
    .helpCommand(false)
    .exitOverride()
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(`Sai cách dùng lệnh (usage error): ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(Xem thêm: tonghop --help)');

  program.command('template')
    .description('Ghi mẫu chỉ tiêu, mẫu báo cáo và danh sách đơn vị ra tệp để cán bộ sửa trong Excel (write the templates and the unit list to .xlsx, or the indicator template to .json)')
    .requiredOption('--out <tệp>', 'tệp kết quả .xlsx hoặc .json (output file)')
    .option('--template <tệp>', 'mẫu nguồn, mặc định là mẫu có sẵn (source template)')
    .option('--report-template <tệp>', 'mẫu báo cáo nguồn (source report template)')
    .option('--units <tệp>', 'danh sách đơn vị nguồn, mặc định là danh sách có sẵn (source unit list)')
    .action(async (flags: { out: string; units?: string } & ReportFlags) => {
      const template = await loadTemplate(flags.template);
      if (/\.json$/i.test(flags.out)) {
        await writeFileSafely(flags.out, JSON.stringify(templateToJson(template), null, 2) + '\n', []);
      } else {
        const wb = (await excelJs()).create();
        await wb.writeSheets(setupSheetSpecs(template, await loadReportTemplate(flags, template), await loadUnits(flags.units)));
        await writeFileSafely(flags.out, await wb.toBytes(), []);
      }
      io.out(`Đã ghi mẫu "${template.name}" vào ${flags.out}.`);
      setExit(0);
    });

  commonOptions(program.command('form'))
    .description('Tạo biểu mẫu trống gửi các đơn vị, mỗi đơn vị một tệp (write one blank form per unit)')
    .requiredOption('--out-dir <thư mục>', 'thư mục ghi biểu (output folder)')
    .option('--unit <tên...>', 'chỉ tạo cho các đơn vị này (only these units)')
    .action(async (flags: JobFlags & { outDir: string; unit?: string[] }) => {
      if (!flags.period) throw new CliError('Cần ghi kỳ báo cáo: --period "6 tháng đầu năm 2024".');
      const template = await loadTemplate(flags.template);
      const units = await loadUnits(flags.units);
      const chosen = flags.unit
        ? flags.unit.map((u) => matchUnit(u, units) ?? (() => { throw new CliError(`Đơn vị "${u}" không có trong danh sách.`); })())
        : units;
      for (const unit of chosen) {
        const wb = (await excelJs()).create();
        await wb.writeSheets(buildForm(template, { unit, period: flags.period }));
        await writeFileSafely(path.join(flags.outDir, `bieu-${slug(unit)}.xlsx`), await wb.toBytes(), []);
      }
      io.out(`Đã tạo ${chosen.length} biểu mẫu kỳ "${flags.period}" trong ${flags.outDir}.`);
      setExit(0);
    });

  commonOptions(program.command('validate'))
    .description('Kiểm tra các biểu đã nhận (validate returned forms)')
    .argument('<tệp...>', 'các tệp .xlsx hoặc thư mục chứa chúng (files or folders)')
    .option('--json', 'in kết quả dạng JSON (print one JSON object)')
    .option('--previous <tệp>', 'bảng tổng hợp kỳ trước, để so sánh biến động (previous consolidated workbook)')
    .option('--annotate <thư mục>', 'ghi bản sao biểu có đánh dấu ô sai vào thư mục này (write marked-up copies)')
    .option('--verbose', 'in cả thông tin (also print info findings)')
    .action(async (args: string[], flags: JobFlags & { annotate?: string }) => {
      const { result, files } = await checkFiles(args, flags, io);
      if (flags.annotate) {
        const written = await writeAnnotatedCopies(result.validation.returns, flags.annotate, files);
        if (!flags.json) io.err(`Đã ghi ${written.length} bản sao có đánh dấu vào ${flags.annotate}.`);
      }
      report(result, flags, io);
      setExit(nothingReadable(result) ? 2 : exitCodeFor(result));
    });

  commonOptions(program.command('consolidate'))
    .description('Tổng hợp các biểu thành bảng toàn tỉnh (consolidate returns into the provincial workbook)')
    .argument('<tệp...>', 'các tệp .xlsx hoặc thư mục (files or folders)')
    .requiredOption('--out <tệp>', 'tệp tổng hợp .xlsx (output workbook)')
    .option('--previous <tệp>', 'bảng tổng hợp kỳ trước (previous consolidated workbook)')
    .option('--include-errors', 'tính cả đơn vị có lỗi vào tổng (include units with errors)')
    .option('--json', 'in kết quả kiểm tra dạng JSON (print the validate JSON)')
    .action(async (args: string[], flags: JobFlags & { out: string }) => {
      const { result, files } = await checkFiles(args, flags, io);
      if (!nothingReadable(result)) await writeFileSafely(flags.out, await consolidationBytes(result), files);
      report(result, flags, io);
      setExit(nothingReadable(result) ? 2 : exitCodeFor(result));
    });

  reportOptions(commonOptions(program.command('run')))
    .description('Làm trọn việc: kiểm tra, tổng hợp và soạn báo cáo (validate, consolidate and draft the report)')
    .argument('<tệp...>', 'các tệp .xlsx hoặc thư mục (files or folders)')
    .requiredOption('--out-dir <thư mục>', 'thư mục kết quả: kiem-tra.json, tong-hop.xlsx, bao-cao.docx/.html/.txt (output folder)')
    .option('--previous <tệp>', 'bảng tổng hợp kỳ trước (previous consolidated workbook)')
    .option('--include-errors', 'tính cả đơn vị có lỗi vào tổng (include units with errors)')
    .addOption(new Option('--json', 'in kết quả kiểm tra dạng JSON (print the validate JSON)'))
    .action(async (args: string[], flags: JobFlags & ReportFlags & { outDir: string }) => {
      const template = await loadTemplate(flags.template);
      const reportTemplate = await loadReportTemplate(flags, template);
      const settings = settingsFromFlags(flags);
      const { result, files } = await checkFiles(args, flags, io, template);
      if (!nothingReadable(result)) {
        const dir = flags.outDir;
        const names = ['kiem-tra.json', 'tong-hop.xlsx', 'bao-cao.docx', 'bao-cao.html', 'bao-cao.txt'];
        const [json, xlsx, docx, html, text] = names.map((n) => path.join(dir, n));
        assertNotInputs([json, xlsx, docx, html, text], files);
        const drafts = await draftReportFiles(result, reportTemplate, settings);
        await writeFileSafely(json, JSON.stringify(jsonReport(result), null, 2) + '\n', files);
        await writeFileSafely(xlsx, await consolidationBytes(result), files);
        await writeFileSafely(docx, drafts.docx, files);
        await writeFileSafely(html, drafts.html, files);
        await writeFileSafely(text, drafts.text, files);
        if (!flags.json) io.err(`Đã ghi vào ${dir}: ${names.join(', ')}.`);
      }
      report(result, flags, io);
      setExit(nothingReadable(result) ? 2 : exitCodeFor(result));
    });
  return program;
}

/** Runs the CLI and resolves to the exit code (0 no errors, 1 errors found, 2 bad usage or nothing readable). */
export async function main(argv: string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof CliError) {
      io.err(`Lỗi: ${e.message}`);
      return e.exitCode;
    }
    io.err(`Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}`);
    return 2;
  }
}
