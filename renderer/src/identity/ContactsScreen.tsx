/**
 * Contacts: the list (role, organisation, verification, key-changed warnings), the card import,
 * and one contact's page when opened.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { type ContactView, identityApi } from './api.ts';
import { ContactPage } from './ContactPage.tsx';
import { ImportCard } from './ImportCard.tsx';
import { roleLabel } from './labels.ts';
import { KeyChangedBadge, VerificationBadge } from './VerificationBadge.tsx';

export function ContactsScreen() {
  const { t } = useTranslation();
  const [contacts, setContacts] = useState<ContactView[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  const reload = useCallback(() => {
    identityApi.listContacts().then(setContacts, (caught) => setError(toUiError(caught)));
  }, []);
  useEffect(reload, [reload]);

  if (open) {
    return (
      <ContactPage
        id={open}
        onBack={() => {
          setOpen(null);
          reload();
        }}
      />
    );
  }

  return (
    <Stack>
      <ScreenTitle>{t('contacts.title')}</ScreenTitle>
      <Text>{t('contacts.intro')}</Text>
      <ErrorAlert error={error} />
      <Paper withBorder p="md" component="section" aria-labelledby="contacts-list">
        <Stack gap="sm">
          <Title order={2} size="h4" id="contacts-list">
            {t('contacts.listTitle', { n: contacts?.length ?? 0 })}
          </Title>
          {contacts && contacts.length === 0 ? <Text size="sm">{t('contacts.empty')}</Text> : null}
          {contacts && contacts.length > 0 ? (
            <Table striped highlightOnHover data-testid="contacts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contacts.name')}</Table.Th>
                  <Table.Th>{t('contacts.roleLabel')}</Table.Th>
                  <Table.Th>{t('contacts.state')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('contacts.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contacts.map((c) => (
                  <Table.Tr key={c.id} data-testid="contact-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.name}
                      </Text>
                      {c.organisation ? <Text size="xs">{c.organisation}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="blue.9" size="sm">
                        {roleLabel(t, c.role)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.keyChanged ? <KeyChangedBadge /> : <VerificationBadge state={c.verification} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpen(c.id)}
                        aria-label={t('contacts.openNamed', { name: c.name })}
                      >
                        {t('contacts.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      </Paper>
      <ImportCard
        onImported={(result) => {
          reload();
          if (result.outcome === 'key-changed') setOpen(result.contact.id);
        }}
      />
    </Stack>
  );
}
