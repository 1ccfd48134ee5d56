/**
 * The records of a received export, read-only, as they came (a `casevault.records/1` document,
 * docs/records-format.md), shown the way the sender's own screens show them: one block per case
 * (code, title, its fields) marked as received, then its people with their role, incidents, risk
 * log, plan, consents, referrals, OCSEA reports and notes — with the records screens' labels in
 * French or English, pick-list codes as their names, dates formatted. Records attached to no case of
 * the file come after, under "Other records". Kinds, fields and codes this version does not know
 * are shown as stored and marked (received-records-model.ts). Nothing here can edit them; they are
 * not merged into the vault's own cases. Long exports show the first MAX_SHOWN records of each kind
 * per case and say how many more there are.
 */
import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate, formatDateTime } from '../records/format.ts';
import { kindLabel, pickLabel, WARN_COLOUR } from '../records/labels.ts';
import { type ExtraRow, ReceivedRecordCard, UnknownCode } from './ReceivedRecordCard.tsx';
import {
  caseIdOf,
  fieldsFor,
  isKnownArray,
  KNOWN_ARRAYS,
  parseReceivedDoc,
  type ReceivedDoc,
  type Row,
} from './received-records-model.ts';

const MAX_SHOWN = 200;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A pick-list code's name, or the code marked as unknown. */
function Coded({
  list,
  code,
  lang,
}: {
  list: Parameters<typeof pickLabel>[0];
  code: unknown;
  lang: Language;
}) {
  if (typeof code !== 'string' || code === '') return null;
  const label = pickLabel(list, code, lang);
  return label === code ? <UnknownCode code={code} /> : label;
}

/** The heading the sender's list gives a record of this kind. */
function headingOf(array: string, row: Row, doc: ReceivedDoc, t: TFunction, lang: Language): ReactNode {
  switch (array) {
    case 'incidents': {
      const precision = text(row.datePrecision);
      const when = `${formatDate(text(row.occurredOn), lang)}${precision && precision !== 'exact' ? ` (${pickLabel('datePrecision', precision, lang)})` : ''}`;
      return `${when} — ${kindLabel(text(row.kind), lang, doc.customKinds)}`;
    }
    case 'riskEntries':
      return `${formatDateTime(text(row.occurredAt), lang)} — ${pickLabel('riskChannel', text(row.channel), lang)}`;
    case 'riskAssessments':
      return formatDate(text(row.assessedOn), lang);
    case 'protectionPlans':
    case 'planMeasures':
      return text(row.title);
    case 'planContacts':
      return text(row.name);
    case 'consents': {
      const person = doc.arrays.get('people')?.find((p) => p.id === row.personId);
      return `${text(person?.alias) || '—'} — ${formatDate(text(row.givenOn), lang)}`;
    }
    case 'referrals':
      return `${pickLabel('serviceKind', text(row.serviceKind), lang)} — ${text(row.provider)}`;
    case 'ocseaReports':
      return `${text(row.platform)} — ${formatDate(text(row.reportedOn), lang)}`;
    case 'notes':
      return formatDateTime(text(row.createdAt), lang);
    case 'people':
      return text(row.alias);
    default:
      return text(row.title) || text(row.name) || text(row.id) || t('receivedView.record');
  }
}

/** An incident's people: "alias (role)", a role this version does not know marked. */
function incidentPeople(row: Row, doc: ReceivedDoc, t: TFunction, lang: Language): ExtraRow[] {
  if (!Array.isArray(row.people) || row.people.length === 0) return [];
  const people = doc.arrays.get('people') ?? [];
  return [
    {
      key: 'people',
      label: t('receivedView.field.people'),
      value: (row.people as unknown[]).map((entry, i) => {
        const link = (entry ?? {}) as Row;
        const alias = text(people.find((p) => p.id === link.personId)?.alias) || '—';
        return (
          <span key={`${text(link.personId)}:${text(link.role)}`}>
            {i > 0 ? ', ' : ''}
            {alias} (<Coded list="personRole" code={link.role} lang={lang} />)
          </span>
        );
      }),
    },
  ];
}

function ArrayTitle({ array }: { array: string }) {
  const { t } = useTranslation();
  if (isKnownArray(array)) return <>{t(`sharing.recordKinds.${array}`)}</>;
  return (
    <>
      <Code>{array}</Code>{' '}
      <Badge component="span" size="xs" color={WARN_COLOUR} variant="filled">
        {t('receivedView.unknownKind')}
      </Badge>
    </>
  );
}

/** One kind of record within a case (or among the other records). */
function ArraySection({
  array,
  rows,
  doc,
  roles,
}: {
  array: string;
  rows: Row[];
  doc: ReceivedDoc;
  /** People only: their role(s) in the case shown. */
  roles?: Map<string, string[]>;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const specs = isKnownArray(array) ? fieldsFor(array, doc, t, lang) : [];
  return (
    <Stack gap={4} data-testid="received-kind" data-kind={array}>
      <Title order={5} size="h6">
        <ArrayTitle array={array} /> ({rows.length})
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.slice(0, MAX_SHOWN).map((row, i) => {
          const personRoles = roles?.get(text(row.id)) ?? [];
          const heading =
            personRoles.length > 0 ? (
              <>
                {headingOf(array, row, doc, t, lang)} —{' '}
                {personRoles.map((role, j) => (
                  <span key={role}>
                    {j > 0 ? ', ' : ''}
                    <Coded list="personRole" code={role} lang={lang} />
                  </span>
                ))}
              </>
            ) : (
              headingOf(array, row, doc, t, lang)
            );
          return (
            <ReceivedRecordCard
              key={text(row.id) || i}
              kind={array}
              row={row}
              heading={heading}
              specs={specs}
              extraRows={array === 'incidents' ? incidentPeople(row, doc, t, lang) : []}
              handled={array === 'incidents' ? ['people'] : []}
            />
          );
        })}
      </Stack>
      {rows.length > MAX_SHOWN ? (
        <Text size="sm">{t('sharing.received.more', { count: rows.length - MAX_SHOWN })}</Text>
      ) : null}
    </Stack>
  );
}

/** Record arrays in display order: the known ones as the case view orders them, then unknown ones. */
function orderedArrays(doc: ReceivedDoc): string[] {
  const unknown = [...doc.arrays.keys()].filter((name) => !isKnownArray(name));
  return [...KNOWN_ARRAYS.filter((name) => doc.arrays.has(name)), ...unknown];
}

function ReceivedCase({ kase, doc }: { kase: Row; doc: ReceivedDoc }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const caseId = text(kase.id);
  const roles = new Map<string, string[]>();
  for (const link of doc.casePeople) {
    if (link.caseId === caseId) roles.set(link.personId, [...(roles.get(link.personId) ?? []), link.role]);
  }
  const sections = orderedArrays(doc).flatMap((array) => {
    const all = doc.arrays.get(array) ?? [];
    const rows =
      array === 'people'
        ? all.filter((p) => roles.has(text(p.id)))
        : all.filter((row) => caseIdOf(doc, array, row) === caseId);
    return rows.length > 0 ? [{ array, rows }] : [];
  });
  const headingId = `received-case-${caseId}`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="received-case"
    >
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" align="flex-start">
          <Title order={4} size="h5" id={headingId}>
            {t('receivedView.caseHeading', { code: text(kase.code), title: text(kase.title) })}
          </Title>
          <Badge color="indigo.9" variant="filled">
            {t('receivedView.received')}
          </Badge>
        </Group>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          <ReceivedRecordCard
            kind="cases"
            row={kase}
            heading={null}
            specs={fieldsFor('cases', doc, t, lang)}
          />
        </Stack>
        {sections.map(({ array, rows }) => (
          <ArraySection key={array} array={array} rows={rows} doc={doc} roles={roles} />
        ))}
      </Stack>
    </Paper>
  );
}

export function ReceivedRecords({ json }: { json: string | null }) {
  const { t } = useTranslation();
  const doc = useMemo(() => parseReceivedDoc(json), [json]);
  const others = useMemo(() => {
    if (!doc) return [];
    const caseIds = new Set(doc.cases.map((c) => text(c.id)));
    const linked = new Set(doc.casePeople.filter((l) => caseIds.has(l.caseId)).map((l) => l.personId));
    return orderedArrays(doc).flatMap((array) => {
      const rows = (doc.arrays.get(array) ?? []).filter((row) =>
        array === 'people' ? !linked.has(text(row.id)) : !caseIds.has(caseIdOf(doc, array, row) ?? ''),
      );
      return rows.length > 0 ? [{ array, rows }] : [];
    });
  }, [doc]);
  const empty = doc !== null && doc.cases.length === 0 && others.length === 0;
  return (
    <Stack gap="sm" data-testid="received-records">
      <Title order={3} size="h4">
        {t('sharing.received.records')}
      </Title>
      {doc === null ? <Text size="sm">{t('sharing.received.recordsUnreadable')}</Text> : null}
      {empty ? <Text size="sm">{t('sharing.received.noRecords')}</Text> : null}
      {doc?.cases.slice(0, MAX_SHOWN).map((kase, i) => (
        <ReceivedCase key={text(kase.id) || i} kase={kase} doc={doc} />
      ))}
      {doc && doc.cases.length > MAX_SHOWN ? (
        <Text size="sm">{t('sharing.received.more', { count: doc.cases.length - MAX_SHOWN })}</Text>
      ) : null}
      {doc && others.length > 0 ? (
        <Stack gap="xs" data-testid="received-other-records">
          <Title order={4} size="h5">
            {t('receivedView.otherRecords')}
          </Title>
          {others.map(({ array, rows }) => (
            <ArraySection key={array} array={array} rows={rows} doc={doc} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
