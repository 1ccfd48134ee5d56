import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoteInput } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { noteFields } from '../fields.ts';
import { formatDateTime } from '../format.ts';
import { RecordForm } from '../RecordForm.tsx';
import { RecordItem, RecordList } from '../RecordItem.tsx';

export function NotesTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  return (
    <Stack gap="md">
      <RecordForm
        entity="note"
        schema={NoteInput}
        fields={noteFields(t)}
        fixed={{ caseId }}
        legend={t('records.note.newLegend')}
        submitLabel={t('records.note.add')}
        onSaved={reload}
      />
      <RecordList empty={t('records.note.empty')} label={t('records.tabs.notes')}>
        {detail.notes.map((raw) => {
          const n = raw as StoredRecord & { body: string };
          const when = formatDateTime(n.createdAt, lang);
          return (
            <RecordItem
              key={n.id}
              entity="note"
              id={n.id}
              what={t('records.note.what', { date: when })}
              heading={when}
              onDeleted={reload}
              editForm={(close) => (
                <RecordForm
                  entity="note"
                  schema={NoteInput}
                  fields={noteFields(t)}
                  record={n}
                  fixed={{ caseId }}
                  legend={t('records.note.editLegend')}
                  submitLabel={t('records.save')}
                  onCancel={close}
                  autoFocus
                  onSaved={async () => {
                    close();
                    await reload();
                  }}
                />
              )}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Text>
            </RecordItem>
          );
        })}
      </RecordList>
    </Stack>
  );
}
