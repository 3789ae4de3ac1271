import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Flag } from '../../domain/flags';
import { useLanguage } from '../i18n/LanguageContext';
import { groupFlags, SEVERITY_LABEL } from './checkView';
import { FlagItem, type FlagItemProps } from './FlagItem';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface FlagListProps extends Omit<FlagItemProps, 'flag' | 'acknowledged' | 'provisional'> {
  flags: readonly Flag[];
  acknowledged: ReadonlySet<string>;
  provisional: Readonly<Record<string, boolean>>;
}

/** The flags under one heading per severity, errors first. */
export function FlagList({ flags, acknowledged, provisional, ...handlers }: FlagListProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <>
      {groupFlags(flags).map((group) => (
        <section key={group.severity} className={styles.group} aria-labelledby={`flags-${group.severity}`} data-testid={`flags-${group.severity}`}>
          <h3 className={styles.heading} id={`flags-${group.severity}`}>
            <Subtitle2>
              {t(SEVERITY_LABEL[group.severity])} ({group.flags.length})
            </Subtitle2>
          </h3>
          <ul className={styles.list}>
            {group.flags.map((flag) => (
              <FlagItem
                key={flag.key}
                flag={flag}
                acknowledged={acknowledged.has(flag.key)}
                provisional={(flag.cellName && provisional[flag.cellName]) || false}
                {...handlers}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
