/** @jest-environment jsdom */
import './setup';
import { waitFor } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, renderPane, section } from './render-pane';

describe('step 5: Soạn báo cáo', () => {
  it('previews the drafted report in a focusable region', async () => {
    const { user } = await renderPane();
    const step = section('report');
    expect(step.queryByRole('region', { name: 'Xem trước báo cáo' })).not.toBeInTheDocument();
    await user.click(step.getByRole('button', { name: 'Soạn báo cáo' }));
    const preview = await step.findByRole('region', { name: 'Xem trước báo cáo' });
    expect(preview).toHaveAttribute('tabindex', '0');
    expect(preview.querySelector('b')?.textContent).toBe('BÁO CÁO KẾT QUẢ PHỐI HỢP 6 THÁNG ĐẦU NĂM 2025');
    expect(preview).toHaveTextContent('Tổng số hội viên cuối kỳ: 12.345 hội viên.');
  });

  it('downloads report.docx and copies HTML with its plain text through the platform', async () => {
    const platform = new FakePlatform();
    const { user } = await renderPane(new FakeWorkspace(), platform);
    const step = section('report');
    expectBlocked(step.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
    expectBlocked(step.getByRole('button', { name: 'Sao chép' }));
    await user.click(step.getByRole('button', { name: 'Soạn báo cáo' }));
    await step.findByRole('region', { name: 'Xem trước báo cáo' });

    await user.click(step.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
    expect(platform.downloads.map((d) => d.name)).toEqual(['bao-cao.docx']);

    await user.click(step.getByRole('button', { name: 'Sao chép' }));
    expect(await step.findByText(/^Đã sao chép báo cáo\./)).toBeInTheDocument();
    expect(platform.copies).toHaveLength(1);
    expect(platform.copies[0].html).toContain('<b>BÁO CÁO KẾT QUẢ PHỐI HỢP 6 THÁNG ĐẦU NĂM 2025</b>');
    expect(platform.copies[0].text).toBe('BÁO CÁO KẾT QUẢ PHỐI HỢP 6 THÁNG ĐẦU NĂM 2025\nTổng số hội viên cuối kỳ: 12.345 hội viên.');
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    const platform = new FakePlatform();
    platform.copyResult = false;
    const { user } = await renderPane(new FakeWorkspace(), platform);
    const step = section('report');
    await user.click(step.getByRole('button', { name: 'Soạn báo cáo' }));
    await waitFor(() => expectUsable(step.getByRole('button', { name: 'Sao chép' })));
    await user.click(step.getByRole('button', { name: 'Sao chép' }));
    expect(await step.findByText('Không sao chép được')).toBeInTheDocument();
    const advice = step.getByText(/Hãy chọn toàn bộ phần xem trước/);
    expect(advice).toHaveTextContent('Hãy chọn toàn bộ phần xem trước rồi nhấn Ctrl+C (trên máy Mac: Cmd+C), sau đó dán vào Word.');
    // Said the same in the browser as in Excel: the message must not blame Excel.
    expect(advice.textContent).not.toMatch(/Excel/);
    expect(step.queryByText(/^Đã sao chép/)).not.toBeInTheDocument();
  });

  it('shows why the report could not be drafted', async () => {
    const workspace = new FakeWorkspace();
    workspace.failOn('draftReport', 'Chưa có bảng tổng hợp: hãy bấm “Tổng hợp” ở bước 4 trước.');
    const { user } = await renderPane(workspace, new FakePlatform());
    await user.click(section('report').getByRole('button', { name: 'Soạn báo cáo' }));
    expect(await section('report').findByText('Chưa có bảng tổng hợp: hãy bấm “Tổng hợp” ở bước 4 trước.')).toBeInTheDocument();
    expectUsable(section('report').getByRole('button', { name: 'Soạn báo cáo' }));
  });
});
