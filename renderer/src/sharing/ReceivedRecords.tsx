/**
 * The records of a received export, read-only, as they came (a `casevault.records/1` document,
 * docs/records-format.md): one section per kind of record, each record as field/value rows. Nothing
 * here can edit them; they are not merged into the vault's own cases. Long exports show the first
 * MAX_SHOWN records of each kind and say how many more there are.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_SHOWN = 200;
const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

type Row = Record<string, unknown>;

function parse(json: string | null): Array<[string, Row[]]> | null {
  if (json === null) return [];
  try {
    const doc = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(doc).filter(
      (entry): entry is [string, Row[]] =>
        Array.isArray(entry[1]) && entry[1].length > 0 && typeof entry[1][0] === 'object',
    );
  } catch {
    return null;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '—' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(show).join(', ') || '—';
  return (
    Object.entries(value as Row)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(' · ') || '—'
  );
}

export function ReceivedRecords({ json }: { json: string | null }) {
  const { t } = useTranslation();
  const sections = useMemo(() => parse(json), [json]);
  return (
    <Stack gap="sm" data-testid="received-records">
      <Title order={3} size="h4">
        {t('sharing.received.records')}
      </Title>
      {sections === null ? <Text size="sm">{t('sharing.received.recordsUnreadable')}</Text> : null}
      {sections?.length === 0 ? <Text size="sm">{t('sharing.received.noRecords')}</Text> : null}
      {sections?.map(([kind, rows]) => (
        <Stack key={kind} gap={4}>
          <Text fw={600} size="sm">
            {t(`sharing.recordKinds.${kind}`, { defaultValue: kind })} ({rows.length})
          </Text>
          {rows.slice(0, MAX_SHOWN).map((row, i) => (
            <Table
              key={typeof row.id === 'string' ? row.id : i}
              withTableBorder
              data-testid="received-record"
              data-kind={kind}
            >
              <Table.Tbody>
                {Object.entries(row)
                  .filter(([field]) => !HIDDEN_FIELDS.has(field))
                  .map(([field, value]) => (
                    <Table.Tr key={field}>
                      <Table.Th scope="row" w="30%">
                        {field}
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(value)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          ))}
          {rows.length > MAX_SHOWN ? (
            <Text size="sm">{t('sharing.received.more', { count: rows.length - MAX_SHOWN })}</Text>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
