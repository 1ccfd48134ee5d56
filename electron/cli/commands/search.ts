/** `casevault search <dir> <words…> [--kind entity]`: full-text search, best matches first. */
import { ENTITY_NAMES, type EntityName } from '../../../shared/records/schemas.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';
import { choiceOption, operands, withRecords } from './records-session.ts';

export const search: Command = async (context) => {
  const { line, language } = context;
  const [dir, ...words] = operands(line, 2, 'search <dir> <words…> [--kind entity]', 100) as [
    string,
    ...string[],
  ];
  const entity = choiceOption(line, 'kind', ENTITY_NAMES) as EntityName | undefined;
  return withRecords(context, dir, (records) => {
    const hits = records.search(words.join(' '), { entity });
    return {
      json: { dir, hits },
      text:
        hits.length === 0
          ? [t(language, 'searchNone')]
          : hits.map(
              (h) => `  [${h.entity}] ${h.caseCode ?? '-'}  ${h.title}  — ${h.snippet.replace(/\s+/g, ' ')}`,
            ),
    };
  });
};
