/**
 * Choosing regions to black out on an image, with the mouse (drag a rectangle over the preview) or
 * the keyboard (add a region, then type its position and size in percent). The vault core draws
 * the boxes on the decoded image, re-encodes it without any metadata and stores the copy as a new
 * item linked to the original, whose bytes and hash stay as they were.
 */
import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { type PointerEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { RecordError } from '../records/RecordError.tsx';
import { type EvidenceItem, evidenceApi, previewUrl, type RedactionRegion } from './api.ts';

const MIN_SIDE = 0.005;
const clamp = (v: number) => Math.min(1, Math.max(0, v));

function normalise(a: { x: number; y: number }, b: { x: number; y: number }): RedactionRegion {
  const x = clamp(Math.min(a.x, b.x));
  const y = clamp(Math.min(a.y, b.y));
  return { x, y, w: clamp(Math.max(a.x, b.x)) - x, h: clamp(Math.max(a.y, b.y)) - y };
}

/** Keeps a region inside the image after a typed change. */
function keepInside(region: RedactionRegion): RedactionRegion {
  const x = Math.min(clamp(region.x), 1 - MIN_SIDE);
  const y = Math.min(clamp(region.y), 1 - MIN_SIDE);
  return {
    x,
    y,
    w: Math.max(MIN_SIDE, Math.min(region.w, 1 - x)),
    h: Math.max(MIN_SIDE, Math.min(region.h, 1 - y)),
  };
}

export function RedactionEditor({
  item,
  onCreated,
  onCancel,
}: {
  item: EvidenceItem;
  onCreated: (copy: EvidenceItem) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // Each region keeps a stable key so a removed one does not shift the fields of the others.
  const [regions, setRegions] = useState<Array<RedactionRegion & { key: number }>>([]);
  const nextKey = useRef(1);
  const keyed = (region: RedactionRegion) => ({ ...region, key: nextKey.current++ });
  const [draft, setDraft] = useState<RedactionRegion | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);

  const at = (event: PointerEvent<HTMLDivElement>) => {
    const box = surface.current!.getBoundingClientRect();
    return {
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    };
  };

  const onDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    start.current = at(event);
    setDraft(null);
  };
  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    if (start.current) setDraft(normalise(start.current, at(event)));
  };
  const onUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const region = normalise(start.current, at(event));
    start.current = null;
    setDraft(null);
    if (region.w >= MIN_SIDE && region.h >= MIN_SIDE) setRegions((previous) => [...previous, keyed(region)]);
  };

  const update = (index: number, key: keyof RedactionRegion, percent: number | string) => {
    const value = typeof percent === 'number' ? percent / 100 : Number.parseFloat(percent) / 100;
    if (!Number.isFinite(value)) return;
    setRegions((previous) =>
      previous.map((r, i) => (i === index ? { ...keepInside({ ...r, [key]: value }), key: r.key } : r)),
    );
  };

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await evidenceApi.redact(
          item.id,
          regions.map(({ key: _key, ...region }) => keepInside(region)),
        ),
      );
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const box = (r: RedactionRegion, key: string, label?: string) => (
    <div
      key={key}
      style={{
        position: 'absolute',
        left: `${r.x * 100}%`,
        top: `${r.y * 100}%`,
        width: `${r.w * 100}%`,
        height: `${r.h * 100}%`,
        background: 'rgba(0,0,0,0.85)',
        outline: '2px solid #fff',
        color: '#fff',
        fontSize: 12,
        fontWeight: 700,
        padding: 2,
        pointerEvents: 'none',
      }}
    >
      {label}
    </div>
  );

  return (
    <Stack gap="sm" data-testid="redaction-editor">
      <Text size="sm">{t('evidence.redact.intro')}</Text>
      <div
        style={{ position: 'relative', display: 'inline-block', maxWidth: '100%', alignSelf: 'flex-start' }}
      >
        <img
          src={previewUrl(item.id)}
          alt={t('evidence.item.previewOf', { name: item.originalName })}
          draggable={false}
          data-testid="redaction-image"
          style={{ maxWidth: '100%', maxHeight: 480, display: 'block', userSelect: 'none' }}
        />
        <div
          ref={surface}
          data-testid="redaction-surface"
          aria-hidden="true"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          style={{ position: 'absolute', inset: 0, cursor: 'crosshair', touchAction: 'none' }}
        >
          {regions.map((r, i) => box(r, `r${r.key}`, String(i + 1)))}
          {draft ? box(draft, 'draft') : null}
        </div>
      </div>
      <Stack
        gap="xs"
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('evidence.redact.regions')}
      >
        {regions.map((r, index) => (
          <Group component="li" key={r.key} gap="xs" align="flex-end" data-testid="redaction-region">
            <Text size="sm" fw={600} w={90}>
              {t('evidence.redact.region', { n: index + 1 })}
            </Text>
            {(['x', 'y', 'w', 'h'] as const).map((key) => (
              <NumberInput
                key={key}
                label={t(`evidence.redact.${key}`)}
                aria-label={t('evidence.redact.fieldOf', {
                  field: t(`evidence.redact.${key}`),
                  n: index + 1,
                })}
                value={Math.round(r[key] * 1000) / 10}
                onChange={(value) => update(index, key, value)}
                min={0}
                max={100}
                step={1}
                decimalScale={1}
                suffix=" %"
                w={110}
                size="xs"
              />
            ))}
            <Button
              size="xs"
              variant="subtle"
              color="red.9"
              c="red.9"
              aria-label={t('evidence.redact.removeRegion', { n: index + 1 })}
              onClick={() => setRegions((previous) => previous.filter((_, i) => i !== index))}
            >
              {t('evidence.add.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => setRegions((previous) => [...previous, keyed({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 })])}
          data-testid="add-region"
        >
          {t('evidence.redact.addRegion')}
        </Button>
      </Group>
      {regions.length === 0 ? (
        <Alert variant="light" color="gray">
          <Text size="sm">{t('evidence.redact.noRegions')}</Text>
        </Alert>
      ) : null}
      <RecordError error={error} />
      <Group>
        <Button onClick={create} loading={busy} data-testid="create-redacted">
          {t('evidence.redact.create')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('records.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
