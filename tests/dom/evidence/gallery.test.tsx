/** The gallery draws every card for a short list and only the visible rows for a long one. */
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { Gallery } from '../../../renderer/src/evidence/Gallery.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { theme } from '../../../renderer/src/theme.ts';
import type { EvidenceItem } from '../../../shared/evidence/schemas.ts';

function items(count: number): EvidenceItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    caseId: '7d3c5a48-1f7a-4f0c-9b7e-2b8e0b0b7c11',
    originalName: `note-${i}.txt`,
    detectedType: { mime: 'text/plain', ext: 'txt', category: 'text' as const },
    size: 10 + i,
    sha256: 'e'.repeat(64),
    addedAt: '2026-03-02T10:00:00Z',
    addedBy: 'owner',
    source: { kind: 'device' as const },
    hasLocation: false,
    redactedCopies: [],
  }));
}

function show(list: EvidenceItem[]) {
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={createI18n('en')}>
        <Gallery items={list} onOpen={() => {}} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('evidence gallery', () => {
  it('renders every card of a short list', () => {
    show(items(12));
    expect(screen.getAllByTestId('evidence-card')).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Open note-11.txt' })).toBeTruthy();
  });

  it('renders only the rows in view of a long list', () => {
    // jsdom has no layout: give elements the size the scroll area has in the window.
    const height = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(640);
    const width = vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(900);
    show(items(2000));
    height.mockRestore();
    width.mockRestore();
    const drawn = screen.getAllByTestId('evidence-card').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(100);
    expect(screen.getByRole('button', { name: 'Open note-0.txt' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open note-1999.txt' })).toBeNull();
  });
});
