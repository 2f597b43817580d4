import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CheckOutcome } from '../workspace/workspace';
import { ErrorBar } from './ErrorBar';
import { errorText } from './errors';
import { FindingGroups } from './FindingGroups';
import { ProgressLine } from './ProgressLine';
import { RosterTable } from './RosterTable';
import { StatusText } from './StatusText';
import { StepSection } from './StepSection';
import { useBusy } from './busy';
import type { StepRun } from './use-step';

const useStyles = makeStyles({
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface CheckStepProps {
  step: StepRun<CheckOutcome>;
  onCheck(): void;
  onSelectCell(sheet: string, cell: string): Promise<void>;
}

export function CheckStep({ step, onCheck, onSelectCell }: CheckStepProps) {
  const styles = useStyles();
  const { busy } = useBusy();
  const [selectError, setSelectError] = useState<string | null>(null);
  const outcome = step.result;

  const selectCell = async (sheet: string, cell: string) => {
    setSelectError(null);
    try {
      await onSelectCell(sheet, cell);
    } catch (e) {
      setSelectError(errorText(e, `Không chọn được ô ${cell} trên trang tính “${sheet}”`));
    }
  };

  return (
    <StepSection title="3. Kiểm tra">
      <div>
        <Button onClick={onCheck} disabledFocusable={busy}>
          Kiểm tra
        </Button>
      </div>
      {step.running ? <ProgressLine progress={step.progress} fallbackLabel="Đang kiểm tra…" endLabel="Đã kết thúc: kiểm tra." /> : null}
      <ErrorBar message={step.error} />
      <StatusText>{outcome ? `${outcome.coverage} Có ${outcome.errors} lỗi, ${outcome.warnings} cảnh báo.` : null}</StatusText>
      {outcome ? (
        <>
          <h3 className={styles.subheading}>Tình trạng nhận biểu</h3>
          <RosterTable roster={outcome.roster} />
          <h3 className={styles.subheading}>Lỗi và cảnh báo theo đơn vị</h3>
          <ErrorBar message={selectError} />
          {/* Keyed by run so that each new check opens its own error groups again. */}
          <FindingGroups key={step.runs} groups={outcome.groups} onSelectCell={(sheet, cell) => void selectCell(sheet, cell)} />
        </>
      ) : null}
    </StepSection>
  );
}
