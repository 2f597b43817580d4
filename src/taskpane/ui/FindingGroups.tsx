import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/template/model';
import type { CheckOutcome, FindingView } from '../workspace/workspace';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  message: { display: 'block' },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

function countText(findings: readonly FindingView[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts: [number, string][] = [
    [count('error'), 'lỗi'],
    [count('warning'), 'cảnh báo'],
    [count('info'), 'thông tin'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ');
}

function cellText(f: FindingView): string | null {
  if (!f.cell) return null;
  return f.sheet ? `${f.sheet}!${f.cell}` : f.cell;
}

interface FindingItemProps {
  finding: FindingView;
  onSelectCell(sheet: string, cell: string): void;
}

function FindingItem({ finding: f, onSelectCell }: FindingItemProps) {
  const styles = useStyles();
  const cell = cellText(f);
  const canSelect = f.selectable && f.sheet !== null && f.cell !== null;
  return (
    <li>
      <span className={styles.head}>
        <Badge appearance="tint" color={BADGE_COLOR[f.severity]}>
          {f.severityText}
        </Badge>
        {f.code ? <Text weight="semibold">Mã số {f.code}{f.indicator ? ` – ${f.indicator}` : ''}</Text> : null}
        {cell && canSelect ? (
          <Link as="button" onClick={() => onSelectCell(f.sheet as string, f.cell as string)} aria-label={`Chọn ô ${cell} trong sổ`}>
            Ô {cell}
          </Link>
        ) : cell ? (
          <Text>Ô {cell}</Text>
        ) : null}
      </span>
      <Text className={styles.message}>{f.message}</Text>
    </li>
  );
}

export function FindingGroups({ groups, onSelectCell }: { groups: CheckOutcome['groups']; onSelectCell(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const nonEmpty = groups.filter((g) => g.findings.length > 0);
  if (nonEmpty.length === 0) return <Text>Không có lỗi hay cảnh báo nào.</Text>;
  const value = (i: number) => `group-${i}`;
  // Units with errors are what the user must act on: their groups start open.
  const withErrors = nonEmpty.flatMap((g, i) => (g.findings.some((f) => f.severity === 'error') ? [value(i)] : []));
  return (
    <Accordion multiple collapsible defaultOpenItems={withErrors}>
      {nonEmpty.map((g, i) => (
        <AccordionItem key={value(i)} value={value(i)}>
          <AccordionHeader as="h4" size="small">
            {g.unit} ({countText(g.findings)})
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {g.findings.map((f) => (
                <FindingItem key={f.id} finding={f} onSelectCell={onSelectCell} />
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
