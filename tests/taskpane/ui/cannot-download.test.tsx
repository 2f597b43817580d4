/** @jest-environment jsdom */
import './setup';
import { screen } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectUsable, renderPane, section } from './render-pane';

describe('where the pane cannot save files (Excel for Mac)', () => {
  it('replaces every download button by a note saying what to do instead', async () => {
    const { user } = await renderPane(new FakeWorkspace('excel'), new FakePlatform(false));
    await user.click(section('report').getByRole('button', { name: 'Soạn báo cáo' }));
    await section('report').findByRole('region', { name: 'Xem trước báo cáo' });

    expect(screen.queryByRole('button', { name: 'Tạo biểu mẫu gửi đơn vị' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải báo cáo (.docx)' })).not.toBeInTheDocument();

    expect(screen.getAllByText('Excel này không lưu được tệp từ ngăn tác vụ')).toHaveLength(3);
    expect(section('setup').getByText(/Excel trên web hoặc Excel cho Windows/)).toBeInTheDocument();
    expect(section('consolidate').getByText(/Các trang tính tổng hợp đã được ghi vào sổ đang mở/)).toBeInTheDocument();
    expect(section('consolidate').getByText(/Excel trên web hoặc Excel cho Windows/)).toBeInTheDocument();
    expect(section('report').getByText(/Hãy bấm “Sao chép” rồi dán báo cáo vào Word/)).toBeInTheDocument();
    expectUsable(section('report').getByRole('button', { name: 'Sao chép' }));
  });

  it('shows no such note where downloads work', async () => {
    await renderPane(new FakeWorkspace('excel'), new FakePlatform(true));
    expect(screen.queryByText('Excel này không lưu được tệp từ ngăn tác vụ')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo biểu mẫu gửi đơn vị' })).toBeInTheDocument();
  });
});
