import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PanePlatform, Workspace } from '../workspace/workspace';
import { ErrorBar } from './ErrorBar';
import { BusyProvider } from './busy';
import { errorText } from './errors';
import { MainPane } from './MainPane';

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

export interface AppProps {
  /** Resolves the workspace (createWorkspace in production); `onStatus` reports what it is waiting for. */
  start(onStatus: (text: string) => void): Promise<Workspace>;
  /** Called once the workspace is ready, i.e. after Office.onReady, when the Office platform is known. */
  makePlatform(): PanePlatform;
}

type Startup =
  | { phase: 'starting'; status: string | null }
  | { phase: 'ready'; workspace: Workspace; platform: PanePlatform }
  | { phase: 'failed'; message: string };

function modeText(workspace: Workspace): string {
  return workspace.mode === 'excel'
    ? 'Đang chạy trong Excel: biểu đã nhận là các trang tính của sổ này, kết quả được ghi vào sổ.'
    : 'Chế độ trình duyệt: biểu được đọc từ các tệp bạn chọn, kết quả được tải về máy.';
}

export function App({ start, makePlatform }: AppProps) {
  const styles = useStyles();
  const [startup, setStartup] = useState<Startup>({ phase: 'starting', status: null });

  useEffect(() => {
    let current = true;
    start((status) => current && setStartup((s) => (s.phase === 'starting' ? { phase: 'starting', status } : s))).then(
      (workspace) => current && setStartup({ phase: 'ready', workspace, platform: makePlatform() }),
      (e: unknown) => current && setStartup({ phase: 'failed', message: errorText(e, 'Không khởi động được ngăn tác vụ') }),
    );
    return () => {
      current = false;
    };
  }, [start, makePlatform]);

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <h1 className={styles.title}>Tổng hợp báo cáo</h1>
        {startup.phase === 'ready' ? <Text size={200}>{modeText(startup.workspace)}</Text> : null}
      </header>
      {startup.phase === 'starting' ? (
        <div role="status" aria-live="polite">
          <Spinner label="Đang khởi động…" />
          {startup.status ? <Text size={200}>{startup.status}</Text> : null}
        </div>
      ) : null}
      {startup.phase === 'failed' ? <ErrorBar message={startup.message} /> : null}
      {startup.phase === 'ready' ? (
        <BusyProvider>
          <MainPane workspace={startup.workspace} platform={startup.platform} />
        </BusyProvider>
      ) : null}
    </main>
  );
}
