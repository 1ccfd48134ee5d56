/**
 * One contact: the fingerprint as digits and QR side by side (to compare with what they read out
 * or show), a field to type the digits they read, verification (in person / by phone / not
 * verified, with date), the role, a key-change decision when new keys arrived (accepting warns and
 * resets verification), the key history, and deletion.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { type ContactDetailView, identityApi } from './api.ts';
import { CopyableCard } from './CopyableCard.tsx';
import { FingerprintDigits } from './FingerprintDigits.tsx';
import { formatDate, roleOptions } from './labels.ts';
import { QrCode } from './QrCode.tsx';
import { KeyChangedBadge, VerificationBadge } from './VerificationBadge.tsx';

/** Digits typed while the other person reads theirs: spaces and dashes ignored, all 60 must match. */
export function compareDigits(expected: string[], typed: string): 'empty' | 'partial' | 'match' | 'mismatch' {
  const cleaned = typed.replace(/[\s.\-–—]/gu, '');
  if (cleaned === '') return 'empty';
  const all = expected.join('');
  if (!/^\d*$/.test(cleaned)) return 'mismatch';
  if (cleaned.length < all.length) return all.startsWith(cleaned) ? 'partial' : 'mismatch';
  return cleaned === all ? 'match' : 'mismatch';
}

/** A field for the digits someone reads out, and whether they match so far. */
function DigitsCheck(props: {
  expected: string[];
  value: string;
  onChange: (value: string) => void;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const comparison = compareDigits(props.expected, props.value);
  return (
    <Stack gap={4}>
      <TextInput
        label={props.label}
        description={t('contacts.typeDigitsHelp')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        inputMode="numeric"
        autoComplete="off"
        maw={520}
      />
      <Text
        size="sm"
        role="status"
        data-testid={props.testId}
        data-result={comparison}
        c={comparison === 'mismatch' ? 'red.9' : undefined}
        fw={comparison === 'empty' ? undefined : 600}
      >
        {comparison === 'empty' ? '' : t(`contacts.comparison.${comparison}`)}
      </Text>
    </Stack>
  );
}

export function ContactPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [contact, setContact] = useState<ContactDetailView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [typed, setTyped] = useState('');
  const [typedNew, setTypedNew] = useState('');
  const [confirm, setConfirm] = useState<'accept' | 'delete' | null>(null);
  const [notice, setNotice] = useState('');

  const reload = useCallback(() => {
    identityApi.getContact(id).then(setContact, (caught) => setError(toUiError(caught)));
  }, [id]);
  useEffect(reload, [reload]);

  const act = async (work: () => Promise<unknown>, message?: string) => {
    setError(null);
    setNotice('');
    try {
      await work();
      setConfirm(null);
      if (message) setNotice(message);
      reload();
    } catch (caught) {
      setConfirm(null);
      setError(toUiError(caught));
    }
  };

  if (!contact) {
    return (
      <Stack>
        <ScreenTitle>{t('contacts.title')}</ScreenTitle>
        <ErrorAlert error={error} />
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('contacts.back')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const verify = (state: VerificationState) =>
    act(() => identityApi.verify(contact.id, state), t(`contacts.verifiedNotice.${state}`));

  return (
    <Stack>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('contacts.back')}
        </Button>
      </Group>
      <ScreenTitle>{contact.name}</ScreenTitle>
      <Text>
        {[contact.organisation, contact.cardRole].filter(Boolean).join(' · ') || t('contacts.noOrganisation')}
      </Text>
      <Group gap="xs">
        {contact.keyChanged ? <KeyChangedBadge /> : null}
        <VerificationBadge state={contact.verification} />
        {contact.verifiedAt ? (
          <Text size="sm">
            {t('contacts.verifiedOn', { date: formatDate(contact.verifiedAt, language) })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {notice ? (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}

      {contact.pending ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('contacts.keyChangedTitle')}
          data-testid="key-changed-warning"
        >
          <Stack gap="sm">
            <Text size="sm">{t('contacts.keyChangedText')}</Text>
            <Text size="sm" fw={600}>
              {t('contacts.newFingerprint')}
            </Text>
            <Group align="flex-start" gap="xl">
              <FingerprintDigits digits={contact.pending.fingerprint.digits} testId="pending-fingerprint" />
              <QrCode text={contact.pending.fingerprint.qrText} label={t('contacts.newQrLabel')} size={140} />
            </Group>
            <DigitsCheck
              expected={contact.pending.fingerprint.digits}
              value={typedNew}
              onChange={setTypedNew}
              label={t('contacts.typeNewDigits')}
              testId="new-digits-comparison"
            />
            {contact.pending.name !== contact.name ||
            contact.pending.organisation !== contact.organisation ? (
              <Text size="sm">
                {t('contacts.newCardSays', {
                  name: contact.pending.name,
                  organisation: contact.pending.organisation,
                })}
              </Text>
            ) : null}
            <Group>
              <Button color="red.9" onClick={() => setConfirm('accept')}>
                {t('contacts.acceptKey')}
              </Button>
              <Button
                variant="default"
                onClick={() => act(() => identityApi.rejectKey(contact.id), t('contacts.rejectedNotice'))}
              >
                {t('contacts.rejectKey')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="contact-fingerprint">
        <Stack gap="sm">
          <Title order={2} size="h4" id="contact-fingerprint">
            {contact.pending ? t('contacts.currentFingerprint') : t('contacts.fingerprint')}
          </Title>
          <Text size="sm">{t('contacts.compareHelp')}</Text>
          <Group align="flex-start" gap="xl">
            <FingerprintDigits digits={contact.fingerprint.digits} />
            <QrCode text={contact.fingerprint.qrText} label={t('contacts.qrLabel', { name: contact.name })} />
          </Group>
          <DigitsCheck
            expected={contact.fingerprint.digits}
            value={typed}
            onChange={setTyped}
            label={t('contacts.typeDigits')}
            testId="digits-comparison"
          />
          <Group>
            <Button onClick={() => verify('in-person')} disabled={contact.keyChanged}>
              {t('contacts.markInPerson')}
            </Button>
            <Button onClick={() => verify('phone')} disabled={contact.keyChanged}>
              {t('contacts.markPhone')}
            </Button>
            {contact.verification !== 'unverified' ? (
              <Button variant="default" onClick={() => verify('unverified')}>
                {t('contacts.markUnverified')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="contact-details">
        <Stack gap="sm">
          <Title order={2} size="h4" id="contact-details">
            {t('contacts.details')}
          </Title>
          <Select
            label={t('contacts.roleLabel')}
            description={t('contacts.roleHelp')}
            data={roleOptions(t)}
            value={contact.role}
            allowDeselect={false}
            onChange={(value) => value && act(() => identityApi.setRole(contact.id, value as ContactRole))}
            maw={320}
          />
          <CopyableCard text={contact.cardText} label={t('contacts.cardText')} />
          <Title order={3} size="h5">
            {t('contacts.history')}
          </Title>
          <Table data-testid="key-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.historySeen')}</Table.Th>
                <Table.Th>{t('contacts.historyStatus')}</Table.Th>
                <Table.Th>{t('contacts.historyFingerprint')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contact.history.map((k) => (
                <Table.Tr key={`${k.fingerprint.id}-${k.seenAt}-${k.status}`}>
                  <Table.Td>{formatDate(k.seenAt, language)}</Table.Td>
                  <Table.Td>{t(`contacts.keyStatus.${k.status}`)}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs">
                      {k.fingerprint.digits.slice(0, 4).join(' ')} …
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="subtle" color="red.9" c="red.9" onClick={() => setConfirm('delete')}>
              {t('contacts.delete')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'accept' ? t('contacts.acceptTitle') : t('contacts.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('contacts.cancel') }}
      >
        <Stack>
          <Text size="sm">
            {confirm === 'accept'
              ? t('contacts.acceptWarning')
              : t('contacts.deleteWarning', { name: contact.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('contacts.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() =>
                confirm === 'accept'
                  ? act(() => identityApi.acceptKey(contact.id), t('contacts.acceptedNotice'))
                  : identityApi.remove(contact.id).then(onBack, (caught) => {
                      setConfirm(null);
                      setError(toUiError(caught));
                    })
              }
            >
              {confirm === 'accept' ? t('contacts.acceptConfirm') : t('contacts.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
