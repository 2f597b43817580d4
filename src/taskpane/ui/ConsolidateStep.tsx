import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ConsolidateOutcome, Download, PanePlatform } from '../workspace/workspace';
import { CannotDownloadNote } from './CannotDownloadNote';
import { ErrorBar } from './ErrorBar';
import { ProgressLine } from './ProgressLine';
import { StatusText } from './StatusText';
import { StepSection } from './StepSection';
import { useBusy } from './busy';
import { useStep, type StepRun } from './use-step';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Indicator names are long: without these the native select grows wider than the pane.
  field: { minWidth: 0 },
  selectRoot: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export interface ChartChoice {
  code: string;
  name: string;
}

interface ConsolidateStepProps {
  step: StepRun<ConsolidateOutcome>;
  platform: PanePlatform;
  /** False in browser mode, where no chart is drawn: the picker is then not shown. */
  offerChart: boolean;
  choices: readonly ChartChoice[];
  /** Why the choices could not be read, or null. */
  choicesError: string | null;
  chartCode: string | null;
  onChartChange(code: string | null): void;
  onConsolidate(): void;
  consolidationFile(): Promise<Download>;
}

function outcomeSentence(outcome: ConsolidateOutcome): string {
  const parts = [outcome.coverage];
  if (outcome.sheetsWritten.length > 0) parts.push(`Đã ghi vào sổ các trang tính: ${outcome.sheetsWritten.join(', ')}.`);
  if (outcome.chart) parts.push('Đã thêm biểu đồ theo chỉ tiêu đã chọn.');
  return parts.join(' ');
}

export function ConsolidateStep(props: ConsolidateStepProps) {
  const { step, platform, choices, chartCode } = props;
  const styles = useStyles();
  const { busy } = useBusy();
  const file = useStep<Download>();

  // Once the consolidation is forgotten (new returns or period), so is the file saved from it.
  const resetFile = file.reset;
  const consolidated = step.result !== null;
  useEffect(() => {
    if (!consolidated) resetFile();
  }, [consolidated, resetFile]);

  const download = async () => {
    const made = await file.run(() => props.consolidationFile(), 'Không tạo được tệp bảng tổng hợp');
    if (made) platform.download(made);
  };

  return (
    <StepSection title="4. Tổng hợp">
      {props.offerChart ? (
        <Field
          className={styles.field}
          label="Biểu đồ theo chỉ tiêu"
          validationState={props.choicesError ? 'warning' : 'none'}
          validationMessage={props.choicesError ?? undefined}
        >
          <Select
            className={styles.selectRoot}
            select={{ className: styles.select }}
            value={chartCode ?? ''}
            onChange={(_, data) => props.onChartChange(data.value === '' ? null : data.value)}
            disabled={busy}
          >
            <option value="">Không vẽ biểu đồ</option>
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} – {c.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={props.onConsolidate} disabledFocusable={busy}>
          Tổng hợp
        </Button>
        {platform.canDownload ? (
          <Button onClick={download} disabledFocusable={busy || !step.result}>
            Tải bảng tổng hợp (.xlsx)
          </Button>
        ) : null}
      </div>
      {platform.canDownload ? null : (
        <CannotDownloadNote>
          Các trang tính tổng hợp đã được ghi vào sổ đang mở. Nếu cần tệp bảng tổng hợp riêng, hãy mở sổ bằng Excel trên
          web hoặc Excel cho Windows.
        </CannotDownloadNote>
      )}
      {step.running ? <ProgressLine progress={step.progress} fallbackLabel="Đang tổng hợp…" endLabel="Đã kết thúc: tổng hợp." /> : null}
      <ErrorBar message={step.error} />
      <StatusText>{step.result ? outcomeSentence(step.result) : null}</StatusText>
      {file.running ? <ProgressLine progress={file.progress} fallbackLabel="Đang tạo tệp bảng tổng hợp…" endLabel="Đã kết thúc: tạo tệp bảng tổng hợp." /> : null}
      <ErrorBar message={file.error} />
      <StatusText>{file.result ? `Đã tải về ${file.result.name}.` : null}</StatusText>
    </StepSection>
  );
}
