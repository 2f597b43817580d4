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
  /** The period changed: the workspace dropped its last check and consolidation. */
  onDataChanged(): void;
}

export function SetupStep({ workspace, platform, onSetupChanged, onDataChanged }: SetupStepProps) {
  const styles = useStyles();
  const { busy } = useBusy();
  const load = useStep<SetupInfo>();
  const insert = useStep<InsertOutcome>();
  const forms = useStep<Download>();
  const period = usePeriodDraft(workspace, onDataChanged);
  // The browser never reads an edited template back: there the button only saves the template file.
  const inBrowser = workspace.mode === 'browser';
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
    const outcome = await insert.run(
      () => workspace.insertTemplateSheets(),
      inBrowser ? 'Không tạo được tệp mẫu chỉ tiêu' : 'Không chèn được mẫu vào sổ',
    );
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
      {setup ? <SetupFacts setup={setup} period={period} busy={busy} /> : null}
      <div className={styles.actions}>
        <Button onClick={insertTemplate} disabledFocusable={busy}>
          {inBrowser ? 'Tải mẫu chỉ tiêu (.xlsx)' : 'Chèn mẫu vào sổ'}
        </Button>
        {platform.canDownload ? (
          <Button onClick={makeForms} disabledFocusable={busy}>
            Tạo biểu mẫu gửi đơn vị
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={() => void reload()} disabledFocusable={busy}>
          Đọc lại mẫu
        </Button>
      </div>
      {inBrowser ? (
        <Text size={200}>
          Ở chế độ trình duyệt, ngăn tác vụ luôn dùng mẫu có sẵn, kể cả khi bạn đã sửa tệp mẫu tải về. Mẫu sửa chỉ có tác
          dụng khi chạy trong Excel: mở sổ bằng Excel, chèn mẫu vào sổ bằng phần bổ trợ này rồi sửa mẫu ngay trong sổ.
        </Text>
      ) : null}
      {platform.canDownload ? null : (
        <CannotDownloadNote>
          Vì vậy ở đây không tạo được tệp biểu mẫu gửi đơn vị. Hãy mở sổ bằng Excel trên web hoặc Excel cho Windows
          để tạo biểu mẫu.
        </CannotDownloadNote>
      )}
      {insert.running ? (
        <ProgressLine
          progress={insert.progress}
          fallbackLabel={inBrowser ? 'Đang tạo tệp mẫu chỉ tiêu…' : 'Đang chèn mẫu vào sổ…'}
          endLabel={inBrowser ? 'Đã kết thúc: tạo tệp mẫu chỉ tiêu.' : 'Đã kết thúc: chèn mẫu vào sổ.'}
        />
      ) : null}
      <ErrorBar message={insert.error} />
      <StatusText>{insert.result ? insertSentence(insert.result, platform.canDownload, inBrowser) : null}</StatusText>
      {forms.running ? <ProgressLine progress={forms.progress} fallbackLabel="Đang tạo biểu mẫu…" endLabel="Đã kết thúc: tạo biểu mẫu." /> : null}
      <ErrorBar message={forms.error} />
      <StatusText>{forms.result ? `Đã tải về ${forms.result.name}: giải nén rồi gửi cho mỗi đơn vị biểu mang tên đơn vị đó.` : null}</StatusText>
    </StepSection>
  );
}

function insertSentence(outcome: InsertOutcome, canDownload: boolean, inBrowser: boolean): string {
  const parts: string[] = [];
  if (outcome.written.length > 0) parts.push(`Đã chèn các trang tính: ${outcome.written.join(', ')}.`);
  if (outcome.existing.length > 0) parts.push(`Đã có sẵn nên giữ nguyên: ${outcome.existing.join(', ')}.`);
  if (outcome.download) {
    parts.push(
      canDownload
        ? inBrowser
          ? `Đã tải về ${outcome.download.name}. Mẫu sửa trong tệp này không được dùng ở chế độ trình duyệt; chỉ có tác dụng khi chạy trong Excel (chèn mẫu vào sổ bằng phần bổ trợ).`
          : `Đã tạo tệp ${outcome.download.name}: sửa mẫu trong tệp này bằng Excel.`
        : 'Excel này không lưu được tệp từ ngăn tác vụ; hãy dùng Excel trên web hoặc Excel cho Windows.',
    );
  }
  return parts.join(' ') || 'Không có gì cần chèn.';
}

function SetupFacts({ setup, period, busy }: { setup: SetupInfo; period: PeriodDraft; busy: boolean }) {
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
      <PeriodField period={period} busy={busy} />
      <UnitList units={setup.units} source={SOURCE_TEXT.units[setup.unitSource]} />
      {setup.problems.map((problem, i) => (
        <InfoBar key={i} intent="warning">
          {problem}
        </InfoBar>
      ))}
    </>
  );
}

/** Read-only while a step runs: a period typed then would change the workspace under the running step. */
function PeriodField({ period, busy }: { period: PeriodDraft; busy: boolean }) {
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
        <Input value={period.value} onChange={(_, data) => period.type(data.value)} disabled={busy} />
      </Field>
      {period.conflict !== null ? (
        <InfoBar intent="warning" title="Kỳ báo cáo khác nhau">
          Sổ ghi kỳ “{period.conflict}”, còn bạn đã nhập “{period.value}”. Dùng kỳ nào?
          <span className={styles.choice}>
            <Button size="small" onClick={period.acceptFound} disabledFocusable={busy}>
              Dùng “{period.conflict}”
            </Button>
            <Button size="small" onClick={period.keepTyped} disabledFocusable={busy}>
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
