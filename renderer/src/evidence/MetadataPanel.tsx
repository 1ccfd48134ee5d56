/**
 * What the file says about itself (EXIF, device, document fields), with a clear warning when it
 * carries a GPS position: anyone given the original can see where it was taken.
 */
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceMetadata } from '../../../shared/evidence/schemas.ts';

export function LocationWarning({
  gps,
  canRedact,
  onRedact,
}: {
  gps: NonNullable<EvidenceMetadata['gps']>;
  canRedact: boolean;
  onRedact?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="outline"
      role="alert"
      title={t('evidence.location.title')}
      data-testid="location-warning"
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('evidence.location.body', { lat: gps.lat.toFixed(5), lon: gps.lon.toFixed(5) })}
        </Text>
        <Text size="sm">
          {canRedact ? t('evidence.location.adviceImage') : t('evidence.location.advice')}
        </Text>
        {canRedact && onRedact ? (
          <div>
            <Button size="xs" color="red.9" variant="filled" onClick={onRedact}>
              {t('evidence.actions.redact')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function MetadataPanel({ metadata }: { metadata: EvidenceMetadata }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [];
  const push = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') rows.push([t(`evidence.meta.${key}`), String(value)]);
  };
  if (metadata.gps) {
    push(
      'gps',
      `${metadata.gps.lat.toFixed(6)}, ${metadata.gps.lon.toFixed(6)}${metadata.gps.alt !== undefined ? ` (${Math.round(metadata.gps.alt)} m)` : ''}`,
    );
  }
  push('device', [metadata.device?.make, metadata.device?.model].filter(Boolean).join(' '));
  push('takenAt', metadata.takenAt);
  push('software', metadata.software);
  if (metadata.image?.width && metadata.image.height)
    push('dimensions', `${metadata.image.width} × ${metadata.image.height}`);
  push('pdfTitle', metadata.pdf?.title);
  push('pdfAuthor', metadata.pdf?.author);
  push('pdfCreator', metadata.pdf?.creator);
  push('pdfProducer', metadata.pdf?.producer);
  push('pdfCreated', metadata.pdf?.creationDate);
  push('pdfModified', metadata.pdf?.modDate);
  if (rows.length === 0) return <Text size="sm">{t('evidence.meta.none')}</Text>;
  return (
    <Table withTableBorder data-testid="evidence-metadata">
      <Table.Caption>{t('evidence.meta.caption')}</Table.Caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={200}>
              {label}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
