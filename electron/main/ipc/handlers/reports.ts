/**
 * Reports handlers. `reports:list` and `reports:build` forward to the vault worker. `reports:export-csv`
 * builds the CSV bytes in the worker, asks the user where to save them with the system dialog, writes
 * the file here in main (the renderer never names a path), then records the export in the audit log.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaseVaultError } from '../../../../shared/errors.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

const FILTER_NAMES = { fr: 'Tableur CSV', en: 'CSV spreadsheet' } as const;

export function registerReportsHandlers(register: Register, deps: IpcDeps): void {
  register('reports:list', async (input) => {
    deps.activity();
    // biome-ignore lint/suspicious/noExplicitAny: the output is checked against the contract by the registry.
    return (await deps.service.reports('list', input)) as any;
  });
  register('reports:build', async (input) => {
    deps.activity();
    // biome-ignore lint/suspicious/noExplicitAny: the output is checked against the contract by the registry.
    return (await deps.service.reports('build', input)) as any;
  });
  register('reports:export-csv', async (input) => {
    deps.activity();
    const rendered = (await deps.service.reports('render', { ...input, format: 'csv' })) as {
      bytes: Uint8Array;
      reportId: string;
      from: string;
      to: string;
    };
    const target = await deps.saveDialog({
      defaultName: `casevault-${rendered.reportId}-${rendered.from}-${rendered.to}.csv`,
      filters: [{ name: FILTER_NAMES[input.lang], extensions: ['csv'] }],
    });
    if (!target) return { saved: false };
    try {
      await writeFile(target, rendered.bytes, { mode: 0o600 });
    } catch (error) {
      throw new CaseVaultError('IO_ERROR', (error as NodeJS.ErrnoException).code ?? 'write');
    }
    await deps.service.reports('record-export', { ...input, format: 'csv' });
    return { saved: true, fileName: path.basename(target) };
  });
}
