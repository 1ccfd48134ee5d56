/** `casevault list <dir> [--kind K] [--status S] [--limit N]`: cases, newest opened first. */
import { codesOf } from '../../../shared/records/taxonomies.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';
import { choiceOption, limitOption, operands, withRecords } from './records-session.ts';

export const list: Command = async (context) => {
  const { line, language } = context;
  const [dir] = operands(line, 1, 'list <dir> [--kind K] [--status S] [--limit N]') as [string];
  const kind = choiceOption(line, 'kind', codesOf('caseKind'));
  const status = choiceOption(line, 'status', codesOf('caseStatus'));
  const limit = limitOption(line, 100, 500);
  return withRecords(context, dir, (records) => {
    const page = records.listCases({ kind, status }, 0, limit);
    const total = page.total ?? page.rows.length;
    const width = Math.max(4, ...page.rows.map((r) => r.code.length));
    return {
      json: { dir, total, cases: page.rows },
      text: [
        t(language, 'listTitle', { shown: page.rows.length, total }),
        ...page.rows.map(
          (r) =>
            `  ${r.code.padEnd(width)}  ${r.openedOn}  ${r.status.padEnd(8)}  ${r.kind.padEnd(19)}  ${r.title}`,
        ),
      ],
    };
  });
};
