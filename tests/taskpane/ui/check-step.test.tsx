/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, renderPane, section } from './render-pane';

describe('step 3: Kiểm tra', () => {
  it('shows the roster: unit, received or not, errors and warnings', async () => {
    const { user } = await renderPane();
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    const table = await section('check').findByRole('table', { name: 'Tình trạng nhận biểu của các đơn vị' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['Đơn vị', 'Tình trạng', 'Lỗi', 'Cảnh báo'],
      ['Tam Kỳ', 'Đã nhận', '1', '1'],
      ['Hội An', 'Đã nhận', '0', '0'],
      ['Điện Bàn', 'Chưa nhận', '0', '0'],
    ]);
    expect(section('check').getByText('Đã tổng hợp 2/3 đơn vị. Chưa nhận: Điện Bàn. Có 1 lỗi, 1 cảnh báo.')).toBeInTheDocument();
  });

  it('groups the findings by unit, each with severity, Mã số and indicator, cell and message', async () => {
    const { user } = await renderPane();
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    const step = section('check');
    const groupHeaders = (await step.findAllByRole('heading', { level: 4 })).map((h) => h.textContent);
    expect(groupHeaders).toEqual(['Tam Kỳ (1 lỗi, 1 cảnh báo)', 'Tổng hợp toàn tỉnh (1 thông tin)']);

    // A group with errors starts open; one with only notes starts closed.
    expect(step.getByRole('button', { name: 'Tam Kỳ (1 lỗi, 1 cảnh báo)' })).toHaveAttribute('aria-expanded', 'true');
    expect(step.getByRole('button', { name: 'Tổng hợp toàn tỉnh (1 thông tin)' })).toHaveAttribute('aria-expanded', 'false');
    expect(step.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'LỗiMã số 08 – Tổng số hội viên cuối kỳÔ Tam Kỳ!E12Số liệu âm: đọc được “-5”, chỉ tiêu này không được âm.',
      'Cảnh báoMã số 10 – Trong đó: con hội viên CCBÔ Tam Kỳ!E14Số nhập dạng chữ “gần 30”: dùng giá trị 30.',
    ]);

    await user.click(step.getByRole('button', { name: 'Tổng hợp toàn tỉnh (1 thông tin)' }));
    expect(step.getByText('Chưa nhận biểu của 1 đơn vị: Điện Bàn.')).toBeVisible();
  });

  it('selects the cell of a selectable finding in the workbook; other findings are not links', async () => {
    const { user, workspace } = await renderPane();
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    await section('check').findByRole('button', { name: 'Tam Kỳ (1 lỗi, 1 cảnh báo)' });
    expect(section('check').getByText('Ô Tam Kỳ!E14')).toBeInTheDocument();
    expect(section('check').queryByRole('button', { name: /E14/ })).not.toBeInTheDocument();

    await user.click(section('check').getByRole('button', { name: 'Chọn ô Tam Kỳ!E12 trong sổ' }));
    await waitFor(() => expect(workspace.selected).toEqual([{ sheet: 'Tam Kỳ', cell: 'E12' }]));
  });

  it('says so when the cell cannot be selected', async () => {
    const { user, workspace } = await renderPane();
    workspace.failOn('selectCell', 'Không còn trang tính “Tam Kỳ”: hãy bấm Kiểm tra lại.');
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    await user.click(await section('check').findByRole('button', { name: 'Chọn ô Tam Kỳ!E12 trong sổ' }));
    expect(await section('check').findByText('Không còn trang tính “Tam Kỳ”: hãy bấm Kiểm tra lại.')).toBeInTheDocument();
  });

  it('shows the progress label and "done/total" while checking, with every action button disabled', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('check');
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));

    const bar = await screen.findByRole('progressbar', { name: 'Đang kiểm tra: Hội An (1/3)' });
    expect(bar).toHaveAttribute('aria-valuenow', String(1 / 3));
    expectBlocked(section('check').getByRole('button', { name: 'Kiểm tra' }));
    expectBlocked(screen.getByRole('button', { name: 'Kiểm tra, tổng hợp và soạn báo cáo' }));
    expectBlocked(section('consolidate').getByRole('button', { name: 'Tổng hợp' }));
    expectBlocked(section('setup').getByRole('button', { name: 'Chèn mẫu vào sổ' }));

    release();
    await section('check').findByRole('table');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expectUsable(section('check').getByRole('button', { name: 'Kiểm tra' }));
  });

  it('shows a WorkspaceError as it is in an error bar and enables the buttons again', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('check', 'Chưa có biểu nào trong sổ: hãy nhập biểu đã nhận ở bước 2 rồi kiểm tra lại.');
    const { user } = await renderPane(workspace, new FakePlatform());
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    expect(await section('check').findByText('Chưa có biểu nào trong sổ: hãy nhập biểu đã nhận ở bước 2 rồi kiểm tra lại.')).toBeInTheDocument();
    expect(section('check').getByText('Không thực hiện được')).toBeInTheDocument();
    expectUsable(section('check').getByRole('button', { name: 'Kiểm tra' }));
    expectUsable(screen.getByRole('button', { name: 'Kiểm tra, tổng hợp và soạn báo cáo' }));
  });

  it('wraps an unexpected error in a Vietnamese sentence that keeps the detail', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('check', new TypeError("Cannot read properties of undefined (reading 'values')"));
    const { user } = await renderPane(workspace, new FakePlatform());
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    const message = await section('check').findByText(/^Không kiểm tra được do một lỗi ngoài dự kiến\. Hãy thử lại/);
    expect(message.textContent).toContain("Cannot read properties of undefined (reading 'values')");
  });
});
