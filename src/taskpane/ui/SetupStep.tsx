import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Download, PanePlatform, SetupInfo, Workspace } from '../workspace/workspace';
import { CannotDownloadNote } from './CannotDownloadNote';
import { ErrorBar } from './ErrorBar';
import { InfoBar } from './InfoBar';
import { ProgressLine } from './ProgressLine';
import { StatusText } from './StatusText';
import { StepSection } from './StepSection';
import { useBusy } from './busy';
import { usePeriodDraft, type PeriodDraft } from './use-period';
import { useStep } from './use-step';

const useStyles = makeStyles({
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  choice: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  unitList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '240px', overflowY: 'auto' },
});

const SOURCE_TEXT = {
  template: { 'built-in': 'mẫu có sẵn', sheet: 'trang tính “Mẫu chỉ tiêu” của sổ này' },
  units: { 'built-in': 'danh sách có sẵn', sheet: 'trang tính “Đơn vị” của sổ này' },
  report: { 'built-in': 'mẫu có sẵn', sheet: 'trang tính “Mẫu báo cáo” của sổ này' },
} as const;

interface InsertOutcome {
  written: string[];
  existing: string[];
  download: Download | null;
}

interface SetupStepProps {
  workspace: Workspace;
  platform: PanePlatform;
  /** After the template sheets were inserted: what depends on the template (chart choices) should reload. */
  onSetupChanged(): void;
}

export function SetupStep({ workspace, platform, onSetupChanged }: SetupStepProps) {
  const styles = useStyles();
  const { busy } = useBusy();
  const load = useStep<SetupInfo>();
  const insert = useStep<InsertOutcome>();
  const forms = useStep<Download>();
  const period = usePeriodDraft(workspace);
  const [setup, setSetup] = useState<SetupInfo | null>(null);

  const runLoad = load.run;
  const receivePeriod = period.receive;
  const reload = useCallback(async () => {
    const info = await runLoad(() => workspace.loadSetup(), 'Không đọc được mẫu và danh sách đơn vị');
    if (info) {
      setSetup(info);
      receivePeriod(info.period);
    }
  }, [runLoad, receivePeriod, workspace]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const insertTemplate = async () => {
    const outcome = await insert.run(() => workspace.insertTemplateSheets(), 'Không chèn được mẫu vào sổ');
    if (!outcome) return;
    if (outcome.download && platform.canDownload) platform.download(outcome.download);
    await reload();
    onSetupChanged();
  };

  const makeForms = async () => {
    const zip = await forms.run((onProgress) => workspace.blankForms(onProgress), 'Không tạo được biểu mẫu');
    if (zip) platform.download(zip);
  };

  return (
    <StepSection title="1. Mẫu & đơn vị">
      {load.running && !setup ? <Spinner size="tiny" label="Đang đọc mẫu và danh sách đơn vị…" /> : null}
      <ErrorBar message={load.error} />
      {setup ? <SetupFacts setup={setup} period={period} /> : null}
      <div className={styles.actions}>
        <Button onClick={insertTemplate} disabled={busy}>
          Chèn mẫu vào sổ
        </Button>
        {platform.canDownload ? (
          <Button onClick={makeForms} disabled={busy}>
            Tạo biểu mẫu gửi đơn vị
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={() => void reload()} disabled={busy}>
          Đọc lại mẫu
        </Button>
      </div>
      {platform.canDownload ? null : (
        <CannotDownloadNote>
          Vì vậy ở đây không tạo được tệp biểu mẫu gửi đơn vị. Hãy mở sổ bằng Excel trên web hoặc Excel cho Windows
          để tạo biểu mẫu.
        </CannotDownloadNote>
      )}
      {insert.running ? <ProgressLine progress={insert.progress} fallbackLabel="Đang chèn mẫu vào sổ…" /> : null}
      <ErrorBar message={insert.error} />
      <StatusText>{insert.result ? insertSentence(insert.result, platform.canDownload) : null}</StatusText>
      {forms.running ? <ProgressLine progress={forms.progress} fallbackLabel="Đang tạo biểu mẫu…" /> : null}
      <ErrorBar message={forms.error} />
      <StatusText>{forms.result ? `Đã tải về ${forms.result.name}: giải nén rồi gửi cho mỗi đơn vị biểu mang tên đơn vị đó.` : null}</StatusText>
    </StepSection>
  );
}

function insertSentence(outcome: InsertOutcome, canDownload: boolean): string {
  const parts: string[] = [];
  if (outcome.written.length > 0) parts.push(`Đã chèn các trang tính: ${outcome.written.join(', ')}.`);
  if (outcome.existing.length > 0) parts.push(`Đã có sẵn nên giữ nguyên: ${outcome.existing.join(', ')}.`);
  if (outcome.download) {
    parts.push(
      canDownload
        ? `Đã tạo tệp ${outcome.download.name}: sửa mẫu trong tệp này bằng Excel.`
        : 'Excel này không lưu được tệp từ ngăn tác vụ; hãy dùng Excel trên web hoặc Excel cho Windows.',
    );
  }
  return parts.join(' ') || 'Không có gì cần chèn.';
}

function SetupFacts({ setup, period }: { setup: SetupInfo; period: PeriodDraft }) {
  const styles = useStyles();
  return (
    <>
      <dl className={styles.facts}>
        <dt className={styles.term}>Mẫu chỉ tiêu</dt>
        <dd className={styles.detail}>
          {setup.templateName} ({SOURCE_TEXT.template[setup.templateSource]})
        </dd>
        <dt className={styles.term}>Số chỉ tiêu</dt>
        <dd className={styles.detail}>{setup.indicatorCount}</dd>
        <dt className={styles.term}>Mẫu báo cáo</dt>
        <dd className={styles.detail}>{SOURCE_TEXT.report[setup.reportSource]}</dd>
      </dl>
      <PeriodField period={period} />
      <UnitList units={setup.units} source={SOURCE_TEXT.units[setup.unitSource]} />
      {setup.problems.map((problem, i) => (
        <InfoBar key={i} intent="warning">
          {problem}
        </InfoBar>
      ))}
    </>
  );
}

function PeriodField({ period }: { period: PeriodDraft }) {
  const styles = useStyles();
  const empty = period.value.trim() === '';
  return (
    <>
      <Field
        label="Kỳ báo cáo"
        hint="Ghi trên biểu mẫu gửi đơn vị và trên bảng tổng hợp."
        validationState={empty ? 'warning' : 'none'}
        validationMessage={empty ? 'Chưa ghi kỳ báo cáo (ví dụ: 6 tháng đầu năm 2025). Khi để trống, bảng tổng hợp lấy kỳ ghi trên đa số biểu đã nhận.' : undefined}
      >
        <Input value={period.value} onChange={(_, data) => period.type(data.value)} />
      </Field>
      {period.conflict !== null ? (
        <InfoBar intent="warning" title="Kỳ báo cáo khác nhau">
          Sổ ghi kỳ “{period.conflict}”, còn bạn đã nhập “{period.value}”. Dùng kỳ nào?
          <span className={styles.choice}>
            <Button size="small" onClick={period.acceptFound}>
              Dùng “{period.conflict}”
            </Button>
            <Button size="small" onClick={period.keepTyped}>
              Giữ “{period.value}”
            </Button>
          </span>
        </InfoBar>
      ) : null}
    </>
  );
}

function UnitList({ units, source }: { units: string[]; source: string }) {
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="units">
        <AccordionHeader as="h3" size="small">
          Đơn vị: {units.length} ({source})
        </AccordionHeader>
        <AccordionPanel>
          {units.length === 0 ? (
            <Text>Danh sách đơn vị đang trống.</Text>
          ) : (
            <ol className={styles.unitList}>
              {units.map((u, i) => (
                <li key={`${i}-${u}`}>{u}</li>
              ))}
            </ol>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
