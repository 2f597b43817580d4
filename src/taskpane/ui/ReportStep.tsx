import { Button, createFocusOutlineStyle, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PanePlatform, ReportOutcome } from '../workspace/workspace';
import { CannotDownloadNote } from './CannotDownloadNote';
import { ErrorBar } from './ErrorBar';
import { InfoBar } from './InfoBar';
import { ProgressLine } from './ProgressLine';
import { StatusText } from './StatusText';
import { StepSection } from './StepSection';
import { useBusy } from './busy';
import type { StepRun } from './use-step';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: {
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    maxHeight: '360px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    ...createFocusOutlineStyle(),
  },
});

type CopyState = 'idle' | 'copying' | 'copied' | 'failed';

interface ReportStepProps {
  step: StepRun<ReportOutcome>;
  platform: PanePlatform;
  onDraft(): void;
}

export function ReportStep({ step, platform, onDraft }: ReportStepProps) {
  const styles = useStyles();
  const { busy } = useBusy();
  const [copy, setCopy] = useState<CopyState>('idle');
  const report = step.result;

  // A report forgotten (new returns or period) takes the note about copying it along.
  useEffect(() => {
    if (!report) setCopy('idle');
  }, [report]);

  const copyReport = async () => {
    if (!report) return;
    setCopy('copying');
    let ok = false;
    try {
      ok = await platform.copyRich(report.html, report.text);
    } catch {
      ok = false;
    }
    setCopy(ok ? 'copied' : 'failed');
  };

  const draft = () => {
    setCopy('idle');
    onDraft();
  };

  return (
    <StepSection title="5. Soạn báo cáo">
      <div className={styles.actions}>
        <Button onClick={draft} disabledFocusable={busy}>
          Soạn báo cáo
        </Button>
        {platform.canDownload ? (
          <Button onClick={() => report && platform.download(report.docx)} disabledFocusable={busy || !report}>
            Tải báo cáo (.docx)
          </Button>
        ) : null}
        <Button onClick={copyReport} disabledFocusable={busy || !report || copy === 'copying'}>
          Sao chép
        </Button>
      </div>
      {platform.canDownload ? null : (
        <CannotDownloadNote>
          Hãy bấm “Sao chép” rồi dán báo cáo vào Word (Cmd+V hoặc Ctrl+V).
        </CannotDownloadNote>
      )}
      {step.running ? <ProgressLine progress={step.progress} fallbackLabel="Đang soạn báo cáo…" endLabel="Đã kết thúc: soạn báo cáo." /> : null}
      <ErrorBar message={step.error} />
      <StatusText>{copy === 'copied' ? 'Đã sao chép báo cáo. Mở Word và dán (Ctrl+V; trên máy Mac: Cmd+V) để có bản có định dạng.' : null}</StatusText>
      {copy === 'failed' ? (
        <InfoBar intent="warning" title="Không sao chép được">
          Ngăn tác vụ không ghi được vào bộ nhớ tạm. Hãy chọn toàn bộ phần xem trước rồi nhấn Ctrl+C (trên máy Mac: Cmd+C),
          sau đó dán vào Word.
        </InfoBar>
      ) : null}
      {report ? (
        <div
          className={styles.preview}
          role="region"
          aria-label="Xem trước báo cáo"
          tabIndex={0}
          // The HTML comes from our own report renderer (src/render/report-html.ts), which escapes every
          // value it inserts; it never contains markup typed by the user or read from a return as HTML.
          dangerouslySetInnerHTML={{ __html: report.html }}
        />
      ) : null}
    </StepSection>
  );
}
