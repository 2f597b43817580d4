/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { renderPane, section } from './render-pane';

describe('step 1: Mẫu & đơn vị', () => {
  it('shows the template in use, the indicator count, the period, the units and the problems', async () => {
    const { user } = await renderPane();
    const step = section('setup');
    expect(step.getByText(/Phối hợp hoạt động Hội CCB tỉnh – Bộ CHQS tỉnh \(trang tính “Mẫu chỉ tiêu” của sổ này\)/)).toBeInTheDocument();
    expect(step.getByText('24')).toBeInTheDocument();
    expect(step.getByRole('textbox', { name: 'Kỳ báo cáo' })).toHaveValue('6 tháng đầu năm 2025');
    expect(step.getByText(/thiếu cột “Nội dung”/)).toBeInTheDocument();

    const unitsHeader = step.getByRole('button', { name: 'Đơn vị: 3 (danh sách có sẵn)' });
    expect(step.queryByText('Điện Bàn')).not.toBeInTheDocument();
    await user.click(unitsHeader);
    expect(step.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Tam Kỳ', 'Hội An', 'Điện Bàn']);
  });

  it('passes every edit of the period to the workspace', async () => {
    const { user, workspace } = await renderPane();
    const input = section('setup').getByRole('textbox', { name: 'Kỳ báo cáo' });
    await user.clear(input);
    await user.type(input, 'Năm 2025');
    expect(input).toHaveValue('Năm 2025');
    expect(workspace.periods.at(-1)).toBe('Năm 2025');
  });

  it('asks before replacing a typed period with the one read again from the workbook', async () => {
    const { user, workspace } = await renderPane();
    const step = section('setup');
    const input = step.getByRole('textbox', { name: 'Kỳ báo cáo' });
    await user.clear(input);
    await user.type(input, 'Năm 2025');
    workspace.setupPeriod = '9 tháng năm 2025';

    await user.click(step.getByRole('button', { name: 'Đọc lại mẫu' }));
    expect(await step.findByText(/Sổ ghi kỳ “9 tháng năm 2025”, còn bạn đã nhập “Năm 2025”/)).toBeInTheDocument();
    expect(input).toHaveValue('Năm 2025');
    expect(workspace.periods.at(-1)).toBe('Năm 2025');

    await user.click(step.getByRole('button', { name: 'Giữ “Năm 2025”' }));
    expect(input).toHaveValue('Năm 2025');
    expect(step.queryByText(/Sổ ghi kỳ/)).not.toBeInTheDocument();

    await user.click(step.getByRole('button', { name: 'Đọc lại mẫu' }));
    await user.click(await step.findByRole('button', { name: 'Dùng “9 tháng năm 2025”' }));
    expect(input).toHaveValue('9 tháng năm 2025');
    expect(workspace.periods.at(-1)).toBe('9 tháng năm 2025');
  });

  it('takes a new period from the workbook silently when the user typed nothing', async () => {
    const { user, workspace } = await renderPane();
    const step = section('setup');
    workspace.setupPeriod = 'Năm 2025';
    await user.click(step.getByRole('button', { name: 'Đọc lại mẫu' }));
    await waitFor(() => expect(step.getByRole('textbox', { name: 'Kỳ báo cáo' })).toHaveValue('Năm 2025'));
    expect(step.queryByText(/Sổ ghi kỳ/)).not.toBeInTheDocument();
  });

  it('inserts the template sheets in Excel, says which existed, and reads the setup again', async () => {
    const { user, workspace } = await renderPane();
    const step = section('setup');
    await user.click(step.getByRole('button', { name: 'Chèn mẫu vào sổ' }));
    expect(await step.findByText('Đã chèn các trang tính: Mẫu chỉ tiêu, Mẫu báo cáo. Đã có sẵn nên giữ nguyên: Đơn vị.')).toBeInTheDocument();
    await waitFor(() => expect(workspace.calls.filter((c) => c === 'loadSetup')).toHaveLength(2));
  });

  it('saves the template workbook in browser mode, named as a download, and says an edited one works only in Excel', async () => {
    const platform = new FakePlatform();
    const { user } = await renderPane(new FakeWorkspace('browser'), platform);
    const step = section('setup');
    expect(step.queryByRole('button', { name: 'Chèn mẫu vào sổ' })).not.toBeInTheDocument();
    expect(step.getByText(/Mẫu sửa chỉ có tác dụng khi chạy trong Excel: mở sổ bằng Excel, chèn mẫu vào sổ bằng phần bổ trợ này/)).toBeInTheDocument();
    await user.click(step.getByRole('button', { name: 'Tải mẫu chỉ tiêu (.xlsx)' }));
    await waitFor(() => expect(platform.downloads.map((d) => d.name)).toEqual(['mau-tong-hop.xlsx']));
    expect(await step.findByText(/^Đã tải về mau-tong-hop\.xlsx\. .*chỉ có tác dụng khi chạy trong Excel/)).toBeInTheDocument();
  });

  it('keeps "Chèn mẫu vào sổ" inside Excel, without the browser note', async () => {
    await renderPane(new FakeWorkspace('excel'));
    const step = section('setup');
    expect(step.getByRole('button', { name: 'Chèn mẫu vào sổ' })).toBeInTheDocument();
    expect(step.queryByRole('button', { name: 'Tải mẫu chỉ tiêu (.xlsx)' })).not.toBeInTheDocument();
    expect(step.queryByText(/Ở chế độ trình duyệt/)).not.toBeInTheDocument();
  });

  it('saves the zip of blank forms and shows the progress label while they are made', async () => {
    const workspace = new FakeWorkspace();
    const platform = new FakePlatform();
    const { user } = await renderPane(workspace, platform);
    const release = workspace.hold('blankForms');
    await user.click(section('setup').getByRole('button', { name: 'Tạo biểu mẫu gửi đơn vị' }));
    expect(await screen.findByRole('progressbar', { name: 'Đang tạo biểu: Hội An (1/3)' })).toBeInTheDocument();
    release();
    await waitFor(() => expect(platform.downloads.map((d) => d.name)).toEqual(['bieu-mau-6-thang-2025.zip']));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows why the setup could not be read', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('loadSetup', 'Không đọc được trang tính “Đơn vị”: hãy kiểm tra lại rồi bấm “Đọc lại mẫu”.');
    const { user } = await renderPane(workspace, new FakePlatform(), { waitForSetup: false });
    expect(await section('setup').findByText(/Không đọc được trang tính “Đơn vị”/)).toBeInTheDocument();
    workspace.succeedOn('loadSetup');
    await user.click(section('setup').getByRole('button', { name: 'Đọc lại mẫu' }));
    expect(await screen.findByRole('textbox', { name: 'Kỳ báo cáo' })).toHaveValue('6 tháng đầu năm 2025');
  });
});
