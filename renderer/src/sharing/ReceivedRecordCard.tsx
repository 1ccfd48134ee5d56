/**
 * One received record, read-only: a heading like the sender's list shows it, then its fields as
 * label/value rows with the records screens' labels and formats (dates in the UI language, pick-list
 * codes as their FR/EN names). A code this version does not know, or a field it has never heard of
 * (a sender on a newer version), is shown as stored and marked — never hidden, never a crash.
 */
import { Badge, Button, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate, formatDateTime } from '../records/format.ts';
import { WARN_COLOUR } from '../records/labels.ts';
import type { FieldSpec } from '../records/RecordForm.tsx';
import {
  isEmptyValue,
  optionLabel,
  type Row,
  showRaw,
  uncoveredKeys,
  valueAt,
} from './received-records-model.ts';

export function UnknownCode({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid="unknown-code" title={t('receivedView.unknownHint')}>
      <Code>{code}</Code>{' '}
      <Badge component="span" size="xs" color={WARN_COLOUR} variant="filled">
        {t('receivedView.unknownCode')}
      </Badge>
    </span>
  );
}

function codeOrLabel(spec: FieldSpec, value: unknown): ReactNode {
  if (typeof value !== 'string') return <UnknownCode code={showRaw(value)} />;
  const label = optionLabel(spec.data, value);
  return label ?? <UnknownCode code={value} />;
}

export function FieldValue({ spec, value, lang }: { spec: FieldSpec; value: unknown; lang: Language }) {
  const { t } = useTranslation();
  switch (spec.kind) {
    case 'select':
      return <>{codeOrLabel(spec, value)}</>;
    case 'multiselect': {
      const codes = Array.isArray(value) ? value : [value];
      return (
        <>
          {codes.map((code, i) => (
            <span key={showRaw(code)}>
              {i > 0 ? ', ' : ''}
              {codeOrLabel(spec, code)}
            </span>
          ))}
        </>
      );
    }
    case 'date':
      return <>{typeof value === 'string' ? formatDate(value, lang) : showRaw(value)}</>;
    case 'datetime':
      return <>{typeof value === 'string' ? formatDateTime(value, lang) : showRaw(value)}</>;
    case 'boolean':
      return (
        <>
          {value === true ? t('records.field.yes') : value === false ? t('records.field.no') : showRaw(value)}
        </>
      );
    default:
      return <>{showRaw(value)}</>;
  }
}

export interface ExtraRow {
  key: string;
  label: string;
  value: ReactNode;
}

export function ReceivedRecordCard({
  kind,
  row,
  heading,
  specs,
  extraRows = [],
  handled = [],
}: {
  /** The document array the record comes from (`incidents`, …), for tests and screen readers. */
  kind: string;
  row: Row;
  /** Null when the block around it already says what it is (a case's own fields). */
  heading: ReactNode | null;
  specs: FieldSpec[];
  /** Rows the specs cannot express (e.g. an incident's people and their roles). */
  extraRows?: ExtraRow[];
  /** Keys those extra rows show, so they are not listed again as unknown. */
  handled?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const filled = specs.filter((spec) => !isEmptyValue(valueAt(row, spec.name)));
  const plain = filled.filter((spec) => !spec.section);
  const identifying = filled.filter((spec) => spec.section);
  const unknown = uncoveredKeys(row, specs, handled);
  // Like the sender's People tab, identifying data (real name, safe contact) is not on screen until
  // asked for, and leaves the screen again with the record.
  const [revealed, setRevealed] = useState(false);
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="received-record" data-kind={kind}>
      <Stack gap={4}>
        {heading === null ? null : (
          <Text fw={600} size="sm" component="h6" m={0}>
            {heading}
          </Text>
        )}
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {plain.map((spec) => (
              <Table.Tr key={spec.name} data-testid="received-field" data-field={spec.name}>
                <Table.Th scope="row" w="35%" fw={500}>
                  {spec.label}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  <FieldValue spec={spec} value={valueAt(row, spec.name)} lang={lang} />
                </Table.Td>
              </Table.Tr>
            ))}
            {extraRows.map((extra) => (
              <Table.Tr key={extra.key} data-testid="received-field" data-field={extra.key}>
                <Table.Th scope="row" w="35%" fw={500}>
                  {extra.label}
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{extra.value}</Table.Td>
              </Table.Tr>
            ))}
            {unknown.map((key) => (
              <Table.Tr key={key} data-testid="received-field" data-field={key} data-unknown="true">
                <Table.Th scope="row" w="35%" fw={500}>
                  <Code>{key}</Code>{' '}
                  <Badge component="span" size="xs" color={WARN_COLOUR} variant="filled">
                    {t('receivedView.unknownField')}
                  </Badge>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {showRaw(valueAt(row, key))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {identifying.length > 0 ? (
          <div>
            <Button
              size="xs"
              variant="outline"
              color={WARN_COLOUR}
              onClick={() => setRevealed((shown) => !shown)}
              aria-expanded={revealed}
              data-testid="received-reveal"
            >
              {revealed ? t('receivedView.hideIdentifying') : t('receivedView.revealIdentifying')}
            </Button>
          </div>
        ) : null}
        {identifying.length > 0 && revealed ? (
          <Table withTableBorder verticalSpacing={2} data-testid="received-identifying">
            <Table.Caption>{identifying[0]!.section!.title}</Table.Caption>
            <Table.Tbody>
              {identifying.map((spec) => (
                <Table.Tr key={spec.name} data-testid="received-field" data-field={spec.name}>
                  <Table.Th scope="row" w="35%" fw={500}>
                    {spec.label}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    <FieldValue spec={spec} value={valueAt(row, spec.name)} lang={lang} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
