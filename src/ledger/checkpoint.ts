/**
 * Checkpoints in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint): a signed note whose
 * text is the origin line, the tree size in decimal, and the base64 root hash, each followed by
 * a newline.
 */
import type { LedgerCrypto, Signer } from './crypto.js';
import { fromBase64, toBase64 } from './bytes.js';
import { openNote, signNote, type VerifierKey } from './note.js';
import { LedgerFormatError } from './format-error.js';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
}

export function checkpointText(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`;
}

export function signCheckpoint(crypto: LedgerCrypto, checkpoint: Checkpoint, keyName: string, signer: Signer): string {
  return signNote(crypto, checkpointText(checkpoint), keyName, signer);
}

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, sizeText, rootText] = lines;
  if (!origin || sizeText === undefined || rootText === undefined) throw new LedgerFormatError('format.checkpoint_lines');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new LedgerFormatError('format.checkpoint_size', { size: sizeText });
  const root = fromBase64(rootText);
  if (root.length !== 32) throw new LedgerFormatError('format.checkpoint_root');
  return { origin, size: Number(sizeText), root };
}

/** Opens a signed checkpoint with the log's key; throws if it does not verify. */
export function openCheckpoint(crypto: LedgerCrypto, note: string, logKey: VerifierKey): Checkpoint {
  const opened = openNote(crypto, note, [logKey]);
  return parseCheckpointText(opened.text);
}
