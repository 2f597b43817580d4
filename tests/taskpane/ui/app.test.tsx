/** @jest-environment jsdom */
import './setup';
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { App } from '../../../src/taskpane/ui/App';
import type { Workspace } from '../../../src/taskpane/workspace/workspace';
import { WorkspaceError } from '../../../src/taskpane/workspace/workspace';
import { FakePlatform, FakeWorkspace } from './fake-workspace';

function renderApp(start: (onStatus: (text: string) => void) => Promise<Workspace>, makePlatform = () => new FakePlatform()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <App start={start} makePlatform={makePlatform} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}

describe('starting the pane', () => {
  it('shows a spinner with what it waits for, then the mode and the five steps in heading order', async () => {
    let resolve!: (w: Workspace) => void;
    const makePlatform = jest.fn(() => new FakePlatform());
    renderApp((onStatus) => {
      onStatus('Đang kiểm tra môi trường…');
      return new Promise((r) => (resolve = r));
    }, makePlatform);
    expect(screen.getByText('Đang khởi động…')).toBeInTheDocument();
    expect(await screen.findByText('Đang kiểm tra môi trường…')).toBeInTheDocument();
    expect(makePlatform).not.toHaveBeenCalled();

    resolve(new FakeWorkspace('excel'));
    expect(await screen.findByText(/^Đang chạy trong Excel/)).toBeInTheDocument();
    expect(screen.queryByText('Đang khởi động…')).not.toBeInTheDocument();
    expect(makePlatform).toHaveBeenCalledTimes(1);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['1. Mẫu & đơn vị', '2. Nhập biểu đã nhận', '3. Kiểm tra', '4. Tổng hợp', '5. Soạn báo cáo']);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Tổng hợp báo cáo');
  });

  it('names the browser mode', async () => {
    renderApp(async () => new FakeWorkspace('browser'));
    expect(await screen.findByText(/^Chế độ trình duyệt: /)).toBeInTheDocument();
  });

  it('shows why it could not start', async () => {
    renderApp(async () => {
      throw new WorkspaceError('Excel này quá cũ (cần ExcelApi 1.4): hãy dùng Excel 2016 đã cập nhật hoặc Excel trên web.');
    });
    expect(await screen.findByText(/Excel này quá cũ/)).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
