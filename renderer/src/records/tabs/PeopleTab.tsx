/**
 * People linked to the case, by alias with their roles. A real name is kept apart by the core and
 * shown here only after "Reveal", which main writes to the audit log; it stays on screen only
 * until the tab changes (this component unmounts).
 */
import { Alert, Badge, Button, CloseButton, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonInput } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { recordsApi, type StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { personFields } from '../fields.ts';
import { pickLabel, pickOptions, WARN_COLOUR } from '../labels.ts';
import { RecordError } from '../RecordError.tsx';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';

function Reveal({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<UiError | null>(null);
  const reveal = async () => {
    try {
      setName((await recordsApi.revealIdentity(personId)).realName);
    } catch (caught) {
      setError(toUiError(caught));
    }
  };
  if (name === undefined) {
    return (
      <Stack gap={4}>
        <Group>
          <Button size="xs" variant="outline" color={WARN_COLOUR} onClick={reveal}>
            {t('records.person.reveal')}
          </Button>
        </Group>
        <RecordError error={error} />
      </Stack>
    );
  }
  return (
    <Alert color="orange" variant="light" role="status" data-testid="revealed-name">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={700}>{name ?? t('records.person.noRealName')}</Text>
          <Text size="xs">{t('records.person.revealLogged')}</Text>
        </div>
        <CloseButton aria-label={t('records.person.hide')} onClick={() => setName(undefined)} />
      </Group>
    </Alert>
  );
}

function LinkExisting({ linkedIds }: { linkedIds: Set<string> }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { caseId, reload } = useCase();
  const [people, setPeople] = useState<StoredRecord[]>([]);
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    recordsApi.listPeople().then(setPeople, (caught) => setError(toUiError(caught)));
  }, []);
  const link = async () => {
    if (!personId || !role) {
      setMissing(true);
      return;
    }
    try {
      await recordsApi.linkPerson(caseId, personId, role);
      setPersonId(null);
      await reload();
    } catch (caught) {
      setError(toUiError(caught));
    }
  };
  const options = people
    .filter((p) => !linkedIds.has(p.id))
    .map((p) => ({ value: p.id, label: String(p.alias) }));
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('records.person.linkTitle')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('records.field.person')}
          data={options}
          value={personId}
          onChange={setPersonId}
          searchable
          nothingFoundMessage={t('records.nothingFound')}
          error={missing && !personId ? t('records.validation.choose') : undefined}
        />
        <Select
          label={t('records.field.role')}
          data={pickOptions('personRole', lang)}
          value={role}
          onChange={setRole}
          error={missing && !role ? t('records.validation.choose') : undefined}
        />
        <Button variant="light" onClick={link}>
          {t('records.person.link')}
        </Button>
      </Group>
      <RecordError error={error} />
    </Stack>
  );
}

function AddPerson({ close }: { close: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { caseId, reload } = useCase();
  const [role, setRole] = useState<string | null>('survivor');
  const [error, setError] = useState<UiError | null>(null);
  return (
    <Stack gap="xs">
      <Select
        label={t('records.field.role')}
        description={t('records.person.roleHint')}
        data={pickOptions('personRole', lang)}
        value={role}
        onChange={setRole}
        required
      />
      <RecordForm
        entity="person"
        schema={PersonInput}
        fields={personFields(t, lang, true)}
        legend={t('records.person.newLegend')}
        submitLabel={t('records.person.add')}
        onCancel={close}
        autoFocus
        onSaved={async (person) => {
          try {
            await recordsApi.linkPerson(caseId, person.id, role ?? 'other');
            close();
          } catch (caught) {
            setError(toUiError(caught));
          }
          await reload();
        }}
        testId="person-form"
      />
      <RecordError error={error} />
    </Stack>
  );
}

export function PeopleTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  const [error, setError] = useState<UiError | null>(null);
  const unlink = async (personId: string, role: string) => {
    try {
      await recordsApi.unlinkPerson(caseId, personId, role);
      await reload();
    } catch (caught) {
      setError(toUiError(caught));
    }
  };
  return (
    <Stack gap="md">
      <RecordError error={error} />
      <RecordList empty={t('records.person.empty')} label={t('records.tabs.people')}>
        {detail.people.map(({ person, roles }) => {
          const p = person as StoredRecord;
          return (
            <RecordItem
              key={p.id}
              entity="person"
              id={p.id}
              what={String(p.alias)}
              heading={String(p.alias)}
              onDeleted={reload}
              editForm={(close) => (
                <RecordForm
                  entity="person"
                  schema={PersonInput}
                  fields={personFields(t, lang, false)}
                  record={p}
                  legend={t('records.person.editLegend', { alias: String(p.alias) })}
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
              <Group gap={6}>
                {roles.map((role) => (
                  <Badge
                    key={role}
                    variant="outline"
                    color="blue.9"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('records.person.unlink', {
                          alias: String(p.alias),
                          role: pickLabel('personRole', role, lang),
                        })}
                        onClick={() => unlink(p.id, role)}
                      />
                    }
                  >
                    {pickLabel('personRole', role, lang)}
                  </Badge>
                ))}
              </Group>
              <Text size="xs">
                {[pickLabel('ageGroup', p.ageGroup as string, lang), pickLabel('sex', p.sex as string, lang)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {p.hasRealName ? <Reveal personId={p.id} /> : null}
            </RecordItem>
          );
        })}
      </RecordList>
      <AddSection label={t('records.person.addNew')} testId="add-person">
        {(close) => <AddPerson close={close} />}
      </AddSection>
      <LinkExisting linkedIds={new Set(detail.people.map((p) => p.person.id))} />
    </Stack>
  );
}
