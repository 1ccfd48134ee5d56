/**
 * `casevault receipt create <dir> <RECEIVED-ID> --out F [--note N]` (responder: a signed
 * acknowledgement sealed to the original sender) and `casevault receipt import <dir> <file>`
 * (sender: matches it to the exports log; the export shows acknowledged, custody closes).
 */
import type { ReceiptImportResult } from '../../../shared/sharing/schemas.ts';
import { runSharingOp } from '../../core/sharing/sharing-ops.ts';
import { stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { subcommand, subOperands } from './identity-session.ts';
import { withSharing } from './sharing-session.ts';

export const receipt: Command = async (context) => {
  const { line, language } = context;
  const sub = subcommand(line, ['create', 'import', 'list'] as const);
  if (sub === 'create') {
    const [dir, receivedId] = subOperands(line, 2, 'receipt create <dir> <RECEIVED-ID> --out FILE') as [
      string,
      string,
    ];
    const out = stringOption(line, 'out');
    if (out === undefined) throw new UsageError('sharingNeeds', { option: '--out FILE' });
    const note = stringOption(line, 'note');
    return withSharing(context, dir, async ({ sharing }) => {
      const result = (await runSharingOp(sharing, 'receipt-create', {
        receivedId,
        outPath: out,
        ...(note ? { note } : {}),
      })) as { outPath: string; exportId: string; fileSha256: string };
      return {
        json: { dir, ...result },
        text: [t(language, 'receiptCreated', { file: result.outPath, id: result.exportId })],
      };
    });
  }
  if (sub === 'list') {
    const [dir] = subOperands(line, 1, 'receipt list <dir>') as [string];
    return withSharing(context, dir, async ({ sharing }) => {
      const received = (await runSharingOp(sharing, 'received-list', {})) as Array<{
        id: string;
        exportId: string;
        receivedAt: string;
        sender: { name?: string; known: boolean };
        receiptCreatedAt: string | null;
      }>;
      return {
        json: { dir, received },
        text: received.map(
          (r) =>
            `${r.id}  ${r.receivedAt}  ${r.sender.name ?? '?'}${r.sender.known ? '' : ' (?)'}  ${r.receiptCreatedAt ? '✓' : ''}`,
        ),
      };
    });
  }
  const [dir, file] = subOperands(line, 2, 'receipt import <dir> <file>') as [string, string];
  return withSharing(context, dir, async ({ sharing }) => {
    const result = (await runSharingOp(sharing, 'receipt-import', { path: file })) as ReceiptImportResult;
    return {
      json: { dir, ...result },
      text: [
        t(language, 'receiptImported', {
          id: result.exportId,
          name: result.responder.name ?? '?',
          at: result.receivedAt,
        }),
      ],
    };
  });
};
