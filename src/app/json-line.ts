/**
 * One line of an NDJSON file (an export, a record file) read as JSON, or why not, as a message a
 * reader gets in its language: the column where the parser stopped, when it says so.
 */
import type { MessageRef } from '../messages/index.js';

export type JsonLine = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: MessageRef };

export function parseJsonLine(text: string): JsonLine {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8 says "… in JSON at position N" (0-based) where it can point at the character.
    const at = /\bat position (\d+)/.exec((error as Error).message);
    return { ok: false, reason: at ? { code: 'json_line.invalid_at', params: { column: Number(at[1]) + 1 } } : { code: 'json_line.invalid', params: {} } };
  }
}

export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
