/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, renderPane, section } from './render-pane';

const ONE_CLICK = 'Kiểm tra, tổng hợp và soạn báo cáo';

describe('screen readers', () => {
  it('hear a step failure: the error bar is an alert and is announced', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('check', 'Chưa có biểu nào trong sổ: hãy nhập biểu đã nhận ở bước 2 rồi kiểm tra lại.');
    const { user, announced } = await renderPane(workspace, new FakePlatform());
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));
    const alert = await section('check').findByRole('alert');
    expect(alert).toHaveTextContent('Chưa có biểu nào trong sổ');
    // MessageBar speaks through useAnnounce: only heard when an AriaLiveAnnouncer is mounted.
    await waitFor(() => expect(announced.some((m) => m.includes('Chưa có biểu nào trong sổ'))).toBe(true));
  });

  it('hear when a step starts and ends, not every file it reads; the bar keeps its value', async () => {
    const workspace = new FakeWorkspace();
    const { user, announced } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('check');
    announced.length = 0;
    await user.click(section('check').getByRole('button', { name: 'Kiểm tra' }));

    const bar = await screen.findByRole('progressbar', { name: 'Đang kiểm tra: Hội An (1/3)' });
    expect(bar).toHaveAttribute('aria-valuenow', String(1 / 3));
    // Not inside a live region: its label changes with every file.
    expect(bar.closest('[aria-live]')).toBeNull();
    expect(announced).toEqual(['Đang kiểm tra…']);

    release();
    await section('check').findByRole('table');
    expect(announced.filter((m) => m.startsWith('Đang') || m.startsWith('Đã kết thúc'))).toEqual([
      'Đang kiểm tra…',
      'Đã kết thúc: kiểm tra.',
    ]);
    expect(announced.some((m) => m.includes('Hội An'))).toBe(false);
  });
});

describe('keyboard focus while a step runs', () => {
  it('stays on the pressed button, which is blocked (aria-disabled) but still focusable', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('check');
    const check = section('check').getByRole('button', { name: 'Kiểm tra' });
    await user.click(check);
    await screen.findByRole('progressbar');
    expectBlocked(check);
    expect(check).toHaveFocus();

    // Blocked buttons do nothing when pressed.
    await user.keyboard('{Enter}');
    expect(check).toHaveFocus();
    await user.click(screen.getByRole('button', { name: ONE_CLICK }));
    expect(workspace.calls.filter((c) => c === 'check')).toHaveLength(1);

    release();
    await section('check').findByRole('table');
    expectUsable(check);
  });

  it('stays on the one-click button through the three steps, which is usable again at the end', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('consolidate');
    const oneClick = screen.getByRole('button', { name: ONE_CLICK });
    await user.click(oneClick);
    await screen.findByRole('progressbar', { name: 'Đang ghi trang tính: Tổng hợp (2/4)' });
    expectBlocked(oneClick);
    expectBlocked(section('setup').getByRole('button', { name: 'Chèn mẫu vào sổ' }));
    expectBlocked(section('import').getByRole('button', { name: 'Nhập biểu đã nhận' }));
    expectBlocked(section('report').getByRole('button', { name: 'Soạn báo cáo' }));
    expect(oneClick).toHaveFocus();
    release();
    await screen.findByText(/^Đã kiểm tra, tổng hợp và soạn xong báo cáo/);
    expectUsable(oneClick);
    expect(oneClick).toHaveFocus();
  });
});
