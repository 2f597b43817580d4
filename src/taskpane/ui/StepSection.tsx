import { Card, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
});

/** One step of the pane: a card that is a labelled region with an h2 heading. */
export function StepSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId('step-heading-');
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children}
    </Card>
  );
}
