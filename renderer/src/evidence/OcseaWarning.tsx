/**
 * OCSEA cases: before any file is added, say plainly that images and videos of child sexual abuse
 * must not be kept, and offer to record the report (platform, URL, hotline, reference) instead.
 * The vault core enforces the same rule by content (EVIDENCE_OCSEA_WARNING) for images and videos
 * added without this acknowledgement.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { OcseaReportInput } from '../../../shared/records/schemas.ts';
import { todayIso } from '../records/format.ts';
import { pickOptions, WARN_COLOUR } from '../records/labels.ts';
import { type FieldSpec, RecordForm } from '../records/RecordForm.tsx';

export const OCSEA_CASE_KIND = 'ocsea-report';

export function ocseaReportFields(t: (key: string) => string, lang: Language): FieldSpec[] {
  return [
    { name: 'platform', kind: 'text', label: t('evidence.ocsea.platform'), required: true },
    { name: 'url', kind: 'text', label: t('evidence.ocsea.url'), required: true },
    {
      name: 'hotline',
      kind: 'select',
      label: t('evidence.ocsea.hotline'),
      required: true,
      data: pickOptions('ocseaHotline', lang),
    },
    { name: 'reportReference', kind: 'text', label: t('evidence.ocsea.reference') },
    { name: 'reportedOn', kind: 'date', label: t('evidence.ocsea.reportedOn'), required: true },
    {
      name: 'takedownStatus',
      kind: 'select',
      label: t('evidence.ocsea.takedown'),
      required: true,
      data: pickOptions('takedownStatus', lang),
    },
    { name: 'notes', kind: 'textarea', label: t('evidence.ocsea.notes') },
  ];
}

/** The warning, shown before an add to an OCSEA case. */
export function OcseaWarningModal({
  opened,
  onCancel,
  onRecordReport,
  onAddAnyway,
}: {
  opened: boolean;
  onCancel: () => void;
  onRecordReport: () => void;
  onAddAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('evidence.ocsea.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('records.cancel') }}
    >
      <Stack data-testid="ocsea-warning">
        <Alert color="red" variant="outline" role="alert" title={t('evidence.ocsea.alertTitle')}>
          <Text size="sm">{t('evidence.ocsea.body')}</Text>
        </Alert>
        <Text size="sm">{t('evidence.ocsea.instead')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('records.cancel')}
          </Button>
          <Button variant="outline" color="red.9" c={WARN_COLOUR} onClick={onAddAnyway}>
            {t('evidence.ocsea.addAnyway')}
          </Button>
          <Button onClick={onRecordReport} data-autofocus>
            {t('evidence.ocsea.recordInstead')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The OCSEA report form (records:create `ocseaReport`), offered instead of storing the material. */
export function OcseaReportForm({
  caseId,
  lang,
  onDone,
}: {
  caseId: string;
  lang: Language;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <RecordForm
      entity="ocseaReport"
      schema={OcseaReportInput}
      fields={ocseaReportFields(t, lang)}
      fixed={{ caseId }}
      defaults={{ reportedOn: todayIso(), takedownStatus: 'pending' }}
      legend={t('evidence.ocsea.formLegend')}
      submitLabel={t('evidence.ocsea.save')}
      onCancel={() => onDone(false)}
      onSaved={() => onDone(true)}
      autoFocus
      testId="ocsea-report-form"
    />
  );
}
