import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { CheckOutcome, ConsolidateOutcome, PanePlatform, ReportOutcome, Workspace } from '../workspace/workspace';
import { CheckStep } from './CheckStep';
import { ConsolidateStep } from './ConsolidateStep';
import { ImportStep } from './ImportStep';
import { ReportStep } from './ReportStep';
import { SetupStep } from './SetupStep';
import { StatusText } from './StatusText';
import { useBusy } from './busy';
import { useChartChoices } from './use-chart-choices';
import { useStep } from './use-step';

const useStyles = makeStyles({
  steps: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  oneClick: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export interface PaneProps {
  workspace: Workspace;
  platform: PanePlatform;
}

/** The five steps, and the button that runs check → consolidate → report in one click. */
export function MainPane({ workspace, platform }: PaneProps) {
  const styles = useStyles();
  const busy = useBusy();
  const check = useStep<CheckOutcome>();
  const consolidation = useStep<ConsolidateOutcome>();
  const report = useStep<ReportOutcome>();
  const [setupVersion, setSetupVersion] = useState(0);
  const charts = useChartChoices(workspace, setupVersion);
  const [chartCode, setChartCode] = useState<string | null>(null);
  const [oneClickNote, setOneClickNote] = useState<string | null>(null);

  useEffect(() => {
    // A template read again may no longer have the chosen indicator.
    if (chartCode !== null && !charts.choices.some((c) => c.code === chartCode)) setChartCode(null);
  }, [charts.choices, chartCode]);

  const resetCheck = check.reset;
  const resetConsolidation = consolidation.reset;
  const resetReport = report.reset;
  /**
   * The returns or the period changed: the workspace has dropped its last check and consolidation, so
   * what steps 3–5 show (and what their download buttons would save) no longer holds.
   */
  const onDataChanged = useCallback(() => {
    resetCheck();
    resetConsolidation();
    resetReport();
    setOneClickNote(null);
  }, [resetCheck, resetConsolidation, resetReport]);

  const runCheck = () => check.run((onProgress) => workspace.check(onProgress), 'Không kiểm tra được');
  const runConsolidate = () =>
    consolidation.run((onProgress) => workspace.consolidate({ chartCode }, onProgress), 'Không tổng hợp được');
  const runReport = () => report.run(() => workspace.draftReport(), 'Không soạn được báo cáo');

  const runAll = async () => {
    setOneClickNote(null);
    // Held for the whole chain so that no button becomes clickable between two steps.
    busy.enter();
    try {
      if (!(await runCheck())) return setOneClickNote('Dừng ở bước 3 “Kiểm tra”: xem thông báo lỗi trong mục đó.');
      if (!(await runConsolidate())) return setOneClickNote('Dừng ở bước 4 “Tổng hợp”: xem thông báo lỗi trong mục đó.');
      if (!(await runReport())) return setOneClickNote('Dừng ở bước 5 “Soạn báo cáo”: xem thông báo lỗi trong mục đó.');
      setOneClickNote('Đã kiểm tra, tổng hợp và soạn xong báo cáo: xem kết quả ở các mục 3–5.');
    } finally {
      busy.leave();
    }
  };

  return (
    <div className={styles.steps}>
      <div className={styles.oneClick}>
        <Button appearance="primary" size="large" onClick={runAll} disabledFocusable={busy.busy}>
          Kiểm tra, tổng hợp và soạn báo cáo
        </Button>
        <StatusText>{oneClickNote}</StatusText>
      </div>
      <SetupStep
        workspace={workspace}
        platform={platform}
        onSetupChanged={() => setSetupVersion((v) => v + 1)}
        onDataChanged={onDataChanged}
      />
      <ImportStep workspace={workspace} onDataChanged={onDataChanged} />
      <CheckStep step={check} onCheck={() => void runCheck()} onSelectCell={(sheet, cell) => workspace.selectCell(sheet, cell)} />
      <ConsolidateStep
        step={consolidation}
        platform={platform}
        // Only Excel draws the chart: the browser's download has none, so the choice is not offered there.
        offerChart={workspace.mode === 'excel'}
        choices={charts.choices}
        choicesError={charts.error}
        chartCode={chartCode}
        onChartChange={setChartCode}
        onConsolidate={() => void runConsolidate()}
        consolidationFile={() => workspace.consolidationFile()}
      />
      <ReportStep step={report} platform={platform} onDraft={() => void runReport()} />
    </div>
  );
}
