/**
 * Protection plan(s) of the case: review date, the measures board, emergency contacts and safe
 * places. A plan past its review date is flagged.
 */
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  PlanContactInput,
  PlanMeasureInput,
  ProtectionPlanInput,
} from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { StoredRecord } from '../api.ts';
import { DeleteButton } from '../ConfirmDelete.tsx';
import { useCase } from '../case-context.ts';
import { contactFields, measureFields, planFields } from '../fields.ts';
import { formatDate, todayIso } from '../format.ts';
import { pickLabel } from '../labels.ts';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';
import { type Measure, MeasuresBoard } from './MeasuresBoard.tsx';

type Plan = StoredRecord & { title: string; reviewOn?: string; notes?: string };

export function PlanTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  const today = todayIso();
  const saved = async (close: () => void) => {
    close();
    await reload();
  };

  return (
    <Stack gap="lg">
      {detail.plans.length === 0 ? <Text size="sm">{t('records.plan.empty')}</Text> : null}
      {detail.plans.map(({ plan: raw, measures, contacts }) => {
        const plan = raw as Plan;
        const reviewLate = Boolean(plan.reviewOn && plan.reviewOn < today);
        return (
          <Paper
            key={plan.id}
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby={`plan-${plan.id}`}
          >
            <Stack gap="md">
              <Group justify="space-between">
                <Title order={2} size="h4" id={`plan-${plan.id}`}>
                  {plan.title}
                </Title>
                <DeleteButton entity="protectionPlan" id={plan.id} what={plan.title} onDeleted={reload} />
              </Group>
              {plan.reviewOn ? (
                <Group gap="xs">
                  <Text size="sm">
                    {t('records.plan.reviewOn', { date: formatDate(plan.reviewOn, lang) })}
                  </Text>
                  {reviewLate ? (
                    <Badge color="red.9" variant="filled" size="sm">
                      {t('records.plan.reviewLate')}
                    </Badge>
                  ) : null}
                </Group>
              ) : null}
              {plan.notes ? <Text size="sm">{plan.notes}</Text> : null}
              <AddSection label={t('records.plan.editPlan')}>
                {(close) => (
                  <RecordForm
                    entity="protectionPlan"
                    schema={ProtectionPlanInput}
                    fields={planFields(t)}
                    record={plan}
                    fixed={{ caseId }}
                    legend={t('records.plan.editPlan')}
                    submitLabel={t('records.save')}
                    onCancel={close}
                    autoFocus
                    onSaved={() => saved(close)}
                  />
                )}
              </AddSection>
              <Title order={3} size="h5">
                {t('records.plan.measuresTitle')}
              </Title>
              <MeasuresBoard measures={measures as Measure[]} today={today} onChanged={reload} />
              <AddSection label={t('records.plan.addMeasure')} testId="add-measure">
                {(close) => (
                  <RecordForm
                    entity="planMeasure"
                    schema={PlanMeasureInput}
                    fields={measureFields(t, lang)}
                    fixed={{ planId: plan.id }}
                    defaults={{ phase: 'prevention', status: 'planned' }}
                    legend={t('records.plan.newMeasureLegend')}
                    submitLabel={t('records.plan.saveMeasure')}
                    onCancel={close}
                    autoFocus
                    onSaved={() => saved(close)}
                    testId="measure-form"
                  />
                )}
              </AddSection>
              <Title order={3} size="h5">
                {t('records.plan.contactsTitle')}
              </Title>
              <Alert color="blue" variant="light">
                {t('records.plan.contactsNote')}
              </Alert>
              <RecordList empty={t('records.plan.noContacts')} label={t('records.plan.contactsTitle')}>
                {contacts.map((raw) => {
                  const c = raw as StoredRecord & { kind: string; name: string; details?: string };
                  return (
                    <RecordItem
                      key={c.id}
                      entity="planContact"
                      id={c.id}
                      what={c.name}
                      heading={`${pickLabel('planContactKind', c.kind, lang)} — ${c.name}`}
                      onDeleted={reload}
                      editForm={(close) => (
                        <RecordForm
                          entity="planContact"
                          schema={PlanContactInput}
                          fields={contactFields(t, lang)}
                          record={c}
                          omitOnValidate={['caseId']}
                          legend={t('records.plan.editContactLegend')}
                          submitLabel={t('records.save')}
                          onCancel={close}
                          autoFocus
                          onSaved={() => saved(close)}
                        />
                      )}
                    >
                      {c.details ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {c.details}
                        </Text>
                      ) : null}
                    </RecordItem>
                  );
                })}
              </RecordList>
              <AddSection label={t('records.plan.addContact')} testId="add-contact">
                {(close) => (
                  <RecordForm
                    entity="planContact"
                    schema={PlanContactInput}
                    fields={contactFields(t, lang)}
                    fixed={{ planId: plan.id }}
                    defaults={{ kind: 'emergency' }}
                    legend={t('records.plan.newContactLegend')}
                    submitLabel={t('records.plan.saveContact')}
                    onCancel={close}
                    autoFocus
                    onSaved={() => saved(close)}
                  />
                )}
              </AddSection>
            </Stack>
          </Paper>
        );
      })}
      <AddSection label={t('records.plan.create')} testId="add-plan">
        {(close) => (
          <RecordForm
            entity="protectionPlan"
            schema={ProtectionPlanInput}
            fields={planFields(t)}
            fixed={{ caseId }}
            legend={t('records.plan.newLegend')}
            submitLabel={t('records.plan.save')}
            onCancel={close}
            autoFocus
            onSaved={() => saved(close)}
            testId="plan-form"
          />
        )}
      </AddSection>
    </Stack>
  );
}
