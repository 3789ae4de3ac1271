import { useRef } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { UnitList } from '../catalogue/schema';
import type { ExistingReturn } from '../workbook/port';
import { existingVars } from './existingText';
import { useLanguage } from './i18n/LanguageContext';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface ReplaceDialogProps {
  existing: ExistingReturn | null;
  onReplace(): void;
  onCancel(): void;
  units?: UnitList;
}

/**
 * Asked before a return is replaced. It says what exists and that nothing is lost: the old
 * sheet stays as a renamed backup. Escape and "Hủy" both leave the workbook as it was.
 */
export function ReplaceDialog({ existing, onReplace, onCancel, units }: ReplaceDialogProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  // The dialog fades out after it closes; it keeps showing what it asked about meanwhile.
  const shown = useRef<ExistingReturn | null>(null);
  if (existing) shown.current = existing;
  const about = existing ?? shown.current;
  return (
    <Dialog open={existing !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="replace-dialog-content">
        <DialogBody>
          <DialogTitle>{t('dialogTitle')}</DialogTitle>
          <DialogContent id="replace-dialog-content" className={styles.content}>
            {about && <p style={{ margin: 0 }}>{t('dialogExisting', existingVars(about, t, lang, units))}</p>}
            <p style={{ margin: 0 }}>{t('dialogBackup')}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReplace}>
              {t('replace')}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              {t('cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
