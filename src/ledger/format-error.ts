/**
 * Why a key, a note, a checkpoint or a base64 text is not well formed: a message code of the
 * catalogue (`format.*`, src/messages/codes/verify.ts) with its params, so that whoever reports
 * it says it in the reader's language. The error's message is the English text.
 */
import { formatMessage, type Params } from '../messages/index.js';
import type { FormatCode } from '../messages/codes/verify.js';

export class LedgerFormatError extends Error {
  constructor(readonly code: FormatCode, readonly params: Params = {}) {
    super(formatMessage(code, params, 'en'));
    this.name = 'LedgerFormatError';
  }
}
