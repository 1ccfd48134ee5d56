/**
 * "Send sealed to contacts" on the Reports screen: the report on screen (the same query, so the
 * same protected model) sealed and signed to contacts. What leaves is said first — the protected
 * figures only, with the period, threshold and number of hidden cells. Then the recipients, picked
 * as in the export wizard (RecipientPicker: a changed key cannot be picked, unverified warns), then
 * purpose and the vault passphrase (ExportSend, as for an export); main asks where to save.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import type { ReportQueryInput } from '../../../shared/ipc/reports-contract.ts';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { type ContactView, identityApi } from '../identity/api.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { sharingApi } from '../sharing/api.ts';
import { ExportSend } from '../sharing/ExportSend.tsx';
import { RecipientPicker } from '../sharing/RecipientPicker.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';

export function ReportSeal({
  query,
  report,
  language,
  open,
  onClose,
}: {
  query: ReportQueryInput;
  report: ReportModel;
  language: Language;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'recipients' | 'send'>('recipients');
  const [contacts, setContacts] = useState<ContactView[] | null>(null);
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    if (!open) return;
    setStep('recipients');
    setRecipientIds([]);
    identityApi.listContacts().then(setContacts, (caught) => setError(toUiError(caught)));
  }, [open]);

  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={t('reports.seal.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('reports.seal.close') }}
    >
      <Stack gap="sm" data-testid="report-seal" data-step={step}>
        <Alert
          variant="light"
          color="blue"
          title={t('reports.seal.leavesTitle')}
          data-testid="report-seal-leaves"
        >
          <List size="sm" spacing={4}>
            <List.Item>
              {t('reports.seal.leavesReport', {
                label: report.label[language],
                from: report.period.from,
                to: report.period.to,
              })}
            </List.Item>
            <List.Item>
              {t('reports.seal.leavesProtected', {
                small: report.threshold - 1,
                hidden: report.notes.suppressedCells,
              })}
            </List.Item>
            <List.Item>{t('reports.seal.leavesNothingElse')}</List.Item>
          </List>
        </Alert>
        <ErrorAlert error={error} />
        {step === 'recipients' ? (
          <>
            <Text fw={600}>{t('reports.seal.recipients')}</Text>
            <RecipientPicker contacts={contacts} chosen={recipientIds} onChange={setRecipientIds} />
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('reports.seal.cancel')}
              </Button>
              <Button disabled={recipientIds.length === 0} onClick={() => setStep('send')}>
                {t('sharing.export.next')}
              </Button>
            </Group>
          </>
        ) : (
          <ExportSend
            send={(request) => sharingApi.reportExport({ ...request, query, lang: language, recipientIds })}
            onBack={() => setStep('recipients')}
          />
        )}
      </Stack>
    </Modal>
  );
}
