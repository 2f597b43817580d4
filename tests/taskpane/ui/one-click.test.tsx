/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, renderPane, section } from './render-pane';

const ONE_CLICK = 'Kiểm tra, tổng hợp và soạn báo cáo';

function stepCalls(workspace: FakeWorkspace): string[] {
  return workspace.calls.filter((c) => ['check', 'consolidate', 'draftReport'].includes(c));
}

describe('the one-click button', () => {
  it('checks, consolidates with the chosen chart and drafts the report, in that order, filling each section', async () => {
    const { user, workspace } = await renderPane();
    await user.selectOptions(await section('consolidate').findByRole('combobox', { name: 'Biểu đồ theo chỉ tiêu' }), '07 – Hội viên kết nạp mới');
    await user.click(screen.getByRole('button', { name: ONE_CLICK }));

    expect(await screen.findByText('Đã kiểm tra, tổng hợp và soạn xong báo cáo: xem kết quả ở các mục 3–5.')).toBeInTheDocument();
    expect(stepCalls(workspace)).toEqual(['check', 'consolidate', 'draftReport']);
    expect(workspace.consolidateOptions).toEqual([{ chartCode: '07' }]);
    expect(section('check').getByRole('table')).toBeInTheDocument();
    expect(section('consolidate').getByText(/Đã ghi vào sổ các trang tính/)).toBeInTheDocument();
    expect(section('report').getByRole('region', { name: 'Xem trước báo cáo' })).toBeInTheDocument();
  });

  it('keeps every button disabled from the first step to the last', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('consolidate');
    await user.click(screen.getByRole('button', { name: ONE_CLICK }));
    await screen.findByRole('progressbar', { name: 'Đang ghi trang tính: Tổng hợp (2/4)' });
    expectBlocked(section('check').getByRole('button', { name: 'Kiểm tra' }));
    expectBlocked(screen.getByRole('button', { name: ONE_CLICK }));
    release();
    await screen.findByText(/^Đã kiểm tra, tổng hợp và soạn xong báo cáo/);
    expectUsable(screen.getByRole('button', { name: ONE_CLICK }));
  });

  it('stops at the failing step, shows the error there and enables the buttons again', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('consolidate', 'Sổ đang ở chế độ chỉ đọc: hãy lưu một bản có thể sửa rồi tổng hợp lại.');
    const { user } = await renderPane(workspace, new FakePlatform());
    await user.click(screen.getByRole('button', { name: ONE_CLICK }));

    expect(await section('consolidate').findByText('Sổ đang ở chế độ chỉ đọc: hãy lưu một bản có thể sửa rồi tổng hợp lại.')).toBeInTheDocument();
    expect(screen.getByText('Dừng ở bước 4 “Tổng hợp”: xem thông báo lỗi trong mục đó.')).toBeInTheDocument();
    expect(stepCalls(workspace)).toEqual(['check', 'consolidate']);
    expect(section('report').queryByRole('region', { name: 'Xem trước báo cáo' })).not.toBeInTheDocument();
    await waitFor(() => expectUsable(screen.getByRole('button', { name: ONE_CLICK })));
    expectUsable(section('consolidate').getByRole('button', { name: 'Tổng hợp' }));
  });
});
