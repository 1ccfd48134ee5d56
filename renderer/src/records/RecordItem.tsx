import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { DeleteButton } from './ConfirmDelete.tsx';

/**
 * One record in a tab's list: heading line, body, Edit (the form replaces the card, focus comes back
 * to the Edit button when it closes) and Delete (with confirmation).
 */
export function RecordItem({
  entity,
  id,
  heading,
  what,
  children,
  editForm,
  onDeleted,
  highlight,
  extraActions,
  testId,
}: {
  entity: EntityName;
  id: string;
  heading: ReactNode;
  what: string;
  children?: ReactNode;
  editForm?: (close: () => void) => ReactNode;
  onDeleted: () => void;
  highlight?: 'overdue' | 'withdrawn';
  extraActions?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  if (editing && editForm) return <div data-testid={`${testId ?? entity}-edit`}>{editForm(close)}</div>;
  const border =
    highlight === 'overdue'
      ? 'var(--mantine-color-red-8)'
      : highlight === 'withdrawn'
        ? 'var(--mantine-color-gray-6)'
        : undefined;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid={testId ?? entity}
      data-highlight={highlight}
      style={border ? { borderColor: border, borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" align="flex-start" gap={4}>
          <Text fw={600} size="sm" component="h3" m={0}>
            {heading}
          </Text>
          <Group gap={4} wrap="nowrap">
            {extraActions}
            {editForm ? (
              <Button
                ref={editButton}
                size="xs"
                variant="subtle"
                onClick={() => setEditing(true)}
                aria-label={t('records.editWhat', { what })}
              >
                {t('records.edit')}
              </Button>
            ) : null}
            <DeleteButton entity={entity} id={id} what={what} onDeleted={onDeleted} />
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** A `<ul>` for RecordItems, or a line saying there is nothing yet. */
export function RecordList({
  children,
  empty,
  label,
}: {
  children: ReactNode[];
  empty: string;
  label: string;
}) {
  if (children.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

/** "Add …" button that opens a form below it and closes it after a save. */
export function AddSection({
  label,
  children,
  testId,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return open ? (
    <div>{children(close)}</div>
  ) : (
    <Group>
      <Button ref={button} variant="light" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}
