import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlanMeasureInput } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { StoredRecord } from '../api.ts';
import { measureFields } from '../fields.ts';
import { formatDate } from '../format.ts';
import { pickLabel, WARN_COLOUR } from '../labels.ts';
import { groupByPhase, isOverdue, type MeasureLike, PHASES } from '../measures.ts';
import { RecordForm } from '../RecordForm.tsx';
import { RecordItem, RecordList } from '../RecordItem.tsx';

export type Measure = StoredRecord &
  MeasureLike & { planId: string; trigger?: string; action?: string; contact?: string; owner?: string };

const STATUS_COLOURS: Record<string, string> = {
  planned: 'blue.9',
  'in-progress': WARN_COLOUR,
  done: 'teal.9',
  cancelled: 'gray.8',
};

/** Measures in three columns (prevention / response / follow-up), overdue first and marked. */
export function MeasuresBoard({
  measures,
  today,
  onChanged,
}: {
  measures: Measure[];
  today: string;
  onChanged: () => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const groups = groupByPhase(measures, today);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" data-testid="measures-board">
      {PHASES.map((phase) => (
        <Stack key={phase} gap="xs" data-phase={phase}>
          <Title order={3} size="h5">
            {pickLabel('measurePhase', phase, lang)}
          </Title>
          <RecordList empty={t('records.plan.noMeasures')} label={pickLabel('measurePhase', phase, lang)}>
            {(groups[phase] ?? []).map((m) => {
              const late = isOverdue(m, today);
              return (
                <RecordItem
                  key={m.id}
                  entity="planMeasure"
                  id={m.id}
                  what={m.title}
                  heading={m.title}
                  highlight={late ? 'overdue' : undefined}
                  testId="measure"
                  onDeleted={onChanged}
                  editForm={(close) => (
                    <RecordForm
                      entity="planMeasure"
                      schema={PlanMeasureInput}
                      fields={measureFields(t, lang)}
                      record={m}
                      omitOnValidate={['caseId']}
                      legend={t('records.plan.editMeasureLegend')}
                      submitLabel={t('records.save')}
                      onCancel={close}
                      autoFocus
                      onSaved={async () => {
                        close();
                        await onChanged();
                      }}
                    />
                  )}
                >
                  <Group gap={4}>
                    {late ? (
                      <Badge color="red.9" variant="filled" size="sm">
                        {t('records.plan.overdue')}
                      </Badge>
                    ) : null}
                    <Badge color={STATUS_COLOURS[m.status] ?? 'gray.8'} variant="outline" size="sm">
                      {pickLabel('measureStatus', m.status, lang)}
                    </Badge>
                  </Group>
                  {m.trigger ? <Text size="sm">{t('records.plan.ifLine', { text: m.trigger })}</Text> : null}
                  {m.action ? <Text size="sm">{t('records.plan.doLine', { text: m.action })}</Text> : null}
                  {m.contact ? (
                    <Text size="sm">{t('records.plan.callLine', { text: m.contact })}</Text>
                  ) : null}
                  <Text size="xs">
                    {[
                      m.owner ? t('records.plan.ownerLine', { owner: m.owner }) : '',
                      m.dueOn ? t('records.plan.dueLine', { date: formatDate(m.dueOn, lang) }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </RecordItem>
              );
            })}
          </RecordList>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
