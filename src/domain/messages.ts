/**
 * Every violation and error code, declared once with its message in English and French
 * (STYLE habit 6). Codes are stable and never reused; docs/errors.md lists them.
 * Messages use `{name}` placeholders filled from a violation's params.
 */
import type { Violation } from './decider.js';

export type Lang = 'en' | 'fr';

export interface Message {
  readonly en: string;
  readonly fr: string;
}

const registry = new Map<string, Message>();

/** Declares codes; a code declared twice is a programming error. */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  for (const [code, message] of Object.entries(messages) as [K, Message][]) {
    if (registry.has(code)) throw new Error(`message code declared twice: ${code}`);
    registry.set(code, message);
  }
  return messages;
}

export function messageFor(code: string): Message | undefined {
  return registry.get(code);
}

export function allMessageCodes(): readonly string[] {
  return [...registry.keys()].sort();
}

function fill(template: string, params: Violation['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return value.join(', ');
  });
}

/** Renders a code and its params in the given language; unknown codes render as the code. */
export function formatMessage(code: string, params: Violation['params'], lang: Lang = 'en'): string {
  const message = registry.get(code);
  if (!message) return code;
  return fill(message[lang], params);
}

export function formatViolation(violation: Violation, lang: Lang = 'en'): string {
  return formatMessage(violation.code, violation.params, lang);
}
