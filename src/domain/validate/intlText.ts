/**
 * Whether an international comparison says where it comes from and when. Lenient on purpose:
 * any publisher word or known organisation counts as a source, any year 2000–2099 as a year;
 * the rule only catches a bare "Thái Lan 22%".
 */
import type { Catalogue } from '../../catalogue/schema';
import { foldText } from '../parse';

/** Matched on folded text (lower case, no diacritics), as whole words. */
const KNOWN_ORGANISATIONS = [
  'world bank', 'ngan hang the gioi', 'wb', 'wdi', 'findex', 'itu', 'lien minh vien thong quoc te', 'oecd', 'eurostat',
  'european commission', 'uy ban chau au', 'desi', 'unctad', 'unesco', 'uis', 'gsma', 'wef', 'world economic forum',
  'dien dan kinh te the gioi', 'imd', 'un', 'united nations', 'lien hop quoc', 'un desa', 'undp', 'escap', 'imf',
  'quy tien te quoc te', 'adb', 'ngan hang phat trien chau a', 'asean', 'apec', 'wipo', 'ilo', 'wto', 'unicef',
  'to chuc y te the gioi', 'google', 'temasek', 'bain', 'e-conomy sea', 'statista', 'mckinsey', 'ookla', 'ericsson',
];

/** Words that say "this is from somewhere". */
const PUBLISHER_WORDS = [
  'nguon', 'source', 'theo', 'bao cao', 'report', 'to chuc', 'organisation', 'organization', 'publisher', 'cong bo',
  'published', 'khao sat', 'survey', 'co so du lieu', 'database', 'dataset', 'ngan hang', 'bank', 'dien dan', 'forum',
  'vien', 'institute', 'hiep hoi', 'association', 'cuc thong ke', 'statistics', 'office', 'bureau',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalogue's organisations and series codes count too ("Global Findex", "isoc_e_dii"). */
function catalogueNames(catalogue: Catalogue): string[] {
  const out = new Set<string>();
  for (const g of catalogue.groups)
    for (const i of g.indicators)
      for (const r of i.rows)
        for (const s of r.international.series) {
          for (const piece of s.organisation.split(/[()/,;]/)) {
            const f = foldText(piece).trim();
            if (f.length >= 3) out.add(f);
          }
          if (s.code) out.add(foldText(s.code));
        }
  return [...out];
}

const cache = new WeakMap<Catalogue, RegExp>();

function sourcePattern(catalogue: Catalogue): RegExp {
  let re = cache.get(catalogue);
  if (!re) {
    const words = [...KNOWN_ORGANISATIONS, ...PUBLISHER_WORDS, ...catalogueNames(catalogue)].sort((a, b) => b.length - a.length);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');
    cache.set(catalogue, re);
  }
  return re;
}

export function namesSource(text: string, catalogue: Catalogue): boolean {
  return sourcePattern(catalogue).test(foldText(text));
}

export function namesYear(text: string): boolean {
  return /(?<!\d)20\d{2}(?!\d)/.test(foldText(text));
}
