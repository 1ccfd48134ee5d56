/**
 * Adding evidence to a case or an incident: drop files on the zone (several at once) or choose them
 * with the OS dialog (keyboard users), say where they come from, add them with per-file progress and
 * a Cancel button. The page never holds a path: a drop hands File objects to the preload, the dialog
 * runs in main, and both give back opaque tokens that `evidence:add` spends.
 */
import { Alert, Button, Group, Paper, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../../shared/errors.ts';
import { EVIDENCE_SOURCE_KINDS } from '../../../shared/evidence/schemas.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { localInputToIso } from '../records/format.ts';
import { RecordError } from '../records/RecordError.tsx';
import {
  type AddOutcome,
  type AddRequest,
  type ChosenFiles,
  evidenceApi,
  formatSize,
  isExpiredSelection,
  newTaskId,
  type TaskProgressPayload,
} from './api.ts';
import { OCSEA_CASE_KIND, OcseaReportForm, OcseaWarningModal } from './OcseaWarning.tsx';

type Chosen = ChosenFiles['files'][number];
type Refused = ChosenFiles['refused'][number];

interface Running {
  taskId: string;
  files: Chosen[];
  /** Bytes done per file index. */
  done: number[];
  current: number;
  cancelling: boolean;
}

export function AddEvidence({
  caseId,
  caseKind,
  incidentId,
  compact,
  onAdded,
  onReportRecorded,
}: {
  caseId: string;
  caseKind: string;
  incidentId?: string;
  /** On an incident card: a smaller zone. */
  compact?: boolean;
  onAdded: (outcome: AddOutcome) => void;
  onReportRecorded?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const id = useId();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [sourceKind, setSourceKind] = useState<string>('device');
  const [url, setUrl] = useState('');
  const [receivedFrom, setReceivedFrom] = useState('');
  const [capturedAt, setCapturedAt] = useState('');
  const [dragging, setDragging] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<AddOutcome | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [ocseaOpen, setOcseaOpen] = useState(false);
  const [reportForm, setReportForm] = useState(false);
  const runningRef = useRef<Running | null>(null);
  runningRef.current = running;
  const ocsea = caseKind === OCSEA_CASE_KIND;

  useEffect(
    () =>
      evidenceApi.onProgress((progress: TaskProgressPayload) => {
        const current = runningRef.current;
        if (!current || progress.taskId !== current.taskId) return;
        setRunning((previous) => {
          if (!previous || previous.taskId !== progress.taskId) return previous;
          const done = [...previous.done];
          done[progress.index] = progress.done;
          return { ...previous, done, current: progress.index };
        });
      }),
    [],
  );

  const take = (result: ChosenFiles) => {
    setOutcome(null);
    setError(null);
    setChosen((previous) => [...previous, ...result.files]);
    setRefused(result.refused);
  };

  const pick = async () => {
    try {
      take(await evidenceApi.pick());
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (running) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length === 0) return;
    try {
      take(await evidenceApi.drop(files));
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  const request = (acknowledged: boolean): AddRequest => {
    const source =
      sourceKind === 'web' && url.trim()
        ? { kind: 'web' as const, url: url.trim() }
        : sourceKind === 'received' && receivedFrom.trim()
          ? { kind: 'received' as const, receivedFrom: receivedFrom.trim() }
          : { kind: sourceKind as (typeof EVIDENCE_SOURCE_KINDS)[number] };
    const at = localInputToIso(capturedAt);
    return {
      caseId,
      ...(incidentId ? { incidentId } : {}),
      source,
      ...(at ? { capturedAt: at } : {}),
      ...(acknowledged ? { ocseaAcknowledged: true } : {}),
    };
  };

  const add = async (acknowledged: boolean) => {
    if (chosen.length === 0) return;
    const files = chosen;
    const taskId = newTaskId();
    setRunning({ taskId, files, done: files.map(() => 0), current: 0, cancelling: false });
    setError(null);
    setOutcome(null);
    try {
      const result = await evidenceApi.add(
        taskId,
        files.map((f) => f.token),
        request(acknowledged),
      );
      setOutcome(result);
      setChosen([]);
      setRefused([]);
      onAdded(result);
    } catch (caught) {
      const uiError = toUiError(caught);
      // Spent or expired tokens cannot be retried: the user must choose the files again.
      if (isExpiredSelection(uiError)) setChosen([]);
      setError(uiError);
    } finally {
      setRunning(null);
    }
  };

  const startAdd = () => {
    if (ocsea) setOcseaOpen(true);
    else void add(false);
  };

  const cancel = async () => {
    if (!running) return;
    setRunning({ ...running, cancelling: true });
    await evidenceApi.cancel(running.taskId).catch(() => {});
  };

  const sourceData = EVIDENCE_SOURCE_KINDS.map((kind) => ({
    value: kind,
    label: t(`evidence.source.${kind}`),
  }));

  if (reportForm) {
    return (
      <OcseaReportForm
        caseId={caseId}
        lang={lang}
        onDone={(saved) => {
          setReportForm(false);
          if (saved) {
            setChosen([]);
            onReportRecorded?.();
          }
        }}
      />
    );
  }

  return (
    <Stack gap="xs" data-testid={incidentId ? `add-evidence-${incidentId}` : 'add-evidence'}>
      {ocsea && !compact ? (
        <Alert
          color="red"
          variant="outline"
          title={t('evidence.ocsea.alertTitle')}
          data-testid="ocsea-banner"
        >
          <Text size="sm">{t('evidence.ocsea.banner')}</Text>
          <Button mt="xs" size="xs" variant="light" onClick={() => setReportForm(true)}>
            {t('evidence.ocsea.recordInstead')}
          </Button>
        </Alert>
      ) : null}
      <Paper
        withBorder
        p={compact ? 'xs' : 'md'}
        radius="md"
        role="group"
        aria-labelledby={`${id}-zone`}
        data-testid="drop-zone"
        data-dragging={dragging || undefined}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = running ? 'none' : 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-6)',
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" id={`${id}-zone`}>
            {incidentId ? t('evidence.add.dropIncident') : t('evidence.add.drop')}
          </Text>
          <Button size="xs" variant="light" onClick={pick} disabled={!!running} data-testid="choose-files">
            {t('evidence.add.choose')}
          </Button>
        </Group>
      </Paper>

      {refused.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="refused-files">
          {refused.map((r) => (
            <Text size="sm" key={`${r.name}-${r.reason}`}>
              {t(`evidence.add.refused.${r.reason}`, { name: r.name })}
            </Text>
          ))}
        </Alert>
      ) : null}

      {chosen.length > 0 && !running ? (
        <Stack gap="xs" data-testid="chosen-files">
          <Text size="sm" fw={600} component="h3" m={0}>
            {t('evidence.add.chosen', { count: chosen.length })}
          </Text>
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
            {chosen.map((file, index) => (
              <Group component="li" key={file.token} gap="xs" justify="space-between">
                <Text size="sm">
                  {file.name} — {formatSize(file.size, lang)}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('evidence.add.removeWhat', { name: file.name })}
                  onClick={() => setChosen((previous) => previous.filter((_, i) => i !== index))}
                >
                  {t('evidence.add.remove')}
                </Button>
              </Group>
            ))}
          </Stack>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={t('evidence.add.sourceKind')}
              data={sourceData}
              value={sourceKind}
              onChange={(value) => setSourceKind(value ?? 'device')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              w={220}
            />
            {sourceKind === 'web' ? (
              <TextInput
                label={t('evidence.add.url')}
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                w={280}
              />
            ) : null}
            {sourceKind === 'received' ? (
              <TextInput
                label={t('evidence.add.receivedFrom')}
                value={receivedFrom}
                onChange={(e) => setReceivedFrom(e.currentTarget.value)}
                w={240}
              />
            ) : null}
            <TextInput
              type="datetime-local"
              label={t('evidence.add.capturedAt')}
              value={capturedAt}
              onChange={(e) => setCapturedAt(e.currentTarget.value)}
              w={220}
            />
          </Group>
          <Group>
            <Button onClick={startAdd} data-testid="add-files">
              {t('evidence.add.submit', { count: chosen.length })}
            </Button>
            <Button variant="default" onClick={() => setChosen([])}>
              {t('records.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      {running ? (
        <Stack gap={6} data-testid="add-progress" aria-live="polite">
          <Text size="sm" fw={600}>
            {running.cancelling
              ? t('evidence.add.cancelling')
              : t('evidence.add.adding', { current: running.current + 1, count: running.files.length })}
          </Text>
          {running.files.map((file, index) => {
            const percent =
              file.size === 0
                ? index < running.current
                  ? 100
                  : 0
                : ((running.done[index] ?? 0) / file.size) * 100;
            return (
              <div key={file.token}>
                <Text size="xs" id={`${id}-p${index}`}>
                  {file.name} — {t('evidence.add.percent', { value: Math.round(percent) })}
                </Text>
                <Progress value={percent} aria-labelledby={`${id}-p${index}`} size="sm" />
              </div>
            );
          })}
          <Group>
            <Button
              color="red.9"
              variant="outline"
              onClick={cancel}
              disabled={running.cancelling}
              data-testid="cancel-add"
            >
              {t('evidence.add.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      {outcome ? <AddSummary outcome={outcome} /> : null}
      {error ? (
        isExpiredSelection(error) ? (
          <Alert color="red" variant="light" role="alert">
            {t('evidence.add.expired')}
          </Alert>
        ) : (
          <RecordError error={error} />
        )
      ) : null}

      <OcseaWarningModal
        opened={ocseaOpen}
        onCancel={() => setOcseaOpen(false)}
        onRecordReport={() => {
          setOcseaOpen(false);
          setReportForm(true);
        }}
        onAddAnyway={() => {
          setOcseaOpen(false);
          void add(true);
        }}
      />
    </Stack>
  );
}

function AddSummary({ outcome }: { outcome: AddOutcome }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const bad = outcome.failed.length > 0 || outcome.cancelled;
  return (
    <Alert color={bad ? 'orange' : 'teal'} variant="light" role="status" data-testid="add-summary">
      <Text size="sm">{t('evidence.add.added', { count: outcome.items.length })}</Text>
      {outcome.cancelled ? <Text size="sm">{t('evidence.add.cancelled')}</Text> : null}
      {outcome.failed.map((f) => (
        <Text size="sm" key={f.name}>
          {t('evidence.add.failed', { name: f.name, reason: messageFor(f.code, lang) })}
        </Text>
      ))}
    </Alert>
  );
}
