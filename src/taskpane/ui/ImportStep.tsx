import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { pickedFile } from '../platform';
import type { ImportOutcome, ImportPlanItem, PickedFile, Workspace } from '../workspace/workspace';
import { ErrorBar } from './ErrorBar';
import { InfoBar } from './InfoBar';
import { ProgressLine } from './ProgressLine';
import { ReplaceDialog } from './ReplaceDialog';
import { StatusText } from './StatusText';
import { StepSection } from './StepSection';
import { useBusy } from './busy';
import { useStep } from './use-step';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

type ImportResult = { cancelled: true } | { cancelled: false; outcome: ImportOutcome; failed: ImportOutcome['failed'] };

interface Question {
  items: ImportPlanItem[];
  answer(replace: Set<string> | null): void;
}

/** Files the plan already knew it could not import are listed even if the workspace leaves them out of the outcome. */
function allFailures(plan: readonly ImportPlanItem[], outcome: ImportOutcome): ImportOutcome['failed'] {
  const listed = new Set(outcome.failed.map((f) => f.file));
  const fromPlan = plan.filter((i) => i.failure !== null && !listed.has(i.file)).map((i) => ({ file: i.file, reason: i.failure as string }));
  return [...outcome.failed, ...fromPlan];
}

interface ImportStepProps {
  workspace: Workspace;
  /** At least one return was imported: the workspace dropped its last check and consolidation. */
  onDataChanged(): void;
}

export function ImportStep({ workspace, onDataChanged }: ImportStepProps) {
  const { busy } = useBusy();
  const step = useStep<ImportResult>();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [question, setQuestion] = useState<Question | null>(null);

  // When the replace dialog closes, keyboard focus goes back to the button that started the import
  // (it stays focusable while the import runs: disabledFocusable).
  const asked = question !== null;
  const wasAsked = useRef(false);
  useEffect(() => {
    if (wasAsked.current && !asked) button.current?.focus();
    wasAsked.current = asked;
  }, [asked]);

  const ask = (items: ImportPlanItem[]) =>
    new Promise<Set<string> | null>((resolve) =>
      setQuestion({
        items,
        answer: (replace) => {
          setQuestion(null);
          resolve(replace);
        },
      }),
    );

  const importFiles = async (files: PickedFile[]) => {
    const result = await step.run(async (onProgress) => {
      const plan = await workspace.planImport(files);
      const existing = plan.filter((i) => i.replaces && i.failure === null);
      const replace = existing.length > 0 ? await ask(existing) : new Set<string>();
      if (replace === null) return { cancelled: true };
      const outcome = await workspace.importReturns(plan, files, replace, onProgress);
      return { cancelled: false, outcome, failed: allFailures(plan, outcome) };
    }, 'Không nhập được các tệp đã chọn');
    if (result && !result.cancelled && result.outcome.imported.length > 0) onDataChanged();
  };

  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []).map(pickedFile);
    // Cleared so that picking the same files again fires another change.
    e.target.value = '';
    if (files.length > 0) void importFiles(files);
  };

  return (
    <StepSection title="2. Nhập biểu đã nhận">
      <Text>Chọn các tệp biểu (.xlsx) đơn vị gửi về; có thể chọn nhiều tệp một lần.</Text>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,.xls,.xlsm"
        hidden
        aria-label="Tệp biểu đã nhận"
        data-testid="import-files"
        onChange={onPicked}
      />
      <div>
        <Button ref={button} onClick={() => input.current?.click()} disabledFocusable={busy}>
          Nhập biểu đã nhận
        </Button>
      </div>
      {question ? <ReplaceDialog items={question.items} mode={workspace.mode} onAnswer={question.answer} /> : null}
      {step.running ? (
        // Hidden, not unmounted, while the dialog asks: unmounting would announce the end of the import.
        <div hidden={question !== null}>
          <ProgressLine progress={step.progress} fallbackLabel="Đang đọc các tệp đã chọn…" endLabel="Đã kết thúc: nhập biểu." />
        </div>
      ) : null}
      <ErrorBar message={step.error} />
      {step.result ? <ImportSummary result={step.result} /> : null}
    </StepSection>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const styles = useStyles();
  if (result.cancelled) return <StatusText>Đã huỷ: chưa nhập tệp nào.</StatusText>;
  const { outcome, failed } = result;
  const names = outcome.imported.map((i) => i.unit ?? i.sheet);
  return (
    <>
      <StatusText>
        {names.length === 0 ? 'Chưa nhập được biểu nào.' : `Đã nhập ${names.length} biểu: ${names.join(', ')}.`}
      </StatusText>
      {outcome.kept.length > 0 ? (
        <InfoBar intent="info" title={`Giữ nguyên ${outcome.kept.length} biểu đã có`}>
          <ul className={styles.list}>
            {outcome.kept.map((k, i) => (
              <li key={`${i}-${k.file}`}>
                {k.sheet} (không thay bằng tệp {k.file})
              </li>
            ))}
          </ul>
        </InfoBar>
      ) : null}
      {failed.length > 0 ? (
        <InfoBar intent="error" title={`Không nhập được ${failed.length} tệp`}>
          Sửa hoặc đề nghị đơn vị gửi lại các tệp sau, rồi nhập lại:
          <ul className={styles.list}>
            {failed.map((f, i) => (
              <li key={`${i}-${f.file}`}>
                {f.file}: {f.reason}
              </li>
            ))}
          </ul>
        </InfoBar>
      ) : null}
    </>
  );
}
