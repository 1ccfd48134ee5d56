/**
 * "My identity": the name, organisation and role this vault's key card carries (editable), the
 * fingerprint as 12 groups of digits and as a QR code, the card's text form to copy into a message,
 * and "Save card file…" (main asks where, with its own dialog).
 */
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_LIMITS } from '../../../shared/identity/constants.ts';
import { cardFieldProblem, normaliseCardField } from '../../../shared/identity/fields.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { type IdentityView, identityApi } from './api.ts';
import { CopyableCard } from './CopyableCard.tsx';
import { FingerprintDigits } from './FingerprintDigits.tsx';
import { QrCode } from './QrCode.tsx';

export function IdentityScreen() {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<IdentityView | null>(null);
  const [form, setForm] = useState({ name: '', organisation: '', role: '' });
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    identityApi.get().then(
      (view) => {
        setIdentity(view);
        setForm({ name: view.name, organisation: view.organisation, role: view.role });
      },
      (caught) => setError(toUiError(caught)),
    );
  }, []);

  const problems = {
    name: cardFieldProblem('name', normaliseCardField(form.name)),
    organisation: cardFieldProblem('organisation', normaliseCardField(form.organisation)),
    role: cardFieldProblem('role', normaliseCardField(form.role)),
  };
  const fieldError = (field: keyof typeof problems) =>
    problems[field] ? t(`identity.problem.${problems[field]}`, { max: CARD_LIMITS[field].max }) : undefined;
  const dirty =
    identity !== null &&
    (form.name !== identity.name ||
      form.organisation !== identity.organisation ||
      form.role !== identity.role);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problems.name || problems.organisation || problems.role) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const view = await identityApi.update(form);
      setIdentity(view);
      setForm({ name: view.name, organisation: view.organisation, role: view.role });
      setNotice(t('identity.savedProfile'));
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const saveFile = async () => {
    setError(null);
    setNotice('');
    try {
      const { saved } = await identityApi.saveCard();
      if (saved) setNotice(t('identity.savedFile'));
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  return (
    <Stack>
      <ScreenTitle>{t('identity.title')}</ScreenTitle>
      <Text>{t('identity.intro')}</Text>
      <ErrorAlert error={error} />
      {identity ? (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="identity-profile">
            <form onSubmit={save} noValidate>
              <Stack gap="sm">
                <Title order={2} size="h4" id="identity-profile">
                  {t('identity.profile')}
                </Title>
                {identity.name === '' ? (
                  <Alert color="blue" variant="light">
                    {t('identity.needName')}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('identity.name')}
                  required
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                  error={form.name !== '' || identity.name !== '' ? fieldError('name') : undefined}
                  maxLength={CARD_LIMITS.name.max * 2}
                />
                <TextInput
                  label={t('identity.organisation')}
                  value={form.organisation}
                  onChange={(e) => setForm({ ...form, organisation: e.currentTarget.value })}
                  error={fieldError('organisation')}
                  maxLength={CARD_LIMITS.organisation.max * 2}
                />
                <TextInput
                  label={t('identity.role')}
                  description={t('identity.roleHelp')}
                  value={form.role}
                  onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
                  error={fieldError('role')}
                  maxLength={CARD_LIMITS.role.max * 2}
                />
                <Group>
                  <Button type="submit" loading={busy} disabled={!dirty}>
                    {t('identity.saveProfile')}
                  </Button>
                  <Text size="sm" role="status">
                    {notice}
                  </Text>
                </Group>
              </Stack>
            </form>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="identity-fingerprint">
            <Stack gap="sm">
              <Title order={2} size="h4" id="identity-fingerprint">
                {t('identity.fingerprint')}
              </Title>
              <Text size="sm">{t('identity.fingerprintHelp')}</Text>
              <Group align="flex-start" gap="xl">
                <FingerprintDigits digits={identity.fingerprint.digits} />
                <QrCode text={identity.fingerprint.qrText} label={t('identity.qrLabel')} />
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="identity-card">
            <Stack gap="sm">
              <Title order={2} size="h4" id="identity-card">
                {t('identity.card')}
              </Title>
              <Text size="sm">{t('identity.cardHelp')}</Text>
              {identity.cardText ? (
                <>
                  <CopyableCard text={identity.cardText} label={t('identity.cardText')} />
                  <Group>
                    <Button variant="default" onClick={saveFile}>
                      {t('identity.saveFile')}
                    </Button>
                  </Group>
                </>
              ) : (
                <Text size="sm">{t('identity.needName')}</Text>
              )}
            </Stack>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
