import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { RosterEntry } from '../workspace/workspace';

const useStyles = makeStyles({
  scroll: { maxHeight: '320px', overflowY: 'auto' },
  number: { textAlign: 'right', width: '56px' },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATE_TEXT = { received: 'Đã nhận', missing: 'Chưa nhận' } as const;

export function RosterTable({ roster }: { roster: readonly RosterEntry[] }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label="Tình trạng nhận biểu của các đơn vị">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Đơn vị</TableHeaderCell>
            <TableHeaderCell>Tình trạng</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Lỗi</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Cảnh báo</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {roster.map((r, i) => (
            <TableRow key={`${i}-${r.unit}`}>
              <TableCell>{r.unit}</TableCell>
              <TableCell className={r.state === 'missing' ? styles.missing : undefined}>{STATE_TEXT[r.state]}</TableCell>
              <TableCell className={styles.number}>{r.errors}</TableCell>
              <TableCell className={styles.number}>{r.warnings}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
