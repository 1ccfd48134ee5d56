/**
 * Choosing the contacts a sealed file goes to — the export wizard's and the sealed report's
 * recipient step: every contact with its verification badge; a contact whose key changed cannot be
 * picked (it must accept or reject the new key first); picking an unverified contact shows the
 * warning to compare fingerprints first. The core applies the same rules again when sealing.
 */
import { Alert, Checkbox, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactView } from '../identity/api.ts';
import { KeyChangedBadge, VerificationBadge } from '../identity/VerificationBadge.tsx';

export function RecipientPicker({
  contacts,
  chosen,
  onChange,
}: {
  /** Null while loading. */
  contacts: ContactView[] | null;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <>
      {contacts === null ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {contacts?.length === 0 ? <Alert color="gray">{t('sharing.export.noContacts')}</Alert> : null}
      {contacts?.map((contact) => (
        <Group key={contact.id} gap="xs" wrap="nowrap" data-testid="recipient-choice">
          <Checkbox
            label={`${contact.name} — ${contact.organisation}`}
            checked={chosen.includes(contact.id)}
            // A changed key blocks: the contact must accept or reject the new key first.
            disabled={contact.keyChanged}
            onChange={(event) => toggle(contact.id, event.currentTarget.checked)}
          />
          <VerificationBadge state={contact.verification} />
          {contact.keyChanged ? <KeyChangedBadge /> : null}
        </Group>
      ))}
      {contacts?.some((c) => c.keyChanged) ? (
        <Text size="sm" c="red.9">
          {t('sharing.export.keyChangedBlocked')}
        </Text>
      ) : null}
      {contacts?.some((c) => chosen.includes(c.id) && c.verification === 'unverified') ? (
        <Alert color="yellow" variant="light" role="alert" data-testid="unverified-warning">
          {t('sharing.export.unverifiedWarning')}
        </Alert>
      ) : null}
    </>
  );
}
