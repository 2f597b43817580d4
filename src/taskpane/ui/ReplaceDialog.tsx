import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportPlanItem, WorkspaceMode } from '../workspace/workspace';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', maxHeight: '240px', overflowY: 'auto' },
  actions: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
});

export function unitOf(item: ImportPlanItem): string {
  return item.unit ?? item.sheet;
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join(', ');
}

/**
 * What replacing means. Inside Excel the plan only knows a sheet of that name exists (it may be
 * hand-made, not an earlier import); in the browser it is a return imported earlier in this session.
 */
export function replaceSentence(items: readonly ImportPlanItem[], mode: WorkspaceMode): string {
  if (mode === 'browser') {
    return `Đã nhập biểu của ${quoted(items.map(unitOf))}; nếu thay, biểu cũ được bỏ.`;
  }
  const sheets = quoted(items.map((i) => i.sheet));
  return items.length === 1
    ? `Sổ đã có trang tính ${sheets}; nếu thay, nội dung trang đó sẽ được ghi đè bằng biểu mới.`
    : `Sổ đã có các trang tính ${sheets}; nếu thay, nội dung các trang đó sẽ được ghi đè bằng biểu mới.`;
}

/**
 * Asks which existing returns may be replaced. Only files the user ticks (or "Thay tất cả") are
 * replaced; closing the dialog cancels the whole import.
 * @param onAnswer the files to replace, or null to import nothing
 */
export function ReplaceDialog({
  items,
  mode,
  onAnswer,
}: {
  items: readonly ImportPlanItem[];
  mode: WorkspaceMode;
  onAnswer(replace: Set<string> | null): void;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());

  const toggle = (file: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(file);
      else next.delete(file);
      return next;
    });

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onAnswer(null))}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Thay biểu đã có?</DialogTitle>
          <DialogContent>
            <p>{replaceSentence(items, mode)}</p>
            <p>Đánh dấu đơn vị muốn thay bằng tệp mới; đơn vị không đánh dấu được giữ nguyên.</p>
            <div className={styles.list} role="group" aria-label="Đơn vị đã có biểu">
              {items.map((item) => (
                <Checkbox
                  key={item.file}
                  checked={chosen.has(item.file)}
                  onChange={(_, data) => toggle(item.file, data.checked === true)}
                  label={`${unitOf(item)} (tệp ${item.file})`}
                />
              ))}
            </div>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={() => onAnswer(new Set(chosen))} disabled={chosen.size === 0}>
              Thay các đơn vị đã đánh dấu
            </Button>
            <Button onClick={() => onAnswer(new Set(items.map((i) => i.file)))}>Thay tất cả</Button>
            <Button onClick={() => onAnswer(new Set())}>Giữ nguyên</Button>
            <Button appearance="subtle" onClick={() => onAnswer(null)}>
              Huỷ nhập
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
