/**
 * YAML from outside (scenario files, POST /api/scenarios, what-if changes), read with limits: a
 * nesting depth, a bound on alias expansion (the "billion laughs"), and aliases that must name an
 * anchor defined before them. Whatever the text, the reader answers with a coded refusal naming
 * the line, never with the parser's internals (a stack overflow, a library's exception).
 */
import { CST, Lexer, LineCounter, isAlias, isCollection, isPair, parseDocument, type Document } from 'yaml';
import { EvereError } from './errors.js';

/** Deepest nesting of collections a document may have. */
export const YAML_MAX_DEPTH = 64;
/** Bound on the copies aliases may expand to (the yaml library's maxAliasCount). */
export const YAML_MAX_ALIASES = 100;

export interface ParsedYaml {
  readonly doc: Document;
  readonly counter: LineCounter;
  /** The document as plain values; undefined when the text had a syntax error. */
  readonly value: unknown;
}

/**
 * Before parsing: an upper bound on nesting from the tokens alone (the parser recurses, so a text
 * nested thousands deep must not reach it). Block nesting on a line is at most its indentation
 * (twice, for sequences written at their key's indentation) plus its indicators; flow nesting is
 * counted exactly.
 */
function lexicalDepthBound(text: string, file: string, limit: number): void {
  let line = 1;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let atLineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line++;
      indicators = 0;
      indent = 0;
      atLineStart = true;
      continue;
    }
    if (type === 'space' && atLineStart) indent = token.length;
    else if (type !== 'space') atLineStart = false;
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow--;
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) indicators++;
    else if (type === 'scalar' || type === 'block-scalar-header' || type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      // A multi-line scalar's lines are content, not structure.
      line += (token.match(/\n/g) ?? []).length;
    }
    if (flow + 2 * indent + indicators > limit) throw new EvereError('yaml.too_deep', { file, line, limit: YAML_MAX_DEPTH });
  }
}

/**
 * After parsing: the exact depth, and every alias naming an anchor defined before it and closed
 * (an alias inside its own anchor's node would make a circular value).
 */
function checkNodes(doc: Document, counter: LineCounter, file: string, maxDepth: number): void {
  const closed = new Set<string>();
  const open = new Set<string>();
  type Step = { node: unknown; depth: number } | { close: string };
  const stack: Step[] = [{ node: doc.contents, depth: 0 }];
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]) : { line: 1, col: 1 };
  };
  while (stack.length) {
    const step = stack.pop()!;
    if ('close' in step) {
      open.delete(step.close);
      closed.add(step.close);
      continue;
    }
    const { node, depth } = step;
    if (node === null || node === undefined || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    if (isAlias(node)) {
      if (!closed.has(node.source)) {
        const pos = lineOf(node);
        throw new EvereError(open.has(node.source) ? 'yaml.alias_recursive' : 'yaml.alias_unknown', { file, line: pos.line, column: pos.col, name: node.source.slice(0, 64) });
      }
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      // A later anchor of the same name replaces the earlier one from here on.
      closed.delete(anchor);
      open.add(anchor);
      stack.push({ close: anchor });
    }
    if (isCollection(node)) {
      if (depth + 1 > maxDepth) throw new EvereError('yaml.too_deep', { file, line: lineOf(node).line, limit: maxDepth });
      // Reverse order onto the stack: visited in document order, so anchors precede their aliases.
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], depth: depth + 1 });
    }
  }
}

/**
 * Parses YAML (or JSON) text from outside within the limits. A syntax error is left in
 * `doc.errors` for the caller to report with its own code; a breach of a limit throws
 * `yaml.too_deep`, `yaml.too_many_aliases` or `yaml.alias_unknown`.
 */
export function parseYamlLimited(text: string, file: string, options: { uniqueKeys?: boolean; maxDepth?: number } = {}): ParsedYaml {
  const maxDepth = options.maxDepth ?? YAML_MAX_DEPTH;
  lexicalDepthBound(text, file, 4 * maxDepth);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true });
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw new EvereError('yaml.too_deep', { file, line: doc.errors[0]!.linePos?.[0]?.line ?? 1, limit: maxDepth });
  if (doc.errors.length) return { doc, counter, value: undefined };
  checkNodes(doc, counter, file, maxDepth);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_MAX_ALIASES });
  } catch (error) {
    if (error instanceof RangeError) throw new EvereError('yaml.too_deep', { file, line: 1, limit: maxDepth });
    // Aliases are known to resolve by now: what is left is expansion beyond the bound.
    if (error instanceof ReferenceError) throw new EvereError('yaml.too_many_aliases', { file, limit: YAML_MAX_ALIASES });
    throw error;
  }
  return { doc, counter, value };
}
