/**
 * A multi-file add shows each file's progress from main's `task:progress` events (for this task
 * only) and a Cancel button that sends `task:cancel` for it; the summary says what was not added.
 * A choice that expired (spent token, lock) asks to choose again instead of retrying.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EvidenceTab } from '../../../renderer/src/evidence/EvidenceTab.tsx';
import { FakeError, installFakeCaseVault } from '../fake-casevault.ts';
import { renderInCase } from './render-case.tsx';

const FILES = [
  { token: 'c'.repeat(64), name: 'video-1.mp4', size: 1000 },
  { token: 'd'.repeat(64), name: 'video-2.mp4', size: 2000 },
];

describe('adding several files', () => {
  it('shows per-file progress, cancels the task, and reports what was not added', async () => {
    let finish: (value: unknown) => void = () => {};
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        'evidence:list': () => ({ items: [], total: 0 }),
        'files:pick': () => ({ files: FILES, refused: [{ name: 'Dossier', reason: 'not-a-file' }] }),
        'evidence:add': () => new Promise((resolve) => (finish = resolve)),
        'task:cancel': () => ({ ok: true }),
      },
    });
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />, { language: 'en' });
    await user.click(await screen.findByTestId('choose-files'));
    expect((await screen.findByTestId('refused-files')).textContent).toContain(
      'Dossier is not a file (a folder cannot be added): ignored.',
    );
    await user.click(screen.getByRole('button', { name: 'Add 2 files to the vault' }));
    const progress = await screen.findByTestId('add-progress');
    const { taskId } = fake.callsTo('evidence:add')[0] as { taskId: string };
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);

    act(() => {
      fake.emit('task:progress', {
        taskId,
        index: 0,
        count: 2,
        name: 'video-1.mp4',
        done: 1000,
        total: 1000,
      });
      fake.emit('task:progress', { taskId, index: 1, count: 2, name: 'video-2.mp4', done: 500, total: 2000 });
      // Another task's progress is not ours.
      fake.emit('task:progress', { taskId: 'other', index: 1, count: 2, name: 'x', done: 2000, total: 2000 });
    });
    expect(progress.textContent).toContain('Encrypting file 2 of 2');
    expect(progress.textContent).toContain('video-1.mp4 — 100%');
    expect(progress.textContent).toContain('video-2.mp4 — 25%');
    const bars = within(progress).getAllByRole('progressbar');
    expect(bars.map((bar) => bar.getAttribute('aria-valuenow'))).toEqual(['100', '25']);

    await user.click(within(progress).getByRole('button', { name: 'Cancel the import' }));
    expect(fake.callsTo('task:cancel')).toEqual([{ taskId }]);
    expect(progress.textContent).toContain('Cancelling');

    await act(async () => {
      finish({ items: [], failed: [{ name: 'video-2.mp4', code: 'TASK_CANCELLED' }], cancelled: true });
    });
    const summary = await screen.findByTestId('add-summary');
    expect(summary.textContent).toContain('0 files added and encrypted.');
    expect(summary.textContent).toContain('the file in progress and the ones after it were not added');
    expect(screen.queryByTestId('add-progress')).toBeNull();
  });

  it('asks to choose the files again when main no longer knows the choice', async () => {
    installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        'evidence:list': () => ({ items: [], total: 0 }),
        'files:pick': () => ({ files: FILES.slice(0, 1), refused: [] }),
        'evidence:add': () => {
          throw new FakeError('INVALID_INPUT', 'file-selection:1');
        },
      },
    });
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />);
    await user.click(await screen.findByTestId('choose-files'));
    await user.click(screen.getByRole('button', { name: 'Ajouter 1 fichier au coffre' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choisissez-les à nouveau.');
    expect(screen.queryByTestId('chosen-files')).toBeNull();
  });
});
