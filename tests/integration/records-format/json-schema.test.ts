/**
 * schemas/records-format.schema.json is generated from the zod schemas the importer uses, so the
 * two cannot drift: this test fails when they differ. To regenerate after a schema change:
 *   CASEVAULT_UPDATE_SCHEMA=1 npx vitest run --project unit tests/integration/records-format/json-schema.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordsFile, recordsFormatJsonSchema } from '../../../electron/core/records/format/records-file.ts';
import { exampleText, ROOT } from './vault-fixture.ts';

const SCHEMA_PATH = path.join(ROOT, 'schemas/records-format.schema.json');

describe('records format JSON Schema', () => {
  it('the committed schema file equals the one generated from the zod schemas', () => {
    const generated = `${JSON.stringify(recordsFormatJsonSchema(), null, 2)}\n`;
    if (process.env.CASEVAULT_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_PATH, generated);
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated);
  });

  it('is draft 2020-12, closed at every level, and lists every array of the format', () => {
    const schema = recordsFormatJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { items?: { additionalProperties?: boolean } }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'exportedAt', 'identities']);
    for (const [key, property] of Object.entries(schema.properties)) {
      if (property.items) expect(property.items.additionalProperties, key).toBe(false);
    }
    // No JSON Schema validator is installed (we add no dependency for a test): the example is checked
    // against the same zod schemas the JSON Schema is generated from, and its keys against the schema.
    const example = JSON.parse(exampleText()) as Record<string, unknown>;
    expect(Object.keys(example).every((k) => k in schema.properties)).toBe(true);
    expect(RecordsFile.safeParse(example).success).toBe(true);
  });
});
