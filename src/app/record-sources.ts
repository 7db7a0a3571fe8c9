/**
 * The sources of the real record: each line's `sourceClass` (what kind of publisher states the
 * fact), the domains the record never cites (blogs, aggregators, press wires, Wikipedia and its
 * mirrors), and the distribution that `evere sources` prints.
 *
 * Guarantee: a class is one of SOURCE_CLASSES or the load fails; a denied domain is recognised
 * also when the URL is an archive copy (web.archive.org and the like) of a page on it.
 */
import type { RecordLine } from './record-loader.js';

/** From the most to the least authoritative for a fact about the Alliance. */
export const SOURCE_CLASSES = [
  'nato', 'depositary', 'government', 'parliament', 'international_organisation', 'scholarly', 'news', 'reference',
] as const;
export type SourceClass = (typeof SOURCE_CLASSES)[number];

/** The classes that count as official: NATO itself, the depositary, governments and parliaments. */
export const OFFICIAL_CLASSES: ReadonlySet<SourceClass> = new Set(['nato', 'depositary', 'government', 'parliament']);

export const SOURCE_CLASS_NAMES: Readonly<Record<SourceClass, { en: string; fr: string }>> = {
  nato: { en: 'official NATO', fr: 'OTAN (officiel)' },
  depositary: { en: 'depositary', fr: 'dépositaire' },
  government: { en: 'government', fr: 'gouvernement' },
  parliament: { en: 'parliament', fr: 'parlement' },
  international_organisation: { en: 'international organisation', fr: 'organisation internationale' },
  scholarly: { en: 'scholarly', fr: 'universitaire' },
  news: { en: 'news', fr: 'presse' },
  reference: { en: 'reference', fr: 'ouvrage de référence' },
};

export const isSourceClass = (value: unknown): value is SourceClass =>
  typeof value === 'string' && (SOURCE_CLASSES as readonly string[]).includes(value);

/**
 * Domains the record never cites, with why. A subdomain is denied with its domain
 * (`simple.m.wikipedia.org` by `wikipedia.org`).
 */
export const DENIED_DOMAINS: Readonly<Record<string, 'encyclopedia_or_mirror' | 'blog' | 'aggregator' | 'press_wire'>> = {
  'wikipedia.org': 'encyclopedia_or_mirror', 'wikipedia.com': 'encyclopedia_or_mirror', 'wikimili.com': 'encyclopedia_or_mirror',
  'memim.com': 'encyclopedia_or_mirror', 'liquisearch.com': 'encyclopedia_or_mirror', 'wikia.org': 'encyclopedia_or_mirror',
  'fandom.com': 'encyclopedia_or_mirror', 'jakami.de': 'encyclopedia_or_mirror', 'iiab.me': 'encyclopedia_or_mirror',
  'findatwiki.com': 'encyclopedia_or_mirror', 'atozwiki.com': 'encyclopedia_or_mirror', 'wiki.av1.space': 'encyclopedia_or_mirror',
  'kiwix.prodb.cz': 'encyclopedia_or_mirror', 'kidzsearch.com': 'encyclopedia_or_mirror', 'en-academic.com': 'encyclopedia_or_mirror',
  'ebooklibrary.org': 'encyclopedia_or_mirror', 'wiki.studentb.eu': 'encyclopedia_or_mirror', 'clateway.com': 'encyclopedia_or_mirror',
  'calendarz.com': 'encyclopedia_or_mirror', 'wikiwand.com': 'encyclopedia_or_mirror', 'dbpedia.org': 'encyclopedia_or_mirror',
  'blogspot.com': 'blog', 'altervista.org': 'blog', 'wordpress.com': 'blog', 'medium.com': 'blog', 'substack.com': 'blog',
  'tag-challenge.com': 'blog', 'mywiloo.com': 'blog', 'dinarupdates.com': 'blog', 'shepherdgazette.com': 'blog',
  'coron.tech': 'aggregator', 'docslib.org': 'aggregator', 'pdfslide.net': 'aggregator', 'youscribe.com': 'aggregator',
  'joomag.com': 'aggregator', 'eurasiareview.com': 'aggregator', 'judikaty.info': 'aggregator', 'fulsoft.cz': 'aggregator',
  'globalsecurity.org': 'aggregator', 'scribd.com': 'aggregator', 'yumpu.com': 'aggregator', 'cmio.org': 'aggregator',
  'head-post.com': 'aggregator', 'news.alayham.com': 'aggregator',
  'einpresswire.com': 'press_wire', 'prnewswire.com': 'press_wire', 'businesswire.com': 'press_wire', 'globenewswire.com': 'press_wire',
  'openpr.com': 'press_wire', 'newswire.com': 'press_wire',
};

const ARCHIVE = /^https?:\/\/(?:web\.archive\.org|webcf\.waybackmachine\.org|webarchive\.library\.unt\.edu|archive\.org)\/(?:web\/|[a-z0-9]+\/)?\d+[a-z_]*\/(https?:\/\/.+)$/i;

/** The host that states the fact: an archive copy counts as the page it copies. */
export function sourceHost(url: string): string {
  const archived = ARCHIVE.exec(url);
  const host = new URL(archived ? archived[1]! : url).hostname.toLowerCase();
  return host.replace(/^www\./, '');
}

/** Why a URL's domain is denied, or undefined when it may be cited. */
export function deniedReason(url: string): string | undefined {
  const host = sourceHost(url);
  for (const [domain, reason] of Object.entries(DENIED_DOMAINS)) {
    if (host === domain || host.endsWith(`.${domain}`)) return reason;
  }
  return undefined;
}

export interface SourceDistribution {
  readonly lines: number;
  readonly byClass: readonly { readonly sourceClass: SourceClass; readonly lines: number; readonly share: number }[];
  /** Lines citing NATO, the depositary, a government or a parliament, as a share of all lines. */
  readonly officialShare: number;
  readonly byFile: readonly { readonly file: string; readonly lines: number; readonly official: number }[];
  readonly denied: readonly { readonly file: string; readonly line: number; readonly source: string; readonly reason: string }[];
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/** The distribution of source classes over the record's lines (read with readRecordLines). */
export function sourceDistribution(lines: readonly RecordLine[]): SourceDistribution {
  const counts = new Map<SourceClass, number>(SOURCE_CLASSES.map((c) => [c, 0]));
  const files = new Map<string, { lines: number; official: number }>();
  const denied: { file: string; line: number; source: string; reason: string }[] = [];
  let official = 0;
  for (const l of lines) {
    const c = l.value.sourceClass as SourceClass;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    const f = files.get(l.file) ?? { lines: 0, official: 0 };
    f.lines += 1;
    if (OFFICIAL_CLASSES.has(c)) {
      official += 1;
      f.official += 1;
    }
    files.set(l.file, f);
    const source = l.value.source as string;
    const reason = deniedReason(source);
    if (reason) denied.push({ file: l.file, line: l.line, source, reason });
  }
  denied.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    lines: lines.length,
    byClass: SOURCE_CLASSES.map((c) => ({ sourceClass: c, lines: counts.get(c) ?? 0, share: share(counts.get(c) ?? 0, lines.length) })),
    officialShare: share(official, lines.length),
    byFile: [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, f]) => ({ file, ...f })),
    denied,
  };
}
