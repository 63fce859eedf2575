// @vitest-environment node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGES,
  generateProtocolDoc,
  PROTOCOL_DOC_PATH,
  REGENERATE_COMMAND,
  REST_RESPONSES,
  SERVER_MESSAGES,
} from './protocolDoc';
import { EXAMPLES } from './protocolExamples';
import { serverMessageSchema } from '@/datasources/live/schema';

const docPath = fileURLToPath(new URL(`../../${PROTOCOL_DOC_PATH}`, import.meta.url));

describe('docs/live-protocol.md', () => {
  it('is the text generated from the schemas', async () => {
    const generated = await generateProtocolDoc(docPath);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, generated);
    const committed = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
    expect(
      committed === generated,
      `${PROTOCOL_DOC_PATH} is out of date with the zod schemas. Regenerate it with:\n  ${REGENERATE_COMMAND}`,
    ).toBe(true);
  });

  it('documents every server message type', () => {
    const types = serverMessageSchema.options.map((option) => option.shape.type.value);
    expect(SERVER_MESSAGES.map((doc) => doc.name).sort()).toEqual([...types].sort());
  });

  it('shows only examples that the schemas accept', () => {
    for (const doc of [...SERVER_MESSAGES, ...CLIENT_MESSAGES, ...REST_RESPONSES]) {
      const result = doc.schema.safeParse(EXAMPLES[doc.name]);
      expect(result.error, `example ${doc.name}`).toBeUndefined();
    }
  });
});
