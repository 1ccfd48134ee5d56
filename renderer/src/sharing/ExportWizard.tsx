/**
 * The export wizard: cases → recipients → review (consent check per recipient with the reason for
 * any refusal, the redacted mode offered, what leaves per recipient) → purpose and passphrase →
 * main's save dialog → progress with cancel → done (file name, SHA-256). The plan is asked from main
 * again whenever the choice changes; nothing is written before "Create the export".
 */
import { Alert, Button, Checkbox, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactView, identityApi } from '../identity/api.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { recordsApi } from '../records/api.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type ExportPlan, sharingApi } from './api.ts';
import { ExportSend } from './ExportSend.tsx';
import { RecipientPicker } from './RecipientPicker.tsx';
import { RecipientPlanCard } from './RecipientPlanCard.tsx';
import { WhatLeaves } from './WhatLeaves.tsx';

type Step = 'cases' | 'recipients' | 'review' | 'send';
interface CaseChoice {
  id: string;
  code: string;
  title: string;
}

export function ExportWizard({ initialCaseIds }: { initialCaseIds: string[] }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(initialCaseIds.length > 0 ? 'recipients' : 'cases');
  const [cases, setCases] = useState<CaseChoice[] | null>(null);
  const [contacts, setContacts] = useState<ContactView[] | null>(null);
  const [caseIds, setCaseIds] = useState<string[]>(initialCaseIds);
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [redacted, setRedacted] = useState(false);
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    recordsApi
      .listCases({}, 0, 500)
      .then((page) => setCases(page.rows.map((row) => ({ id: row.id, code: row.code, title: row.title }))))
      .catch((caught) => setError(toUiError(caught)));
    identityApi
      .listContacts()
      .then(setContacts)
      .catch((caught) => setError(toUiError(caught)));
  }, []);

  const loadPlan = useCallback(
    async (mode: boolean) => {
      setPlan(null);
      setError(null);
      try {
        setPlan(await sharingApi.plan({ caseIds, recipientIds, redacted: mode }));
      } catch (caught) {
        setError(toUiError(caught));
      }
    },
    [caseIds, recipientIds],
  );

  useEffect(() => {
    if (step === 'review') void loadPlan(redacted);
  }, [step, redacted, loadPlan]);

  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((other) => other !== id);

  return (
    <Stack gap="md" data-testid="export-wizard" data-step={step}>
      <Text size="sm" c="dimmed">
        {t('sharing.export.stepOf', {
          n: ['cases', 'recipients', 'review', 'send'].indexOf(step) + 1,
          total: 4,
        })}
      </Text>
      <ErrorAlert error={error} />
      {step === 'cases' ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('sharing.export.casesTitle')}
          </Title>
          {cases === null ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
          {cases?.length === 0 ? <Text>{t('sharing.export.noCases')}</Text> : null}
          {cases?.map((c) => (
            <Checkbox
              key={c.id}
              label={`${c.code} — ${c.title}`}
              checked={caseIds.includes(c.id)}
              onChange={(event) => setCaseIds(toggle(caseIds, c.id, event.currentTarget.checked))}
            />
          ))}
          <Group>
            <Button disabled={caseIds.length === 0} onClick={() => setStep('recipients')}>
              {t('sharing.export.next')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {step === 'recipients' ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('sharing.export.recipientsTitle')}
          </Title>
          <Text size="sm">
            {t('sharing.export.chosenCases', {
              list: caseIds.map((id) => cases?.find((c) => c.id === id)?.code ?? '…').join(', '),
            })}
          </Text>
          <RecipientPicker contacts={contacts} chosen={recipientIds} onChange={setRecipientIds} />
          <Group>
            <Button variant="default" onClick={() => setStep('cases')}>
              {t('sharing.export.back')}
            </Button>
            <Button disabled={recipientIds.length === 0} onClick={() => setStep('review')}>
              {t('sharing.export.next')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {step === 'review' ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('sharing.export.reviewTitle')}
          </Title>
          <Switch
            label={t('sharing.export.redactedMode')}
            description={t('sharing.export.redactedHelp')}
            checked={redacted}
            onChange={(event) => setRedacted(event.currentTarget.checked)}
          />
          {plan === null && !error ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
          {plan && plan.mode === 'full' && plan.recipients.some((r) => !r.allowed && r.redactedAllowed) ? (
            <Alert color="yellow" variant="light" data-testid="redacted-offer">
              <Text size="sm">{t('sharing.export.redactedOffer')}</Text>
              <Button mt="xs" size="xs" onClick={() => setRedacted(true)}>
                {t('sharing.export.useRedacted')}
              </Button>
            </Alert>
          ) : null}
          {plan?.blockers.map((blocker) => (
            <Alert key={blocker} color="red" variant="light" data-testid="plan-blocker">
              {t(`sharing.blockers.${blocker}`)}
            </Alert>
          ))}
          {plan?.recipients.map((recipient) => (
            <RecipientPlanCard key={recipient.contactId} recipient={recipient} plan={plan} />
          ))}
          {plan ? <WhatLeaves plan={plan} /> : null}
          <Group>
            <Button variant="default" onClick={() => setStep('recipients')}>
              {t('sharing.export.back')}
            </Button>
            <Button disabled={!plan?.canExport} onClick={() => setStep('send')}>
              {t('sharing.export.next')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {step === 'send' && plan ? (
        <ExportSend selection={{ caseIds, recipientIds, redacted }} onBack={() => setStep('review')} />
      ) : null}
    </Stack>
  );
}
