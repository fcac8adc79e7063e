/**
 * Sentence segmentation for one paragraph of plain text.
 *
 * Contract (what `segmentInlines` relies on): each sentence returned is a
 * trimmed, non-empty substring of the input; they come in order; together they
 * cover every non-space character. The text is never rewritten, so a caller can
 * find each sentence with `indexOf` from the end of the previous one.
 *
 * Why not a library: `sbd`, `sentence-splitter`, wink-nlp and `Intl.Segmenter`
 * reach 28–34 of the 48 English "Golden Rules" of the Pragmatic Segmenter; the
 * rules below reach 47. They are the rules of pySBD (MIT, Nipun Sadvilkar; a
 * Python port of Kevin Dias's Pragmatic Segmenter, MIT), re-expressed: pySBD
 * rewrites the whole text with a pipeline of regular-expression substitutions
 * (some of them once per abbreviation or per list item, so quadratic on long
 * paragraphs) and maps placeholders back; here every boundary is decided once,
 * in one left-to-right pass, from the word before it and the word after it.
 * That keeps the cost linear in the paragraph's length and makes the
 * "substring of the input" contract hold by construction.
 *
 * Model: the paragraph is cut into whitespace-separated tokens (and after an
 * ideographic full stop, 。！？, which needs no space). A sentence can only end at
 * a gap between two tokens (every Golden Rule splits at whitespace). Punctuation
 * standing alone ("fin ?" and « guillemets » in French, spaced ellipses ". . .")
 * is glued to its neighbour first; gaps inside a quotation or parenthesis of at
 * most QUOTE_SPAN_LIMIT characters are never boundaries (`protectedGaps`); each
 * remaining gap is a boundary or not by the rules in `endsSentence` and the
 * list-item rules in `findListItems`. What differs between languages is data
 * (`LANGUAGES`), not code.
 *
 * Known miss (shared with pySBD): Golden Rule 18, "At 5 a.m. Mr. Smith went to
 * the bank.", wants no split after "a.m." although "6 P.M. Mr. Smith" must
 * split; nothing local tells the two apart. Not handled: sentences run together
 * without a space ("world.Today"), which pySBD splits only in its text-rewriting
 * "clean" mode; Thai and other scripts that do not mark sentence ends.
 */

import { primarySubtag } from './metadata.js';

/** What a language contributes. All of it is data: the code below has no language in it. */
interface LanguageData {
  /** Abbreviations (lower case, without the final period) that need not end a sentence. */
  readonly abbreviations: readonly string[];
  /** Titles and the like, always followed by what they qualify ("Dr. Smith"): never end a sentence. */
  readonly prepositive: readonly string[];
  /**
   * What must follow a known abbreviation for its period to end the sentence too:
   * 'capital' (English, French, Spanish: "Pitt, Briggs & Co. It closed") or
   * 'starter', one of `sentenceStarters` (German, where every noun is capitalised:
   * "Dr. med. Meyer", "eine kath. Schule").
   */
  readonly abbreviationEndsBefore: 'capital' | 'starter';
  /** Words that start sentences often and follow abbreviations rarely ("I live in the U.S. How about you?"). */
  readonly sentenceStarters: readonly string[];
  /**
   * Abbreviations (case as written) that end a sentence only before one of
   * `sentenceStarters` ("you and I. Did you" vs "Albert I. Jones"; "the U.S. How" vs "the U.S. Government").
   */
  readonly boundaryAbbreviations: readonly string[];
  /** "12. Juni", "1. -3. Jahrhundert": a one- or two-digit number with a period is an ordinal, not an end. */
  readonly ordinalNumbers: boolean;
  /** "z. B.", "s. vorherige Anmerkung", "u. Ä.": a single lower-case letter with a period abbreviates. */
  readonly letterAbbreviations: boolean;
}

/*
 * Abbreviation lists. en, fr, es, de: pySBD's lists (pysbd/lang/*.py, MIT) with
 * the additions voxpress already made to sbd's (titles, "approx", days, months).
 * From the Spanish list the Spanish prefixes pySBD appends ("bien", "con", "de",
 * "en", "un", ...) are left out: they are everyday words, and as "prepositive"
 * they would stop "Está bien. Vamos." from splitting. it, pt, nl: short lists of
 * titles and common abbreviations, not tested by any Golden Rule.
 */
const ENGLISH_ABBREVIATIONS = [
  'adj', 'adm', 'adv', 'al', 'ala', 'alta', 'apr', 'approx', 'arc', 'ariz', 'ark', 'art', 'assn', 'asst', 'attys',
  'aug', 'ave', 'ba', 'bart', 'bld', 'bldg', 'blvd', 'brig', 'bros', 'bsc', 'btw', 'cal', 'calif', 'capt', 'cc',
  'ch', 'cl', 'cmdr', 'co', 'col', 'colo', 'comdr', 'con', 'conn', 'corp', 'cpl', 'cres', 'ct', 'd.phil', 'dak',
  'dec', 'del', 'dem', 'dept', 'det', 'dist', 'dr', 'dr.phil', 'dr.philos', 'drs', 'e.g', 'ed', 'ens', 'eq', 'eqs',
  'esp', 'esq', 'est', 'etc', 'ex', 'exp', 'expy', 'ext', 'feb', 'fed', 'fig', 'figs', 'fla', 'fri', 'ft', 'fwy',
  'fy', 'ga', 'gen', 'gov', 'hon', 'hosp', 'hr', 'hway', 'hwy', 'i.e', 'ia', 'id', 'ida', 'ill', 'inc', 'ind',
  'ing', 'insp', 'is', 'jan', 'jr', 'jul', 'jun', 'kan', 'kans', 'ken', 'ky', 'la', 'lt', 'ltd', 'ma', 'maj', 'man',
  'mar', 'mass', 'may', 'md', 'me', 'med', 'messrs', 'mex', 'mfg', 'mi', 'mich', 'min', 'minn', 'miss', 'mlle',
  'mm', 'mme', 'mo', 'mon', 'mont', 'mr', 'mrs', 'ms', 'msc', 'msgr', 'mssrs', 'mt', 'mtn', 'mts', 'neb', 'nebr',
  'nev', 'no', 'nos', 'nov', 'nr', 'oct', 'ok', 'okla', 'ont', 'op', 'ord', 'ore', 'p', 'pa', 'pd', 'pde', 'penn',
  'penna', 'pfc', 'ph', 'ph.d', 'phd', 'pl', 'plz', 'pp', 'pres', 'prof', 'pt', 'pvt', 'que', 'rd', 'ref', 'refs',
  'rep', 'repr', 'reps', 'res', 'rev', 'rs', 'rt', 'sask', 'sat', 'sec', 'secs', 'sen', 'sens', 'sep', 'sept',
  'sfc', 'sgt', 'sr', 'st', 'sun', 'supt', 'surg', 'tce', 'tenn', 'tex', 'th', 'thu', 'thur', 'thurs', 'trans', 'tu',
  'tue', 'tues', 'u.s', 'univ', 'usafa', 'ut', 'v', 'va', 'ver', 'viz', 'vs', 'vt', 'wash', 'wed', 'wis', 'wisc',
  'wy', 'wyo', 'yuk',
];

const LANGUAGES: Readonly<Record<string, LanguageData>> = {
  en: {
    abbreviations: ENGLISH_ABBREVIATIONS,
    prepositive: [
      'adm', 'attys', 'brig', 'capt', 'cmdr', 'col', 'cpl', 'det', 'dr', 'fig', 'gen', 'gov', 'hon', 'ing', 'insp',
      'lt', 'maj', 'messrs', 'mr', 'mrs', 'ms', 'mssrs', 'mt', 'ph', 'pres', 'prof', 'rep', 'reps', 'rev', 'sen',
      'sens', 'sgt', 'st', 'supt', 'v', 'vs',
    ],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [
      'A', 'Being', 'Did', 'For', 'He', 'How', 'However', 'I', 'In', 'It', 'Millions', 'More', 'She', 'That', 'The',
      'There', 'They', 'We', 'What', 'When', 'Where', 'Who', 'Why',
    ],
    boundaryAbbreviations: ['I', 'U.S', 'U.K', 'E.U', 'U.S.A', 'i.v', 'I.V'],
    ordinalNumbers: false,
    letterAbbreviations: false,
  },
  fr: {
    abbreviations: [
      'a.c.n', 'a.m', 'al', 'ann', 'apr', 'art', 'auj', 'av', 'b.p', 'bd', 'boul', 'c.-à-d', 'c.n', 'c.n.s', 'c.p.i',
      'c.q.f.d', 'c.s', 'ca', 'cf', 'ch.-l', 'chap', 'co', 'contr', 'dir', 'dr', 'e.g', 'e.v', 'env', 'etc', 'ex',
      'fasc', 'fig', 'fr', 'fém', 'hab', 'i.e', 'ibid', 'id', 'inf', 'l.d', 'lib', 'll.aa', 'll.aa.ii', 'll.aa.rr',
      'll.aa.ss', 'll.ee', 'll.mm', 'll.mm.ii.rr', 'loc.cit', 'ltd', 'masc', 'me', 'mgr', 'mlle', 'mlles', 'mm',
      'mme', 'mmes', 'ms', 'n.b', 'n.d', 'n.d.a', 'n.d.l.r', 'n.d.t', 'n.p.a.i', 'n.s', 'n/réf', 'nn.ss', 'p',
      'p.c.c', 'p.ex', 'p.j', 'p.s', 'pl', 'pp', 'pr', 'r.-v', 'r.a.s', 'r.i.p', 'r.p', 's.a', 's.a.i', 's.a.r',
      's.a.s', 's.e', 's.m', 's.m.i.r', 's.s', 'sec', 'sect', 'sing', 'sq', 'sqq', 'ss', 'st', 'ste', 'suiv', 'sup',
      'suppl', 't.s.v.p', 'tél', 'vb', 'vol', 'vs', 'x.o', 'z.i', 'éd',
    ],
    prepositive: ['av', 'bd', 'cf', 'dr', 'me', 'mgr', 'mlle', 'mlles', 'mm', 'mme', 'mmes', 'pr', 'st', 'ste'],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [],
    boundaryAbbreviations: [],
    ordinalNumbers: false,
    letterAbbreviations: false,
  },
  es: {
    abbreviations: [
      'a.c', 'a/c', 'abr', 'adj', 'admón', 'afmo', 'ago', 'almte', 'ap', 'apdo', 'aprox', 'arq', 'art', 'atte', 'av',
      'avda', 'bco', 'bibl', 'bs. as', 'c', 'c.f', 'c.g', 'c/c', 'c/u', 'cap', 'cc.aa', 'cdad', 'cm', 'cnel', 'co',
      'cra', 'cta', 'cv', 'd.e.p', 'da', 'dcha', 'dcho', 'dep', 'dic', 'dicc', 'dir', 'dn', 'doc', 'dom', 'dpto', 'dr',
      'dra', 'dto', 'ee', 'ej', 'entlo', 'esq', 'etc', 'excmo', 'ext', 'f.c', 'fca', 'fdo', 'febr', 'ff. aa', 'ff.cc',
      'fig', 'fil', 'fra', 'g.p', 'g/p', 'gob', 'gr', 'gral', 'grs', 'hnos', 'hs', 'igl', 'iltre', 'imp', 'impr',
      'impto', 'incl', 'ing', 'inst', 'izdo', 'izq', 'izqdo', 'j.c', 'jue', 'jul', 'jun', 'kg', 'km', 'lcdo', 'ldo',
      'let', 'lic', 'ltd', 'lun', 'mar', 'may', 'mg', 'min', 'mié', 'mm', 'máx', 'mín', 'mt', 'n. del t', 'n.b', 'no',
      'nov', 'ntra. sra', 'núm', 'oct', 'p', 'p.a', 'p.d', 'p.ej', 'p.v.p', 'párrf', 'ph.d', 'ppal', 'prev', 'prof',
      'prov', 'ptas', 'pts', 'pza', 'pág', 'págs', 'párr', 'q.e.g.e', 'q.e.p.d', 'q.e.s.m', 'reg', 'rep', 'rr. hh',
      'rte', 's', 's. a', 's.a.r', 's.e', 's.l', 's.r.c', 's.r.l', 's.s.s', 's/n', 'sdad', 'seg', 'sept', 'sig', 'sr',
      'sra', 'sras', 'sres', 'srta', 'sta', 'sto', 'sáb', 't.v.e', 'tamb', 'tel', 'tfno', 'ud', 'uds', 'univ', 'uu',
      'v.b', 'v.e', 'vd', 'vds', 'vid', 'vie', 'vol', 'vs', 'vto',
    ],
    prepositive: [
      'av', 'avda', 'cnel', 'dn', 'dr', 'dra', 'ee', 'excmo', 'gral', 'ing', 'lcdo', 'ldo', 'lic', 'mt', 'prof', 'sr',
      'sra', 'sras', 'sres', 'srta', 'sta', 'sto',
    ],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [],
    boundaryAbbreviations: [],
    ordinalNumbers: false,
    letterAbbreviations: false,
  },
  de: {
    abbreviations: [
      'ä', 'adj', 'adm', 'adv', 'art', 'ass', 'ass.prof', 'asst', 'ao.univ.prof', 'b.a', 'b.s', 'bart', 'bldg', 'brig',
      'bros', 'bse', 'buchst', 'bzgl', 'bzw', 'c.-à-d', 'ca', 'capt', 'chr', 'cmdr', 'co', 'col', 'comdr', 'con',
      'corp', 'cpl', 'd.h', 'd.j', 'dergl', 'dgl', 'di', 'dipl.-ing', 'dkr', 'dr', 'ens', 'etc', 'ev', 'evtl', 'ff',
      'fr', 'g.g.a', 'g.u', 'gen', 'ggf', 'gov', 'hon', 'hon.prof', 'hosp', 'hr', 'hrn', 'i.f', 'i.h.v', 'ii', 'iii',
      'insp', 'iv', 'ix', 'jun', 'k.o', 'kath', 'lfd', 'lt', 'ltd', 'm.e', 'mag', 'maj', 'med', 'messrs', 'mio',
      'mlle', 'mm', 'mme', 'mr', 'mrd', 'mrs', 'ms', 'msgr', 'mwst', 'no', 'nos', 'nr', 'o.univ.-prof', 'o.ä', 'op',
      'ord', 'pfc', 'ph', 'pp', 'prof', 'projektass', 'pvt', 'rep', 'reps', 'res', 'rev', 'rt', 's.p.a', 'sa', 'sen',
      'sens', 'sfc', 'sgt', 'sog', 'sogen', 'spp', 'sr', 'st', 'std', 'str', 'stud.ass', 'supt', 'surg', 'u.a', 'u.e',
      'u.s.w', 'u.u', 'u.ä', 'univ.-doz', 'univ.-prof', 'univ.ass', 'usf', 'usw', 'v', 'vgl', 'vi', 'vii', 'viii',
      'vs', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xix', 'xv', 'xvi', 'xvii', 'xviii', 'xx', 'z', 'z.b', 'z.t', 'z.z',
      'z.zt', 'zt', 'zzt',
    ],
    prepositive: ['dr', 'fr', 'hr', 'hrn', 'prof', 'st'],
    abbreviationEndsBefore: 'starter',
    sentenceStarters: [
      'Am', 'Auch', 'Auf', 'Bei', 'Da', 'Das', 'Der', 'Die', 'Ein', 'Eine', 'Es', 'Für', 'Heute', 'Ich', 'Im', 'In',
      'Ist', 'Jetzt', 'Mein', 'Mit', 'Nach', 'So', 'Und', 'Warum', 'Was', 'Wenn', 'Wer', 'Wie', 'Wir',
    ],
    boundaryAbbreviations: [],
    ordinalNumbers: true,
    letterAbbreviations: true,
  },
  it: {
    abbreviations: [
      'a.c', 'ago', 'apr', 'art', 'artt', 'c.a', 'ca', 'cap', 'cfr', 'd.c', 'dic', 'dom', 'ecc', 'feb', 'fig', 'gen',
      'gio', 'giu', 'lug', 'lun', 'mag', 'mar', 'mer', 'n', 'nov', 'nr', 'ott', 'p', 'pag', 'pagg', 'post', 'pp', 'sab',
      'sec', 'seg', 'segg', 'set', 'sgg', 'ss', 'st. d. arte', 'tel', 'ven', 'vol',
    ],
    // pySBD's Italian list, less the words that also end sentences ("con", "all", "ecc", "post", "ss", "pp").
    prepositive: [
      'a.c', 'acc', 'adj', 'adm', 'adv', 'amn', 'arch', 'asst', 'avv', 'banc', 'bart', 'bcc', 'bldg', 'brig', 'bros',
      'c.a', 'c.a.p', 'c.c.p', 'c.m', 'c.p', 'c.s', 'c.v', 'capt', 'cc', 'cmdr', 'co', 'col', 'comdr', 'corp', 'corr',
      'cpl', 'dir', 'dott', 'dott.ssa', 'dr', 'drs', 'e.p.c', 'egr', 'ens', 'es', 'fatt', 'gen', 'geom', 'gg', 'gov',
      'hon', 'hosp', 'hr', 'id', 'ing', 'insp', 'int', 'lett', 'lt', 'maj', 'messrs', 'mlle', 'mm', 'mme', 'mo', 'mons',
      'mr', 'mrs', 'ms', 'msgr', 'n.b', 'ogg', 'on', 'op', 'ord', 'p.c', 'p.c.c', 'p.es', 'p.f', 'p.r', 'p.s', 'p.t',
      'p.v', 'pfc', 'ph', 'prof', 'prof.ssa', 'psicol', 'pvt', 'racc', 'rag', 'rep', 'reps', 'res', 'rev', 'ric',
      'rif', 'rp', 'rsvp', 'rt', 's.a', 's.b.f', 's.n.c', 's.p.a', 's.p.m', 's.r.l', 'sen', 'sens', 'sfc', 'sgt',
      'sig', 'sig.na', 'sig.ra', 'sigg', 'soc', 'spett', 'sr', 'st', 'supt', 'surg', 'u.s', 'v.p', 'v.r', 'v.s',
    ],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [],
    boundaryAbbreviations: [],
    ordinalNumbers: false,
    letterAbbreviations: false,
  },
  pt: {
    abbreviations: [
      'aprox', 'art', 'av', 'cap', 'cia', 'dr', 'dra', 'etc', 'ex', 'fig', 'ltda', 'n', 'obs', 'p', 'pp', 'pág', 'págs',
      'prof', 'profa', 'séc', 'sr', 'sra', 'srta', 'tel', 'vol',
    ],
    prepositive: ['av', 'dr', 'dra', 'eng', 'exma', 'exmo', 'prof', 'profa', 'sr', 'sra', 'srta', 'sta', 'sto'],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [],
    boundaryAbbreviations: [],
    ordinalNumbers: false,
    letterAbbreviations: false,
  },
  nl: {
    abbreviations: [
      'bijv', 'blz', 'bv', 'ca', 'd.w.z', 'e.d', 'enz', 'etc', 'jl', 'm.a.w', 'nl', 'nr', 'o.a', 'p', 'resp', 't.a.v',
      'vgl', 'z.g.a.n', 'zgn',
    ],
    prepositive: ['dhr', 'dr', 'drs', 'ing', 'ir', 'mevr', 'mr', 'mw', 'prof', 'st'],
    abbreviationEndsBefore: 'capital',
    sentenceStarters: [],
    boundaryAbbreviations: [],
    ordinalNumbers: true,
    letterAbbreviations: false,
  },
};

/** Titles that travel with names into text of any language ("Mr. Smith" in a French article). */
const SHARED_PREPOSITIVE = ['dr', 'messrs', 'mr', 'mrs', 'ms', 'prof'];
/** Number signs, before a number in any language ("N°. 1026"). */
const SHARED_ABBREVIATIONS = ['n°', 'nº'];
/** Abbreviations continued by a given next word whatever the language: "GmbH & Co. KG". */
const CONTINUATIONS: ReadonlyMap<string, readonly string[]> = new Map([['co', ['KG']]]);
/** Clock times end a sentence before a capital ("at 6 P.M. Mr. Smith then went"). */
const TIME_ABBREVIATIONS = new Set(['a.m', 'p.m']);
/** Names spelt with an exclamation mark (pySBD's list): not an exclamation. */
const EXCLAMATION_WORDS = new Set(
  '!Xũ !Kung ǃʼOǃKung !Xuun !Kung-Ekoka ǃHu ǃKhung ǃKu ǃung ǃXo ǃXû ǃXung ǃXũ !Xun Yahoo! Y!J Yum!'.split(' '),
);

/** A language's data as sets, built once per language. */
interface Rules {
  readonly abbreviations: ReadonlySet<string>;
  readonly prepositive: ReadonlySet<string>;
  readonly abbreviationEndsBefore: 'capital' | 'starter';
  readonly starters: ReadonlySet<string>;
  readonly boundary: ReadonlySet<string>;
  readonly ordinalNumbers: boolean;
  readonly letterAbbreviations: boolean;
}

const rulesCache = new Map<string, Rules>();

/** The rules for a BCP 47 tag ("fr-CA" → fr); a language without data gets English's, as in pySBD. */
function rulesFor(lang: string): Rules {
  const primary = primarySubtag(lang);
  const key = Object.hasOwn(LANGUAGES, primary) ? primary : 'en';
  let rules = rulesCache.get(key);
  if (!rules) {
    const data = LANGUAGES[key] ?? LANGUAGES['en'];
    if (!data) throw new Error('no English rules');
    rules = {
      abbreviations: new Set([...data.abbreviations, ...SHARED_ABBREVIATIONS]),
      prepositive: new Set([...data.prepositive, ...SHARED_PREPOSITIVE]),
      abbreviationEndsBefore: data.abbreviationEndsBefore,
      starters: new Set(data.sentenceStarters),
      boundary: new Set(data.boundaryAbbreviations),
      ordinalNumbers: data.ordinalNumbers,
      letterAbbreviations: data.letterAbbreviations,
    };
    rulesCache.set(key, rules);
  }
  return rules;
}

// Character classes. Quotation marks are both openers and closers across languages
// („…“ in German, »…« in Danish), so the sets used for stripping overlap.

/** Marks that end a sentence. */
const TERMINALS = '.!?…‼⁇⁈⁉。．！？';
/** What may follow the terminal mark and still belong to the sentence: closing quotes and parentheses. */
const TRAILING = `"'”’“‘»«›‹」』）)`;
/** What may precede the first letter of a sentence: opening quotes, brackets, Spanish ¿ ¡. */
const LEADING = `"'“‘„‚«»‹›「『（([¿¡`;
/** A token made only of these stands alone before its word: « Bonjour, ( a, ¿ Qué. */
const OPENER_ONLY = `"'“‘„‚«‹「『（([¿¡`;
/** A token made only of these stands alone after its word: French "fin ?", « … », a lone ")". */
const CLOSER_ONLY = `${TERMINALS}"'”’»›」』）)],;:`;
/** A token made only of one of these may stand before a list item number: "• 9. The first item". */
const BULLETS = new Set(['•', '‣', '⁃', '◦', '▪', '▫', '-', '–', '—', '*', '·']);

const UPPER_START = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
const SENTENCE_START = /^(?:[\p{Lu}\p{Lt}\p{Lo}\p{N}]|\p{Sc}\d|\.\.\.|…)/u;
const NUMBER = /^[-+−]?\d[\d.,:/']*$/u;
const MULTI_PERIOD = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_LETTER = /^\p{L}$/u;
/** "as shown.[12] The next", "(1987).1 According", "consultation.11 12 Take": a footnote number after the period. */
const FOOTNOTE = /[^\d\s.]\.(?:(?:\[\d{1,3}(?:[,–-]\d{1,3})*\])+|\d{1,3})$/u;

function allIn(token: string, chars: string): boolean {
  for (const ch of token) if (!chars.includes(ch)) return false;
  return true;
}

function stripTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

function stripLeading(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s.charAt(start))) start++;
  return s.slice(start);
}

/** The next word can start a sentence: a capital (or a letter of a caseless script), a digit, "$5", "...and then". */
function startsSentence(next: string): boolean {
  const c = next.charCodeAt(0);
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true; // fast paths: A–Z, 0–9, a–z
  if (c >= 0x61 && c <= 0x7a) return false;
  return SENTENCE_START.test(stripLeading(next, LEADING));
}

function startsWithCapital(next: string): boolean {
  const c = next.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return true;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return false;
  return UPPER_START.test(stripLeading(next, LEADING));
}

function startsWithDigit(next: string): boolean {
  return /^\d/.test(stripLeading(next, LEADING));
}

function startsWithStarter(next: string, rules: Rules): boolean {
  const word = /^\p{L}+/u.exec(stripLeading(next, LEADING));
  return word !== null && rules.starters.has(word[0]);
}

/**
 * Whether a word ending in a single period ends the sentence, given the next word.
 * `word` is without the period and without opening quotes or brackets.
 */
function periodEndsSentence(word: string, next: string, rules: Rules): boolean {
  const c = word.charCodeAt(0);
  if (((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2212) && NUMBER.test(word)) {
    // "She has $100.00. It is", "1 + 1 es 2. 2 + 2 es 4." — but German "vom 12. Juni".
    if (rules.ordinalNumbers && /^[-−]?\d{1,2}$/u.test(word)) return startsWithStarter(next, rules);
    return startsSentence(next);
  }
  const lower = word.toLowerCase();
  if (TIME_ABBREVIATIONS.has(lower)) return startsWithCapital(next);
  if (rules.boundary.has(word)) return startsWithStarter(next, rules);
  if (word.length <= 2 && SINGLE_LETTER.test(word)) {
    // An initial ("Jonas E. Smith") — or, where the language writes them, "z. B.".
    if (UPPER_START.test(word) || rules.letterAbbreviations) return false;
  }
  // "l'Ing. Mengozzi", "dell'art. 5": an elided article glued in front does not hide the abbreviation.
  const elided = /['’]/u.test(lower) ? /^\p{L}+['’](.+)$/u.exec(lower)?.[1] : undefined;
  const known = (set: ReadonlySet<string>): boolean => set.has(lower) || (elided !== undefined && set.has(elided));
  if (known(rules.prepositive)) return false;
  const multiPeriod = word.includes('.') && MULTI_PERIOD.test(word);
  if (multiPeriod || known(rules.abbreviations)) {
    if (CONTINUATIONS.get(lower)?.includes(/^\S+/u.exec(next)?.[0] ?? '')) return false;
    if (rules.abbreviationEndsBefore === 'starter') return startsWithStarter(next, rules);
    // "U.S. Government", "e.g. Paris": letters with periods run on unless listed in `boundary`.
    if (multiPeriod) return false;
    // "p. 55", "approx. 5 dollars", "Company A Inc. (“Company A”)"
    if (startsWithDigit(next) || next.startsWith('(')) return false;
    return startsWithCapital(next);
  }
  return startsSentence(next);
}

/**
 * Whether the text before a gap ends a sentence.
 * @param tail the last word before the gap with the punctuation glued to it, spaces removed
 * @param spacedDots how many ". . ." dots were glued to it (3: an ellipsis inside the sentence)
 * @param next the first word after the gap (opening punctuation included), '' at the end
 */
function endsSentence(tail: string, spacedDots: number, next: string, rules: Rules): boolean {
  if (spacedDots === 3) return false; // "the thing is . . . I didn’t mean it"
  const core = stripTrailing(tail, TRAILING);
  const last = core.charAt(core.length - 1);
  if (!TERMINALS.includes(last) || last === '') {
    // "we're doing our best, afore she comes, to--\" At this moment": a quotation broken off.
    if (core.length < tail.length && /[-–—]$/u.test(core)) return startsWithCapital(next);
    if (/[\d\]]$/u.test(core) && FOOTNOTE.test(core)) return startsWithCapital(next);
    return false; // the common case: the gap after a word
  }
  if ('!?‼⁇⁈⁉！？'.includes(last)) {
    if (EXCLAMATION_WORDS.has(stripLeading(core, LEADING))) return false; // "Yahoo! in the accounting department"
    return startsSentence(next); // "Yahoo!", "¿Qué pasó? Nadie", but not "over?" she asked
  }
  if (last === '…' || core.endsWith('...')) {
    // "that.... She": an ellipsis then the period; "paused... Then": an ellipsis ending the sentence.
    const dots = core.length - stripTrailing(core, '.…').length;
    if (dots >= 4 && !core.endsWith('…')) return startsSentence(next);
    return startsWithCapital(next);
  }
  if (last === '。' || last === '．') return true;
  if (last !== '.') return false;
  const word = stripLeading(core.slice(0, -1), LEADING);
  if (word === '') return startsSentence(next);
  return periodEndsSentence(word, next, rules);
}

/** How a token made only of marks stands to the words beside it (one of `markRoles`' values). */
export const MarkRole = {
  /** A word, or anything else that stands on its own. */
  None: 0,
  /** Belongs to the word before it: "fin ?", "chiffres »", a lone ")". */
  Closer: 1,
  /** Belongs to the word after it: "« Le", "¿ Qué", "( a". */
  Opener: 2,
} as const;

/**
 * The role of each of `tokens` (a text cut at its spaces) as a mark typed
 * apart from its word. A lone straight quote opens or closes by the parity of
 * those before it; a lone apostrophe closes after a sentence's or clause's
 * last mark and opens otherwise. The sentence splitter glues by these, and
 * word times count marks with their word by them (speech/words.ts).
 */
export function markRoles(tokens: readonly string[]): Uint8Array {
  const roles = new Uint8Array(tokens.length);
  let straightQuotes = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const first = token.charCodeAt(0) | 0x20;
    // The fast path: a token that starts with a Latin letter or a digit is a word.
    if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39))) {
      if (token === '"') roles[i] = straightQuotes % 2 === 1 ? MarkRole.Closer : MarkRole.Opener;
      else if (token === "'") roles[i] = /[.!?…,;:]$/u.test(tokens[i - 1] ?? '.') ? MarkRole.Closer : MarkRole.Opener;
      else if (allIn(token, OPENER_ONLY)) roles[i] = MarkRole.Opener;
      else if (allIn(token, CLOSER_ONLY)) roles[i] = MarkRole.Closer;
    }
    for (let q = token.indexOf('"'); q >= 0; q = token.indexOf('"', q + 1)) straightQuotes++;
  }
  return roles;
}

/** What a token is, for gluing: kept in a Uint8Array, one per token. */
const Kind = {
  Word: 0,
  /** Glued to the token before it. */
  Closer: 1,
  /** Glued to the token after it. */
  Opener: 2,
  /** A "." standing alone (or followed by closing quotes): part of a spaced ellipsis ". . .". */
  Dot: 3,
  Bullet: 4,
} as const;

/** List item numbering: 1–20 in roman numerals, as pySBD has them. */
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

/**
 * What a token could number in a list, as up to two (kind, value) pairs:
 * kinds 0–1 numbers ("1." "1.)" "⁃9." / "1)" "(1)"), 2–3 letters ("a." "a.)" / "a)" "(a)"),
 * 4–5 roman numerals ("iv." / "(iv)"). "i." is both a letter and a numeral. Written by
 * hand rather than as six regular expressions: it runs on every short token.
 */
function listMarker(token: string): [number, number][] {
  const length = token.length;
  if (length < 2 || length > 6) return [];
  let body = token;
  let paren = false;
  if (body.endsWith('.)')) body = body.slice(0, -2);
  else if (body.endsWith('.')) body = body.slice(0, -1);
  else if (body.endsWith(')')) {
    body = body.slice(body.startsWith('(') ? 1 : 0, -1);
    paren = true;
  } else return [];
  if (!paren && '-⁃‣•'.includes(body.charAt(0))) body = body.slice(1);
  const style = paren ? 1 : 0;
  if (/^\d{1,2}$/u.test(body)) return [[style, Number(body)]];
  if (token.startsWith('-') || token.startsWith('⁃') || token.startsWith('‣') || token.startsWith('•')) return [];
  const found: [number, number][] = [];
  if (/^[a-z]$/u.test(body)) found.push([2 + style, body.charCodeAt(0)]);
  const roman = ROMAN.indexOf(body);
  if (roman >= 0) found.push([4 + style, roman]);
  return found;
}

function isListMarker(token: string): boolean {
  return listMarker(token).length > 0;
}

/**
 * List items written in one paragraph: "1. The first item 2. The second item",
 * "a. … b. …", "• 9. … • 10. …". As in pySBD, markers count when the numbers
 * (or letters) run on: 1 then 2. Unlike pySBD, a run must also begin where a
 * list can begin (the start of the paragraph, or after a colon or the end of a
 * sentence), so that "vom 1. Januar bis 2. Februar" stays one sentence.
 * Returns the tokens that are markers, and the tokens a new sentence starts at
 * (each marker after the first, or the bullet before it). One pass.
 */
function findListItems(tokens: readonly string[], kinds: Uint8Array): { markers: Uint8Array; starts: Uint8Array } {
  const n = tokens.length;
  const markers = new Uint8Array(n);
  const starts = new Uint8Array(n);
  const listCanStart = (index: number): boolean => {
    let before = index - 1;
    if (before >= 0 && kinds[before] === Kind.Bullet) before--;
    if (before < 0) return true;
    return /[:.!?…;]$/u.test(stripTrailing(tokens[before] ?? '', TRAILING));
  };
  // One open run per kind of list: the token indices so far and the last value.
  const runs: number[][] = [[], [], [], [], [], []];
  const previous = [-2, -2, -2, -2, -2, -2];
  const close = (kind: number): void => {
    const run = runs[kind] ?? [];
    const first = run[0];
    if (run.length >= 2 && first !== undefined && listCanStart(first)) {
      for (const index of run) {
        markers[index] = 1;
        if (index === first) continue;
        starts[index > 0 && kinds[index - 1] === Kind.Bullet ? index - 1 : index] = 1;
      }
    }
    runs[kind] = [];
  };
  for (let i = 0; i < n; i++) {
    const token = tokens[i] ?? '';
    const last = token.charCodeAt(token.length - 1);
    if (token.length > 6 || (last !== 0x2e && last !== 0x29)) continue; // ends in "." or ")"
    for (const [kind, value] of listMarker(token)) {
      if (value !== (previous[kind] ?? -2) + 1) close(kind);
      runs[kind]?.push(i);
      previous[kind] = value;
    }
  }
  for (let kind = 0; kind < runs.length; kind++) close(kind);
  return { markers, starts };
}

/** Quotation marks and brackets that open, each with the marks that may close it. */
const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”“'], // “English” and „German“ closers both follow a “
  ['„', '“”'],
  ['‘', '’‘'],
  ['‚', '‘’'],
  ['«', '»'],
  ['»', '«'],
  ['"', '"'],
  ["'", "'"],
  ['(', ')'],
  ['[', ']'],
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
]);
/** What may end a token after its word: terminal marks, closing quotes and brackets, commas. */
const CLOSING_RUN = `${TERMINALS}${TRAILING}],;:`;
/**
 * A quotation or parenthesis longer than this is not kept whole: an unbalanced
 * or mistaken mark (an apostrophe read as a quote) must not swallow the rest of
 * a long paragraph. Quotations in news copy run to a few sentences.
 */
const QUOTE_SPAN_LIMIT = 600;

/**
 * Quotations and parentheses: no sentence ends inside one ("“Dear, dear! How
 * queer everything is to-day!”", "(Dinah was the cat.)"), as in pySBD. Marks
 * at the start of a token open, marks at its end close, marks inside a word
 * are apostrophes. Returns, per gap, whether it lies inside such a span.
 * One pass with a stack; each opener is pushed and popped at most once.
 */
function protectedGaps(tokens: readonly string[], starts: readonly number[]): Uint8Array {
  const n = tokens.length;
  const depth = new Int32Array(n + 1);
  const stack: { mark: string; token: number }[] = [];
  for (let i = 0; i < n; i++) {
    const token = tokens[i] ?? '';
    let head = 0;
    while (head < token.length && PAIRS.has(token.charAt(head))) {
      // "¿" and "¡" may stand before the quote: «¿Qué?»
      stack.push({ mark: token.charAt(head), token: i });
      head++;
    }
    // Closers: the quote and bracket marks among the token's trailing punctuation.
    let tailStart = token.length;
    while (tailStart > head && CLOSING_RUN.includes(token.charAt(tailStart - 1))) tailStart--;
    for (let k = tailStart; k < token.length; k++) {
      const mark = token.charAt(k);
      // Match the innermost opener this mark can close, looking a few levels down for a stray one.
      for (let d = stack.length - 1; d >= Math.max(0, stack.length - 3); d--) {
        const open = stack[d];
        if (!open || !(PAIRS.get(open.mark) ?? '').includes(mark)) continue;
        const tooLong = (starts[i] ?? 0) + token.length - (starts[open.token] ?? 0) > QUOTE_SPAN_LIMIT;
        if (!tooLong && i > open.token) {
          depth[open.token] = (depth[open.token] ?? 0) + 1;
          depth[i] = (depth[i] ?? 0) - 1;
        }
        stack.length = d;
        break;
      }
    }
  }
  // Gap g (between token g and g + 1) is inside when a span opened at or before g closes after g.
  const inside = new Uint8Array(n);
  let level = 0;
  for (let g = 0; g < n; g++) {
    level += depth[g] ?? 0;
    inside[g] = level > 0 ? 1 : 0;
  }
  return inside;
}

/** The characters JavaScript's \s and String.prototype.trim take for white space. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Ideographic full stops end sentences without a space after them: 你好。你呢？ */
const IDEOGRAPHIC_END = /[。．！？]+(?=[^\s\d」』）)"”’»。．！？])/gu;

/** The sentences of one paragraph's plain text, trimmed, in order, none empty. */
export function splitSentences(text: string, lang = 'en'): string[] {
  const rules = rulesFor(lang);
  const tokens: string[] = [];
  const starts: number[] = [];
  const ideographic = /[。．！？]/u.test(text);
  // Tokens: runs of non-space, found by hand (the same spaces as \s and String.prototype.trim).
  for (let at = 0; at < text.length; ) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    const tokenStart = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const token = text.slice(tokenStart, at);
    let from = 0;
    if (ideographic && /[。．！？]/u.test(token)) {
      for (const cut of token.matchAll(IDEOGRAPHIC_END)) {
        const to = cut.index + cut[0].length;
        tokens.push(token.slice(from, to));
        starts.push(tokenStart + from);
        from = to;
      }
    }
    tokens.push(from === 0 ? token : token.slice(from));
    starts.push(tokenStart + from);
  }
  const n = tokens.length;
  if (n === 0) return [];
  const tokenEnd = (i: number): number => (starts[i] ?? 0) + (tokens[i]?.length ?? 0);

  // 1. What each token is: a mark typed apart (markRoles), a lone dot of a spaced ellipsis, a bullet, or a word.
  const kinds = new Uint8Array(n);
  const roles = markRoles(tokens);
  for (let i = 0; i < n; i++) {
    const token = tokens[i] ?? '';
    const role = roles[i];
    let kind: number = Kind.Word;
    if (token.charAt(0) === '.' && allIn(token.slice(1), TRAILING)) kind = Kind.Dot;
    else if (role === MarkRole.Opener) kind = Kind.Opener;
    else if (role === MarkRole.Closer) kind = Kind.Closer;
    else if (BULLETS.has(token) || /^[-–—]{2,3}$/u.test(token)) kind = Kind.Bullet;
    kinds[i] = kind;
  }

  // 2. Which gaps are no boundary at all (glued), and, for the others, which token is "the next word".
  //    glued[i] / nextWord[i] describe the gap between token i and token i + 1.
  const glued = protectedGaps(tokens, starts);
  const nextWord = new Int32Array(n).fill(-1);
  const spacedDots = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== Kind.Dot) continue;
    let j = i;
    while (j + 1 < n && kinds[j + 1] === Kind.Dot) j++;
    const count = j - i + 1;
    const before = tokens[i - 1];
    if (count === 3 && before !== undefined && stripTrailing(before, TRAILING).endsWith('.') && j + 1 < n) {
      // "compounds. . . . The practice": the period ends the sentence, the ellipsis opens the next one.
      for (let g = i; g <= j; g++) glued[g] = 1;
      nextWord[i - 1] = j + 1;
    } else {
      // "weakened . . . was", "a period . . . . Next": the dots belong to the word before.
      for (let g = Math.max(0, i - 1); g < j; g++) glued[g] = 1;
      spacedDots[j] = Math.min(count, 255);
    }
    i = j;
  }
  for (let g = 0; g + 1 < n; g++) {
    if (kinds[g + 1] === Kind.Closer || kinds[g] === Kind.Opener) glued[g] = 1;
  }

  // The next word after token i - 1, past opening marks and dashes ("What do you see? - Posted like silent sentinels"):
  // found once for every token from the right, so a run of thousands of dashes is not walked again at each gap.
  const isSkipped = (i: number): boolean => kinds[i] === Kind.Opener || (kinds[i] === Kind.Bullet && /^[-–—]+$/u.test(tokens[i] ?? ''));
  const wordFrom = new Int32Array(n);
  wordFrom[n - 1] = n - 1;
  for (let i = n - 2; i >= 0; i--) wordFrom[i] = isSkipped(i) ? (wordFrom[i + 1] ?? i) : i;

  // 3. List items, then one decision per remaining gap.
  const list = findListItems(tokens, kinds);
  const sentenceStarts: number[] = [0];
  let unitStart = 0;
  let lastWord = -1;
  /** Set when "consultation.11 12 Take" left its decision to the gap after the second number. */
  let footnotePending = false;
  for (let g = 0; g + 1 < n; g++) {
    if (kinds[g] === Kind.Word || kinds[g] === Kind.Bullet) lastWord = g;
    if (glued[g]) continue;
    let next = nextWord[g] ?? -1;
    if (next < 0) next = wordFrom[g + 1] ?? g + 1;
    const word = lastWord >= unitStart ? lastWord : unitStart;
    const nextToken = tokens[next] ?? '';
    let boundary: boolean;
    if (list.starts[g + 1]) boundary = true;
    else if (list.markers[word] || (word === 0 && isListMarker(tokens[0] ?? ''))) boundary = false;
    else if (footnotePending) boundary = startsWithCapital(nextToken);
    else {
      const tail = word === g ? (tokens[g] ?? '') : text.slice(starts[word], tokenEnd(g)).replace(/\s+/gu, '');
      const c = nextToken.charCodeAt(0);
      if (c >= 0x30 && c <= 0x39 && /^\d{1,3}$/u.test(nextToken) && FOOTNOTE.test(stripTrailing(tail, TRAILING))) {
        footnotePending = true;
        unitStart = g + 1;
        continue;
      }
      boundary = endsSentence(tail, spacedDots[g] ?? 0, nextToken, rules);
    }
    footnotePending = false;
    if (boundary) sentenceStarts.push(g + 1);
    unitStart = g + 1;
  }

  const sentences: string[] = [];
  for (let k = 0; k < sentenceStarts.length; k++) {
    const first = sentenceStarts[k] ?? 0;
    const last = (sentenceStarts[k + 1] ?? n) - 1;
    sentences.push(text.slice(starts[first], tokenEnd(last)));
  }
  return sentences;
}
