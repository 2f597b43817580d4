/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, findSection, renderPane, section } from './render-pane';

const ONE_CLICK = 'Kiểm tra, tổng hợp và soạn báo cáo';
const DONE = 'Đã kiểm tra, tổng hợp và soạn xong báo cáo: xem kết quả ở các mục 3–5.';

type Pane = Awaited<ReturnType<typeof renderPane>>;

async function pick(user: Pane['user'], names: string[]) {
  await user.upload(screen.getByTestId('import-files'), names.map((n) => new File(['PK'], n)));
}

/** Runs check → consolidate → report and downloads the provincial workbook once, so every result is on screen. */
async function runEverything({ user }: Pane) {
  await user.click(screen.getByRole('button', { name: ONE_CLICK }));
  await screen.findByText(DONE);
  await user.click(section('consolidate').getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' }));
  await section('consolidate').findByText('Đã tải về tong-hop.xlsx.');
  expect(section('check').getByRole('table')).toBeInTheDocument();
  expectUsable(section('report').getByRole('button', { name: 'Tải báo cáo (.docx)' }));
}

/** Steps 3–5 show nothing of an earlier run, and nothing made from it can be saved or copied. */
function expectResultsGone() {
  expect(screen.queryByText(DONE)).not.toBeInTheDocument();
  expect(section('check').queryByRole('table')).not.toBeInTheDocument();
  expect(section('check').queryByText(/Có 1 lỗi, 1 cảnh báo/)).not.toBeInTheDocument();
  expect(section('consolidate').queryByText(/Đã ghi vào sổ các trang tính/)).not.toBeInTheDocument();
  expect(section('consolidate').queryByText('Đã tải về tong-hop.xlsx.')).not.toBeInTheDocument();
  expect(section('report').queryByRole('region', { name: 'Xem trước báo cáo' })).not.toBeInTheDocument();
  expectBlocked(section('consolidate').getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' }));
  expectBlocked(section('report').getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  expectBlocked(section('report').getByRole('button', { name: 'Sao chép' }));
}

function expectResultsKept() {
  expect(screen.getByText(DONE)).toBeInTheDocument();
  expect(section('check').getByRole('table')).toBeInTheDocument();
  expect(section('consolidate').getByText(/Đã ghi vào sổ các trang tính/)).toBeInTheDocument();
  expect(section('report').getByRole('region', { name: 'Xem trước báo cáo' })).toBeInTheDocument();
  expectUsable(section('report').getByRole('button', { name: 'Tải báo cáo (.docx)' }));
}

describe('results made before the returns or the period changed', () => {
  it('are cleared once an import brought in at least one return', async () => {
    const pane = await renderPane();
    await runEverything(pane);
    await pick(pane.user, ['hoi-an.xlsx']);
    await section('import').findByText('Đã nhập 1 biểu: Hội An.');
    expectResultsGone();
    expectUsable(screen.getByRole('button', { name: ONE_CLICK }));
  });

  it('come back with the next run', async () => {
    const pane = await renderPane();
    await runEverything(pane);
    await pick(pane.user, ['hoi-an.xlsx']);
    await section('import').findByText('Đã nhập 1 biểu: Hội An.');
    await pane.user.click(screen.getByRole('button', { name: ONE_CLICK }));
    await screen.findByText(DONE);
    expectResultsKept();
  });

  it('stay when the import brought in nothing (only unreadable files)', async () => {
    const pane = await renderPane();
    await runEverything(pane);
    await pick(pane.user, ['ghi-chu.txt']);
    await section('import').findByText('Chưa nhập được biểu nào.');
    expectResultsKept();
  });

  it('stay when the user keeps every existing return', async () => {
    const workspace = new FakeWorkspace();
    workspace.existingUnits.add('Tam Kỳ');
    const pane = await renderPane(workspace, new FakePlatform());
    await runEverything(pane);
    await pick(pane.user, ['tam-ky.xlsx']);
    await pane.user.click(await screen.findByRole('button', { name: 'Giữ nguyên' }));
    await (await findSection('import')).findByText('Chưa nhập được biểu nào.');
    expectResultsKept();
  });

  it('are cleared when the period is edited', async () => {
    const pane = await renderPane();
    await runEverything(pane);
    await pane.user.type(section('setup').getByRole('textbox', { name: 'Kỳ báo cáo' }), ' (sửa)');
    expect(pane.workspace.periods.at(-1)).toBe('6 tháng đầu năm 2025 (sửa)');
    expectResultsGone();
  });

  it('stay when the edit leaves the period the same once trimmed (the workspace keeps them too)', async () => {
    const pane = await renderPane();
    await runEverything(pane);
    await pane.user.type(section('setup').getByRole('textbox', { name: 'Kỳ báo cáo' }), '  ');
    expect(pane.workspace.periods.at(-1)).toBe('6 tháng đầu năm 2025');
    expectResultsKept();
  });

  it('are cleared when the user takes the period read from the workbook instead of the typed one', async () => {
    const pane = await renderPane();
    const step = section('setup');
    const input = step.getByRole('textbox', { name: 'Kỳ báo cáo' });
    await pane.user.clear(input);
    await pane.user.type(input, 'Năm 2025');
    await runEverything(pane);
    pane.workspace.setupPeriod = '9 tháng năm 2025';
    await pane.user.click(step.getByRole('button', { name: 'Đọc lại mẫu' }));
    await waitFor(() => expectUsable(step.getByRole('button', { name: 'Đọc lại mẫu' })));
    // Reading the setup again while the typed period stays in use changes nothing.
    expectResultsKept();
    await pane.user.click(await step.findByRole('button', { name: 'Dùng “9 tháng năm 2025”' }));
    expect(pane.workspace.periods.at(-1)).toBe('9 tháng năm 2025');
    expectResultsGone();
  });
});

describe('the period while a step runs', () => {
  it('cannot be edited, and can again once the step is over', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('check');
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    await screen.findByRole('progressbar');
    const input = section('setup').getByRole('textbox', { name: 'Kỳ báo cáo' });
    expect(input).toBeDisabled();
    await user.type(input, 'x');
    expect(workspace.periods).toEqual([]);
    release();
    await section('check').findByRole('table');
    expect(input).toBeEnabled();
  });
});
