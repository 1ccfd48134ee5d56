/**
 * The risk log (severity × likelihood per event) and the protection-manual assessment over time:
 * risk = threat × vulnerability / capacity, drawn as a line, with the trend main computes.
 */
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskAssessmentInput, RiskEntryInput } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { type RiskTrend, recordsApi, type StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { assessmentFields, riskEntryFields } from '../fields.ts';
import { formatDate, formatDateTime, todayIso } from '../format.ts';
import { kindLabel, pickLabel, WARN_COLOUR } from '../labels.ts';
import { RecordError } from '../RecordError.tsx';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';
import { RiskChart } from './RiskChart.tsx';

type Entry = StoredRecord & {
  occurredAt: string;
  channel: string;
  actorType: string;
  threatKind?: string;
  severity: number;
  likelihood: number;
  description?: string;
};

const TREND_COLOURS: Record<RiskTrend['trend'], string> = {
  rising: 'red.9',
  falling: 'teal.9',
  steady: 'blue.9',
  unknown: 'gray.8',
};

export function riskColour(score: number): string {
  return score >= 15 ? 'red.9' : score >= 8 ? WARN_COLOUR : 'gray.8';
}

export function RiskTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  const [trend, setTrend] = useState<RiskTrend | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const assessmentsCount = detail.riskAssessments.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch when the assessments change
  useEffect(() => {
    recordsApi.riskTrend(caseId).then(setTrend, (caught) => setError(toUiError(caught)));
  }, [caseId, assessmentsCount, detail]);

  const entryFields = riskEntryFields(t, lang);
  const reloaded = async (close: () => void) => {
    close();
    await reload();
  };

  return (
    <Stack gap="lg">
      <RecordError error={error} />
      <Stack gap="sm" component="section" aria-labelledby="risk-log-title">
        <Title order={2} size="h4" id="risk-log-title">
          {t('records.risk.logTitle')}
        </Title>
        <RecordList empty={t('records.risk.emptyLog')} label={t('records.risk.logTitle')}>
          {detail.riskEntries.map((raw) => {
            const e = raw as Entry;
            const score = e.severity * e.likelihood;
            const what = t('records.risk.entryWhat', {
              date: formatDateTime(e.occurredAt, lang),
              channel: pickLabel('riskChannel', e.channel, lang),
            });
            return (
              <RecordItem
                key={e.id}
                entity="riskEntry"
                id={e.id}
                what={what}
                heading={what}
                onDeleted={reload}
                editForm={(close) => (
                  <RecordForm
                    entity="riskEntry"
                    schema={RiskEntryInput}
                    fields={entryFields}
                    record={e}
                    fixed={{ caseId }}
                    legend={t('records.risk.editEntryLegend')}
                    submitLabel={t('records.save')}
                    onCancel={close}
                    autoFocus
                    onSaved={() => reloaded(close)}
                  />
                )}
              >
                <Group gap={6}>
                  <Badge color={riskColour(score)} variant="filled" size="sm">
                    {t('records.risk.score', { severity: e.severity, likelihood: e.likelihood, score })}
                  </Badge>
                  <Text size="sm">{pickLabel('actorType', e.actorType, lang)}</Text>
                  {e.threatKind ? <Text size="sm">· {kindLabel(e.threatKind, lang)}</Text> : null}
                </Group>
                {e.description ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.description}
                  </Text>
                ) : null}
              </RecordItem>
            );
          })}
        </RecordList>
        <AddSection label={t('records.risk.addEntry')} testId="add-risk-entry">
          {(close) => (
            <RecordForm
              entity="riskEntry"
              schema={RiskEntryInput}
              fields={entryFields}
              fixed={{ caseId }}
              defaults={{ severity: '3', likelihood: '3' }}
              legend={t('records.risk.newEntryLegend')}
              submitLabel={t('records.risk.saveEntry')}
              onCancel={close}
              autoFocus
              onSaved={() => reloaded(close)}
              testId="risk-entry-form"
            />
          )}
        </AddSection>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="risk-assessment-title">
        <Title order={2} size="h4" id="risk-assessment-title">
          {t('records.risk.assessmentTitle')}
        </Title>
        <Text size="sm">{t('records.risk.equation')}</Text>
        {trend ? (
          <Group gap="xs">
            <Text size="sm">{t('records.risk.trendLabel')}</Text>
            <Badge
              color={TREND_COLOURS[trend.trend]}
              variant="filled"
              data-testid="risk-trend"
              data-trend={trend.trend}
            >
              {t(`records.risk.trend.${trend.trend}`)}
            </Badge>
          </Group>
        ) : null}
        {trend && trend.points.length > 0 ? (
          <>
            <RiskChart points={trend.points} />
            <Table striped withTableBorder>
              <Table.Caption>{t('records.risk.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('records.field.assessedOn')}</Table.Th>
                  <Table.Th>{t('records.field.threat')}</Table.Th>
                  <Table.Th>{t('records.field.vulnerability')}</Table.Th>
                  <Table.Th>{t('records.field.capacity')}</Table.Th>
                  <Table.Th>{t('records.risk.riskColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.points.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, dated series (two on one day are possible)
                  <Table.Tr key={`${p.on}-${i}`}>
                    <Table.Td>{formatDate(p.on, lang)}</Table.Td>
                    <Table.Td>{p.threat}</Table.Td>
                    <Table.Td>{p.vulnerability}</Table.Td>
                    <Table.Td>{p.capacity}</Table.Td>
                    <Table.Td>
                      {p.score.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
                        maximumFractionDigits: 1,
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
        <RecordList empty={t('records.risk.emptyAssessments')} label={t('records.risk.assessmentTitle')}>
          {detail.riskAssessments.map((raw) => {
            const a = raw as StoredRecord & { assessedOn: string; notes?: string };
            const what = t('records.risk.assessmentWhat', { date: formatDate(a.assessedOn, lang) });
            return (
              <RecordItem
                key={a.id}
                entity="riskAssessment"
                id={a.id}
                what={what}
                heading={what}
                onDeleted={reload}
                editForm={(close) => (
                  <RecordForm
                    entity="riskAssessment"
                    schema={RiskAssessmentInput}
                    fields={assessmentFields(t)}
                    record={a}
                    fixed={{ caseId }}
                    omitOnValidate={['score']}
                    legend={t('records.risk.editAssessmentLegend')}
                    submitLabel={t('records.save')}
                    onCancel={close}
                    autoFocus
                    onSaved={() => reloaded(close)}
                  />
                )}
              >
                {a.notes ? <Text size="sm">{a.notes}</Text> : null}
              </RecordItem>
            );
          })}
        </RecordList>
        <AddSection label={t('records.risk.addAssessment')} testId="add-assessment">
          {(close) => (
            <RecordForm
              entity="riskAssessment"
              schema={RiskAssessmentInput}
              fields={assessmentFields(t)}
              fixed={{ caseId }}
              defaults={{ assessedOn: todayIso(), threat: '3', vulnerability: '3', capacity: '3' }}
              legend={t('records.risk.newAssessmentLegend')}
              submitLabel={t('records.risk.saveAssessment')}
              onCancel={close}
              autoFocus
              onSaved={() => reloaded(close)}
              testId="assessment-form"
            />
          )}
        </AddSection>
      </Stack>
    </Stack>
  );
}
