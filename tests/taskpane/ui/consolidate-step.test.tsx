/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, renderPane, section } from './render-pane';

describe('step 4: Tổng hợp', () => {
  it('offers "Không vẽ biểu đồ" and the chartable indicators', async () => {
    await renderPane();
    const select = section('consolidate').getByRole('combobox', { name: 'Biểu đồ theo chỉ tiêu' });
    await waitFor(() =>
      expect(Array.from((select as HTMLSelectElement).options, (o) => o.textContent)).toEqual([
        'Không vẽ biểu đồ',
        '07 – Hội viên kết nạp mới',
        '08 – Tổng số hội viên cuối kỳ',
      ]),
    );
    expect(select).toHaveValue('');
  });

  it('passes the chosen chart code, then shows the coverage and the sheets written', async () => {
    const { user, workspace } = await renderPane();
    const step = section('consolidate');
    await user.selectOptions(await step.findByRole('combobox', { name: 'Biểu đồ theo chỉ tiêu' }), '08 – Tổng số hội viên cuối kỳ');
    await user.click(step.getByRole('button', { name: 'Tổng hợp' }));
    expect(
      await step.findByText(
        'Đã tổng hợp 2/3 đơn vị. Chưa nhận: Điện Bàn. Đã ghi vào sổ các trang tính: Tổng hợp, Kiểm tra, Tình trạng. Đã thêm biểu đồ theo chỉ tiêu đã chọn.',
      ),
    ).toBeInTheDocument();
    expect(workspace.consolidateOptions).toEqual([{ chartCode: '08' }]);

    await user.selectOptions(step.getByRole('combobox', { name: 'Biểu đồ theo chỉ tiêu' }), 'Không vẽ biểu đồ');
    await user.click(step.getByRole('button', { name: 'Tổng hợp' }));
    await waitFor(() => expect(workspace.consolidateOptions).toEqual([{ chartCode: '08' }, { chartCode: null }]));
  });

  it('downloads the provincial workbook only after consolidating', async () => {
    const platform = new FakePlatform();
    const { user } = await renderPane(new FakeWorkspace('browser'), platform);
    const step = section('consolidate');
    const download = step.getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' });
    expectBlocked(download);
    await user.click(step.getByRole('button', { name: 'Tổng hợp' }));
    await waitFor(() => expectUsable(download));
    await user.click(download);
    await waitFor(() => expect(platform.downloads.map((d) => [d.name, d.mime])).toEqual([['tong-hop.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']]));
    expect(step.getByText('Đã tải về tong-hop.xlsx.')).toBeInTheDocument();
  });

  it('shows the progress label while consolidating and a failure in its own section', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('consolidate');
    workspace.failOn('consolidate', 'Trang tính “Tổng hợp” đang được bảo vệ: hãy bỏ bảo vệ trang tính rồi tổng hợp lại.');
    await user.click(section('consolidate').getByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByRole('progressbar', { name: 'Đang ghi trang tính: Tổng hợp (2/4)' })).toBeInTheDocument();
    release();
    expect(await section('consolidate').findByText(/đang được bảo vệ: hãy bỏ bảo vệ/)).toBeInTheDocument();
    expect(section('check').queryByText(/đang được bảo vệ/)).not.toBeInTheDocument();
    expectUsable(section('consolidate').getByRole('button', { name: 'Tổng hợp' }));
  });
});

describe('step 4 in browser mode', () => {
  it('offers no chart, which only Excel draws, and asks for none', async () => {
    const { user, workspace } = await renderPane(new FakeWorkspace('browser'), new FakePlatform());
    const step = section('consolidate');
    expect(step.queryByRole('combobox', { name: 'Biểu đồ theo chỉ tiêu' })).not.toBeInTheDocument();
    await user.click(step.getByRole('button', { name: 'Tổng hợp' }));
    await step.findByText('Đã tổng hợp 2/3 đơn vị. Chưa nhận: Điện Bàn.');
    expect(workspace.consolidateOptions).toEqual([{ chartCode: null }]);
  });
});
