/**
 * Relative time words in story text ("last year", "on Friday", "in September
 * last year"), pinned to the calendar at their own precision.
 *
 * A story read years later still says "last month". Resolving each phrase
 * against the publication date lets a page print
 * `<time datetime="2016-09">in September last year</time> (September 2016)`
 * without inventing a day the writer never gave: "in May" stays a month.
 *
 * Why hand-written patterns rather than chrono-node: chrono 2.10 was tried
 * first on the test table (tests/unit/anchor-dates.test.ts), given this
 * module's tense detection and re-parsed with `forwardDate` for future tense.
 * It passed 43 of the 87 rows, and only 58 even when the phrase boundaries
 * were not checked; these patterns pass all 87. It splits the compound
 * phrases news copy relies on ("in July of this year" came back as "July of"
 * + "this year", "in September last year" as "September" + "last year"),
 * drops "last" from "last September" and reads it as this September, takes
 * "after a week of pressure" for a date, picks the nearest weekday and the
 * month of the reference year whatever the tense, reads "the march on
 * Washington", "The Sun", "Black Friday" and "1/2" as dates, and turns "the
 * past two years" and "two years later" into single years. Each failure
 * needed a rule of ours before or after it, and by then chrono was doing
 * nothing a short pattern does not, while adding guesses that can change
 * between releases. The grammar of news usage is small and closed; it is
 * spelled out below, where each rule can be read and tested.
 *
 * Arithmetic runs on Dates built at local noon and read back through local
 * getters, so a daylight-saving hour can never move a day and no result
 * depends on the machine's time zone.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getDay } from 'date-fns/getDay';
import { daysInMonth, formatDate, startOf, toIso, type PartialDate } from './dates.ts';
import { IRREGULAR_PAST, isPastInEd, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from './news-words.ts';
import { goesOn } from './sentences.ts';

export interface AnchoredDate {
  /** Offsets of the expression in the input text: text.slice(start, end) is the original words. */
  start: number;
  end: number;
  /** The original words, e.g. "in September last year". */
  text: string;
  /** The resolved date at the expression's precision. */
  date: PartialDate;
  /** The last day, for a span of days ("March 3-5", "from Oct. 30 to Nov. 2"). */
  until?: PartialDate;
  /** A second day named with the first, not the days between them ("on March 3 and 10"). */
  also?: PartialDate;
  /** The tense of the clause around the expression, as judged from nearby verbs: 'past' | 'future' | 'unknown'. */
  tense: 'past' | 'future' | 'unknown';
  /**
   * Set when the words cannot be right as written: a past-tense expression
   * that resolves after the publication date ("met him in July of this year"
   * in a June article), or a weekday the day does not fall on ("Thursday,
   * February 27, 2019", a Wednesday).
   */
  conflict?: { kind: 'future-in-past-tense' | 'wrong-weekday'; message: string };
}

type Tense = AnchoredDate['tense'];

/** The publication day, unpacked once; `noon` is the local-noon Date every calculation starts from. */
interface Reference {
  year: number;
  month: number;
  day: number;
  noon: Date;
  /** The day of the story's last update, when it is later in the same year: a past tense reaches up to it. */
  updated?: { month: number; day: number };
}

interface Candidate {
  start: number;
  end: number;
  /**
   * Absent for absolute dates ("March 2, 2017", "May 2016"): they are matched
   * only so that their words cannot be read again as a relative "May".
   * Returns undefined when the words name no real day ("Feb. 30").
   */
  resolve?: (tense: Tense) => PartialDate | undefined;
  /** For a span of days, its last day from its first; undefined when the words name no real day. */
  resolveEnd?: (start: PartialDate) => PartialDate | undefined;
  /** The weekday written with the day ("Friday, March 3"), 0 for Sunday: the day must fall on it. */
  weekday?: number;
  /**
   * An absolute date with its weekday: shown as written, and kept only when
   * the weekday is wrong, so that the mistake is reported.
   */
  checkOnly?: boolean;
  /** Whether the second day ends a span ("March 3-5") or is a day of its own ("March 3 and 10"). */
  second?: 'until' | 'also';
  /**
   * A month as written with no word to place it ("in May", "on May 3"): a
   * year later in the sentence may be its own ("in May, convicted in 2016").
   */
  bareMonth?: true;
  /**
   * Words counted from whatever moment the sentence is about, which is the
   * publication day only until the sentence names another (see
   * {@link frameSetters}): a month, a weekday, "last year". Days named
   * outright ("yesterday") and "… ago" count from publication whatever
   * the sentence says before them.
   */
  followsFrame?: boolean;
  /**
   * Words that can only mean a time after publication ("tomorrow", "next
   * year"): a past tense around them is reported speech ("called a meeting
   * for tomorrow"), not a wrong date, unless the past verb governs them
   * ("resigned tomorrow").
   */
  ahead?: boolean;
}

/**
 * Finds the relative time expressions in `text` and resolves each against
 * the publication day `published`, in reading order.
 *
 * Expressions that need a year, month or day the writer did not give are
 * resolved at the precision they have; expressions with a year of their own
 * are absolute and left alone. Phrases the site cannot show honestly are
 * skipped rather than guessed (see the rule list below). With `framed`, the
 * text stands under words that name another moment (a heading "2016"), and
 * what would count from it is left as written, as after such words in the
 * same sentence.
 */
export function anchorDates(text: string, published: PartialDate, options: { framed?: boolean; updated?: PartialDate } = {}): AnchoredDate[] {
  const ref = reference(published, options.updated);
  // Told in the past, a day may be as late as the story's last update: "updated on April 24" in a story of April 23.
  const latestPast = ref.updated ? { year: ref.year, month: ref.updated.month, day: ref.updated.day, precision: 'day' as const } : published;
  const chosen = pickLongest(candidates(text, ref));
  // Looked for only before the last words they could move, and only in a sentence that has such words.
  const lastFollower = chosen.findLast((c) => c.followsFrame && c.resolve)?.start ?? 0;
  const setters = lastFollower > 0 ? frameSetters(text.slice(0, lastFollower), ref) : [];
  const found: AnchoredDate[] = [];
  for (const c of chosen) {
    if (!c.resolve) continue;
    // "In November of that year", "in May the following year": the year is another date's, told in words.
    if (YEAR_IN_WORDS_AFTER.test(text.slice(c.end, c.end + 40))) continue;
    if (c.followsFrame && options.framed) continue;
    if (c.followsFrame && setters.some((setter) => setter.end <= c.start && (setter.weekdaysOnly ? WEEKDAY_START.test(text.slice(c.start)) : true) && !inClosedAside(text, setter, c.start))) continue;
    const tense = tenseAround(text, c.start, c.end);
    const date = c.resolve(tense);
    if (!date) continue;
    // "Arrested in May, convicted in 2016": a later year of the same sentence, before the one worked out
    // from publication, says the story is back then; which May is not for the site to guess.
    if (c.bareMonth && earlierYearAfter(text, c.end, date.year)) continue;
    const last = c.resolveEnd?.(date);
    if (c.resolveEnd && !last) continue;
    const anchored: AnchoredDate = { start: c.start, end: c.end, text: text.slice(c.start, c.end), date, tense };
    if (last) anchored[c.second ?? 'until'] = last;
    if (tense === 'past' && (!c.ahead || pastVerbJustBefore(text, c.start)) && startOf(date) > startOf(latestPast)) {
      anchored.conflict = {
        kind: 'future-in-past-tense',
        message: `past tense, but ${formatDate(date)} is after publication on ${formatDate(published)}`,
      };
    }
    const weekday = c.weekday !== undefined && date.day !== undefined ? weekdayOf(date) : undefined;
    if (weekday !== undefined && weekday !== c.weekday) {
      anchored.conflict ??= { kind: 'wrong-weekday', message: `${formatDate(date)} is a ${WEEKDAYS[weekday]}, not a ${WEEKDAYS[c.weekday!]}` };
    }
    if (c.checkOnly && !anchored.conflict) continue;
    found.push(anchored);
  }
  return found;
}

/**
 * Whether the sentence goes on, after `from`, to date something to a year
 * before `year` ("…, convicted in 2016", "by March 2016"); not a year that
 * names a thing ("a review of the 2019 collapse").
 */
function earlierYearAfter(text: string, from: number, year: number): boolean {
  const rest = text.slice(from, from + 200);
  const sentence = rest.slice(0, rest.search(/[.!?](?:\s|$)/u) + 1 || rest.length);
  // Most sentences name no year at all: one quick look spares them the long pattern.
  if (!/(?:1[89]|20)\d\d/.test(sentence)) return false;
  return [...sentence.matchAll(DATED_TO_YEAR)].some((m) => Number(m.groups!.year) < year);
}
const DATED_TO_YEAR = new RegExp(`(?:\\b(?:in|by|until|till|through)\\s+(?:(?:early|late|mid)-?\\s*)?|\\b(?:${MONTHS.join('|')})\\s+(?:\\d{1,2},?\\s+)?)(?<year>1[89]\\d\\d|20\\d\\d)\\b`, 'giu');

/** A year named in words after a date, from another date of the story: "of that year", "the following year". */
const YEAR_IN_WORDS_AFTER = /^,?\s+(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+preceding)\s+year\b/iu;

/**
 * The spans of `text` inside direct quotation: “…”, "…" and ‘…’, each up to
 * its closing mark or the end of the text (a quote running on into the next
 * paragraph leaves its closing mark out). A closing ’ is told from an
 * apostrophe by what follows it: not a letter.
 */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open: { at: number; closer: string } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open) {
      const closes = c === open.closer && (c !== '’' || !/\p{L}/u.test(text[i + 1] ?? ''));
      if (closes) {
        spans.push({ start: open.at, end: i + 1 });
        open = undefined;
      }
    } else if (c === '“') open = { at: i, closer: '”' };
    else if (c === '"') open = { at: i, closer: '"' };
    else if (c === '‘') open = { at: i, closer: '’' };
  }
  if (open) spans.push({ start: open.at, end: text.length });
  return spans;
}

function reference(published: PartialDate, updated?: PartialDate): Reference {
  const { year, month, day } = published;
  if (published.precision !== 'day' || month === undefined || day === undefined) {
    // "Last Friday" means nothing against a month; refusing is better than guessing the 1st.
    throw new RangeError(`anchorDates needs the publication day, got ${toIso(published)}`);
  }
  const ref: Reference = { year, month, day, noon: new Date(year, month - 1, day, 12) };
  // An update in a later year is left out: "on January 3" told in the past would have two years to choose from.
  if (updated?.year === year && updated.month !== undefined && updated.day !== undefined && (updated.month - month || updated.day - day) > 0) {
    ref.updated = { month: updated.month, day: updated.day };
  }
  return ref;
}

// ---------------------------------------------------------------------------
// Patterns
//
// Rules, with P the publication day:
// - "yesterday", "today", "tonight", "tomorrow", "last night", "the day
//   before yesterday", "the day after tomorrow": days around P.
// - Weekdays ("Friday", "on Friday", "this Friday"): see resolveWeekday.
//   "last Friday" is the most recent Friday before P, "next Friday" the first
//   after it; "this past" and "this coming" read as "last" and "next".
// - Month names: see resolveMonth. A month alone must carry a sign that it is
//   a date (a preposition such as "in" or "since", "early"/"mid"/"late",
//   "last"/"this"/"next", a day number or "last year"), because capitalised
//   month words are also people ("Theresa May", "April Ryan") and events
//   ("the March on Washington"); lowercase "may" and "march" never match.
// - "last/this/next year" and "last/this/next month", optionally after
//   "earlier", "later", "early", "late" or "mid-", at year and month
//   precision. "The last year" and "the next month" mean the twelve months
//   or the month just gone or to come, a span and not a calendar unit, so
//   they are skipped.
// - "N days/weeks/months/years ago": day, day, month, year. Decades are a
//   round figure, left as written, but "… ago today", "… ago this week",
//   "… ago this month" (of months, years, decades): that day, that week
//   (Monday to Sunday) or that month, back then.
// - Weeks ("last week", "next week") are skipped: a PartialDate has no week
//   precision, and naming the Monday would print a day the story never gave.
//   "In two weeks", "two years later", seasons and "hours ago" are skipped
//   for the same reason, or because they count from a moment in the story
//   rather than from P.
// - Spans of days ("March 3-5", "Oct. 30 to Nov. 2", "3–5 March") are one
//   date from the first day to the last, the first resolved as a month with
//   a day is.
// - Dates with a year ("March 2, 2017", "2 March 2017", "May 2016",
//   "in 2016") are absolute: never anchored, and never mistaken for a
//   relative month. So are spans with a year ("March 3-5, 2018", "from
//   March 3 to March 5, 2018", "March–May 2018"): the year is the whole span's.
// ---------------------------------------------------------------------------

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, 'a couple of': 2,
};

/** Either case for the first letter only: "Last year" opens sentences, but "MAY" and "may" are not months. */
function word(w: string): string {
  return `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1).replace(/ /g, '\\s+')}`;
}
function anyWord(words: string[]): string {
  return `(?:${words.map(word).join('|')})`;
}

const START = '(?<![\\p{L}\\p{N}])';
const STOP = '(?![\\p{L}\\p{N}])';
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const MONTH = `(?:${MONTHS.join('|')})`;
const MONTH_ABBR = `(?:${Object.keys(MONTH_ABBREVIATIONS).sort((a, b) => b.length - a.length).join('|')})`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])';
const PREPOSITIONS = ['in', 'on', 'since', 'by', 'until', 'till', 'through', 'during', 'from', 'before', 'after'];
const EDGES = ['early', 'mid', 'late'];
const PREPOSITION = anyWord(PREPOSITIONS);
/** Prepositions of a deadline or a start: "by March", "until June", "from January". */
const LOOKS_ONWARD = new Set(['by', 'until', 'till', 'from']);
const EDGE = anyWord(EDGES);
/** Before a month, the words that make it one ("in May", "early May", "next May", "from March to May", "of May"): see {@link readsAsMonth}. */
const BEFORE_A_MONTH = new RegExp(`(?:^|[^\\p{L}])${anyWord([...PREPOSITIONS, 'to', 'of', ...EDGES, 'last', 'this', 'next'])}[\\s-]+$`, 'u');

/**
 * Whether a word that is also a month ("May", as a person's name may be)
 * stands as the month from `start` to `end`: after a word that makes it one,
 * or before a day or year ("May 3", "May 2023").
 */
export function readsAsMonth(text: string, start: number, end: number): boolean {
  return /^\s+\d/u.test(text.slice(end)) || BEFORE_A_MONTH.test(text.slice(Math.max(0, start - 12), start));
}
const YEAR_QUALIFIER = `,?\\s+(?:of\\s+)?(?<qualifier>${anyWord(['last', 'this', 'next'])})\\s+year${STOP}`;

const ABSOLUTE = new RegExp(
  `${START}(?:(?:${word('on')}\\s+)?${WEEKDAY},?\\s+)?(?:(?:${word('in')}|${word('on')})\\s+)?(?:${EDGE}(?:\\s+|-))?` +
    `(?:(?:${MONTH}|${MONTH_ABBR}\\.?)(?:\\s+${DAY})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}),?\\s+(?:of\\s+)?\\d{4}(?!\\d)`,
  'gu',
);

const MONTH_EXPRESSION = new RegExp(
  START +
    `(?:(?<weekdayOn>${word('on')}\\s+)?(?<weekday>${WEEKDAY}),?\\s+)?` +
    `(?:(?<preposition>${PREPOSITION})\\s+)?` +
    `(?:(?<modifier>${EDGE}|${anyWord(['last', 'this', 'next'])})(?:\\s+|-))?` +
    `(?:(?<month>${MONTH})(?:\\s+(?<day>${DAY}))?` +
    `|(?<abbreviation>${MONTH_ABBR})\\.?\\s+(?<abbreviatedDay>${DAY})` +
    `|(?<dayFirst>${DAY})\\s+(?<monthAfterDay>${MONTH}))` +
    `${STOP}(?!,?\\s+(?:of\\s+)?\\d{4})` +
    `(?:${YEAR_QUALIFIER})?`,
  'gdu',
);

/** An absolute date that names its weekday, in its parts: "Thursday, Feb. 27, 2019", "on Friday 3 March 2017". */
const WEEKDAY_AND_DATE = new RegExp(
  `^(?:${word('on')}\\s+)?(?<weekday>${WEEKDAY}),?\\s+(?:(?:${word('in')}|${word('on')})\\s+)?` +
    `(?:(?<month>${MONTH}|${MONTH_ABBR})\\.?\\s+(?<day>\\d{1,2})|(?<dayFirst>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<monthAfter>${MONTH}))` +
    `(?:st|nd|rd|th)?,?\\s+(?:of\\s+)?(?<year>\\d{4})$`,
  'u',
);

/** For an absolute date written with its weekday, the check that the day falls on it. */
function weekdayCheck(words: string): Pick<Candidate, 'resolve' | 'weekday' | 'checkOnly'> {
  const g = WEEKDAY_AND_DATE.exec(words)?.groups;
  if (!g) return {};
  const month = monthNumber(...splitMonth(g.month ?? g.monthAfter!));
  const year = Number(g.year);
  const day = Number(g.day ?? g.dayFirst);
  if (!month || day < 1 || day > daysInMonth(year, month)) return {};
  return { resolve: () => ({ year, month, day, precision: 'day' }), weekday: WEEKDAYS.indexOf(g.weekday!), checkOnly: true };
}

/** Between the two ends of a span: a dash, "to", "through", "until", or "and" after "between". */
const SPAN_SEPARATOR = `(?:\\s*[-–—]\\s*|\\s+(?:to|through|until|till|and)\\s+)`;
const MONTH_WORD = `(?:${MONTH}|${MONTH_ABBR}\\.?)`;
const YEAR_AFTER = `,?\\s+(?:of\\s+)?(?<year>\\d{4})(?!\\d)`;
/** A span of days: "on March 3-5", "Oct. 30 to Nov. 2", "between 3 and 5 March", "from 28 February to 2 March", with or without a year after it. */
const DAY_SPAN = new RegExp(
  `${START}(?:(?<preposition>${anyWord(['on', 'from', 'between'])})\\s+)?` +
    `(?:(?<month>${MONTH_WORD})\\s+(?<day>${DAY})${SPAN_SEPARATOR}(?:(?<endMonth>${MONTH_WORD})\\s+)?(?<endDay>${DAY})` +
    `|(?<dayFirst>${DAY})${SPAN_SEPARATOR}(?<endDayFirst>${DAY})\\s+(?<monthAfter>${MONTH})` +
    `|(?<dayBefore>${DAY})\\s+(?<monthBefore>${MONTH_WORD})${SPAN_SEPARATOR}(?<endDayBefore>${DAY})\\s+(?<endMonthAfter>${MONTH_WORD}))` +
    `(?:${YEAR_AFTER})?`,
  'gdu',
);
/**
 * After "March 3 and 10", what shows the number counts something rather than
 * naming a day: "… and 10 members walked out", "… and 10 of them", "…
 * and 10,000 marched". A plural noun is told by its -s (not "was", "has").
 */
const COUNTED_AFTER = /^(?:[.,]\d|\s+(?!(?:was|is|has|as|various)(?!\p{L}))(?:of|percent|per|more|other|men|women|children|people|police|staff|[a-z]+s)(?!\p{L}))/u;
/** A span of months with its year ("March–May 2018", "from March to May 2018"): absolute, so "March" is not read as this year's. */
const MONTH_SPAN = new RegExp(`${START}(?:${anyWord(['in', 'from', 'between'])}\\s+)?${MONTH}${SPAN_SEPARATOR}${MONTH}${YEAR_AFTER}`, 'gu');

const WEEKDAY_EXPRESSION = new RegExp(
  `${START}(?:(?<modifier>${anyWord(['on', 'last', 'next', 'this past', 'this coming', 'this'])})\\s+)?(?<weekday>${WEEKDAY})${STOP}`,
  'gu',
);
/** A week named after a weekday ("Tuesday last week"), or after a list of them ("Monday and Friday next week"). */
const WEEK_AFTER = new RegExp(`^,?\\s+(?<week>${anyWord(['last', 'next', 'this'])})\\s+week${STOP}`, 'u');
const WEEK_AFTER_LIST = new RegExp(
  `^(?:,?\\s+(?:and|or)\\s+(?:on\\s+)?${WEEKDAY})+,?\\s+(?<week>${anyWord(['last', 'next', 'this'])})\\s+week${STOP}`,
  'u',
);

/** "Good Friday", "Super Tuesday": named days, not the coming or last one. */
const NAMED_DAY_BEFORE = /(?:Good|Black|Ash|Super|Cyber|Holy|Maundy|Easter|Palm|Bloody|Giving)\s+$/u;
/** "on a Monday morning", "every Friday", "that Tuesday": some such day, or one the story sets, not one counted from publication. */
const SOME_DAY_BEFORE = /(?:^|[^\p{L}])(?:[Aa]n?|[Oo]ne|[Ee]very|[Ee]ach|[Aa]ny|[Ss]ome|[Tt]hat|[Tt]he|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth)\s+$/u;
/** "The Sunday Times", "Monday Night Football": titles. */
const TITLE_AFTER = /^\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Night|Morning|Show|Club)(?![\p{L}])/u;
/**
 * "cuts Sunday hours", "Sunday service", "the last Wednesday of the month": a
 * kind of day, not a day. ("its Tuesday meeting", "in Monday trading" and
 * "Friday games were canceled" are one day each, and dated.)
 */
const KIND_OF_DAY_AFTER = /^\s+(?:hours|service|services|school|edition|editions|paper|papers|brunch|mass|masses|market|markets|league|leagues|schedule|schedules|shift|shifts|deliveries|collection|collections|parking|closures|of\s+(?:the|that|this|each|every|next|last)\s+(?:month|week|year))(?![\p{L}])/u;

const CALENDAR_UNIT = new RegExp(
  `${START}(?:(?<edge>${anyWord(['earlier', 'later', 'early', 'late', 'mid'])})(?:\\s+|-))?` +
    `(?<which>${anyWord(['last', 'this', 'next'])})\\s+(?<unit>year|month|week)${STOP}`,
  'gu',
);
/** "over the last year", "in the next month": a span measured back or forward, not a calendar unit. */
const SPAN_BEFORE = /(?:^|[^\p{L}])(?:the|The)\s+$/u;

/**
 * "last spring", "next fall", "this summer": the season's year, shown as the
 * year. The seasons are the northern ones by month (spring March–May, summer
 * June–August, fall September–November); winter runs over New Year, so it
 * names no one year and is left as written.
 */
const SEASON = new RegExp(
  `${START}(?<which>${anyWord(['this past', 'last', 'this', 'next'])})\\s+(?<season>spring|summer|fall|autumn)${STOP}`,
  'gu',
);
const SEASON_WORD = /spring|summer|fall|autumn/;
const SEASON_MONTHS = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11] } as const;

const AGO = new RegExp(
  `${START}(?<count>\\d+|${anyWord(Object.keys(NUMBERS).sort((a, b) => b.length - a.length))})\\s+` +
    `(?<unit>day|week|fortnight|month|year|decade)s?\\s+ago(?:\\s+(?<same>today|this\\s+week|this\\s+month))?${STOP}`,
  'gu',
);

const DAY_WORD = new RegExp(
  `${START}(?<word>${anyWord(['the day before yesterday', 'the day after tomorrow', 'yesterday', 'today', 'tonight', 'tomorrow', 'last night'])})${STOP}`,
  'gu',
);
const DAY_WORD_OFFSETS: Record<string, number> = {
  'the day before yesterday': -2, 'the day after tomorrow': 2, yesterday: -1, today: 0, tonight: 0, tomorrow: 1, 'last night': -1,
};

/**
 * Which patterns could match at all, from plain substrings each needs: a
 * month's first three letters, "day" (every weekday, "today", "yesterday"),
 * "night" or "morrow", "year", "month" or "week", "ago", a season, four digits, a number and a dash or "to". Most sentences
 * lack most of them, and a substring test costs far less than a Unicode
 * pattern with look-behinds run over the whole sentence.
 */
function wordsIn(text: string) {
  return {
    month: MONTH_START.test(text),
    year: /\d{4}/.test(text),
    day: text.includes('day'),
    night: text.includes('night') || text.includes('morrow'),
    unit: text.includes('year') || text.includes('month') || text.includes('week'),
    season: SEASON_WORD.test(text),
    ago: text.includes('ago'),
    span: SPAN_HINT.test(text),
  };
}
const MONTH_START = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
/** A number followed by what joins the two ends of a span, or that joint before a number ("28 February to 2 March"): no span of days without one. */
const SPAN_HINT = /\d(?:\s*[-–—]|\s+(?:to|through|until|till|and)\s)|[a-z.](?:\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+)\d/;

function candidates(text: string, ref: Reference): Candidate[] {
  const found: Candidate[] = [];

  const has = wordsIn(text);
  if (has.year && has.month) for (const m of text.matchAll(ABSOLUTE)) found.push({ start: m.index, end: m.index + m[0].length, ...weekdayCheck(m[0]) });
  if (has.year && has.month) for (const m of text.matchAll(MONTH_SPAN)) found.push({ start: m.index, end: m.index + m[0].length });

  if (has.month && has.span) for (const m of text.matchAll(DAY_SPAN)) {
    const g = m.groups!;
    const at = m.indices!.groups!;
    // "March 3 and 10" are two days, not the days between; "between March 3 and 10" is a span.
    const twoDays = /\sand\s/.test(m[0]) && g.preposition?.toLowerCase() !== 'between';
    // "on March 3 and 10 people marched": the number counts something, and only March 3 is a date.
    if (twoDays && !g.year && COUNTED_AFTER.test(text.slice(m.index + m[0].length))) continue;
    // With its year, the span is absolute: matched only so that its first day is not read as this year's.
    if (g.year) {
      found.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    const [monthWord, abbreviation] = splitMonth(g.month ?? g.monthAfter ?? g.monthBefore!);
    const month = monthNumber(monthWord, abbreviation);
    const endWritten = g.endMonth ?? g.endMonthAfter;
    const [endWord, endAbbreviation] = endWritten ? splitMonth(endWritten) : [monthWord, abbreviation];
    const endMonth = monthNumber(endWord, endAbbreviation);
    const day = parseInt(g.day ?? g.dayFirst ?? g.dayBefore!, 10);
    const endDay = parseInt(g.endDay ?? g.endDayFirst ?? g.endDayBefore!, 10);
    const keepsPreposition = g.preposition !== undefined && /^on$/i.test(g.preposition);
    found.push({
      start: (keepsPreposition ? at.preposition! : (at.month ?? at.dayFirst ?? at.dayBefore)!)[0],
      end: m.index + m[0].length,
      resolve: (tense) => resolveMonth(ref, month, day, undefined, undefined, tense),
      second: twoDays ? 'also' : 'until',
      // The second day is in the first day's year, or the next one's over New Year ("Dec. 30 to Jan. 2").
      resolveEnd: (start) => {
        const year = start.year + (endMonth < month ? 1 : 0);
        if (endDay < 1 || endDay > daysInMonth(year, endMonth)) return undefined;
        const end: PartialDate = { year, month: endMonth, day: endDay, precision: 'day' };
        return startOf(end) > startOf(start) ? end : undefined;
      },
      followsFrame: true,
      bareMonth: true,
    });
  }

  if (has.month) for (const m of text.matchAll(MONTH_EXPRESSION)) {
    const g = m.groups!;
    const at = m.indices!.groups!;
    const month = monthNumber(g.month ?? g.monthAfterDay, g.abbreviation);
    const dayText = g.day ?? g.abbreviatedDay ?? g.dayFirst;
    const day = dayText === undefined ? undefined : parseInt(dayText, 10);
    if (g.weekday && day === undefined) continue; // "Friday, May" is no date; the weekday pattern takes "Friday"
    if (!g.preposition && !g.modifier && day === undefined && !g.qualifier) continue; // "Theresa May", "April Ryan"
    if (day === undefined && /^\s+Day(?![\p{L}])/u.test(text.slice(m.index + m[0].length))) continue; // "on May Day": a holiday's name
    // "in May" and "on May 3" keep their preposition so the marked-up words read as a phrase; "since May" marks only "May".
    const keepsPreposition = g.preposition !== undefined && /^(?:in|on)$/i.test(g.preposition);
    const start = (g.weekday ? (at.weekdayOn ?? at.weekday)! : keepsPreposition ? at.preposition! : (at.modifier ?? at.month ?? at.abbreviation ?? at.dayFirst)!)[0];
    const modifier = g.modifier?.toLowerCase();
    const qualifier = g.qualifier?.toLowerCase();
    // "since January" looks back whatever the verb: "has been in office since January and plans to ...".
    const since = g.preposition?.toLowerCase() === 'since';
    // "must sign by March", "the rules apply from January": with no tense to go by, a deadline or a start lies ahead.
    const onward = LOOKS_ONWARD.has(g.preposition?.toLowerCase() ?? '');
    found.push({
      start,
      end: m.index + m[0].length,
      ...(g.weekday ? { weekday: WEEKDAYS.indexOf(g.weekday) } : {}),
      resolve: (tense) => resolveMonth(ref, month, day, modifier, qualifier, since ? 'past' : onward && tense === 'unknown' ? 'future' : tense),
      followsFrame: true,
      ...(!modifier && !qualifier ? { bareMonth: true as const } : {}),
      ahead: modifier === 'next' || qualifier === 'next',
    });
  }

  if (has.day) for (const m of text.matchAll(WEEKDAY_EXPRESSION)) {
    const g = m.groups!;
    const modifier = g.modifier?.toLowerCase().replace(/\s+/g, ' ');
    const weekdayStart = m.index + m[0].length - g.weekday!.length;
    if (!modifier && NAMED_DAY_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (!modifier && SOME_DAY_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (TITLE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (KIND_OF_DAY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    const weekday = WEEKDAYS.indexOf(g.weekday!);
    // "on Tuesday last week", "on Monday and Friday next week": that week's day.
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const own = WEEK_AFTER.exec(rest);
    const week = (own ?? WEEK_AFTER_LIST.exec(rest))?.groups!.week!.toLowerCase();
    if (week !== undefined && (modifier === undefined || modifier === 'on')) {
      const shift = { last: -1, this: 0, next: 1 }[week as 'last' | 'this' | 'next'];
      const day = dayOf(addDays(mondayOf(ref, shift), (weekday + 6) % 7));
      found.push({
        start: modifier === undefined ? weekdayStart : m.index,
        end: m.index + m[0].length + (own?.[0].length ?? 0),
        resolve: () => day,
        followsFrame: true,
        ahead: shift > 0,
      });
      continue;
    }
    // "on Friday" keeps "on" for the same reason "in May" keeps "in".
    found.push({
      start: modifier === undefined ? weekdayStart : m.index,
      end: m.index + m[0].length,
      resolve: (tense) => resolveWeekday(ref, weekday, modifier, tense),
      followsFrame: true,
      ahead: modifier === 'next' || modifier === 'this coming',
    });
  }

  if (has.unit) for (const m of text.matchAll(CALENDAR_UNIT)) {
    if (!m.groups!.edge && SPAN_BEFORE.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    const shift = { last: -1, this: 0, next: 1 }[m.groups!.which!.toLowerCase() as 'last' | 'this' | 'next'];
    const unit = m.groups!.unit as 'year' | 'month' | 'week';
    if (unit === 'week') {
      // A week is the days from its Monday to its Sunday: "last week" in a Wednesday story is the Monday to Sunday before.
      const monday = mondayOf(ref, shift);
      found.push({ start: m.index, end: m.index + m[0].length, resolve: () => dayOf(monday), resolveEnd: () => dayOf(addDays(monday, 6)), followsFrame: true, ahead: shift > 0 });
      continue;
    }
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      resolve: () => (unit === 'year' ? { year: ref.year + shift, precision: 'year' } : monthAt(ref, shift)),
      followsFrame: true,
      ahead: shift > 0,
    });
  }

  if (has.season) for (const m of text.matchAll(SEASON)) {
    // "the last summer of his life", "since his last fall": no season of the calendar.
    if (/(?:^|[^\p{L}])(?:the|his|her|its|their|our|my|your)\s+$/iu.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    const which = m.groups!.which!.toLowerCase().replace(/\s+/g, ' ');
    const [first, last] = SEASON_MONTHS[m.groups!.season!.toLowerCase() as keyof typeof SEASON_MONTHS];
    // Where the publication day stands to the season in its own year: before it, in it, or after it.
    const at = ref.month < first ? 'before' : ref.month > last ? 'after' : 'in';
    let year: number | undefined;
    if (which === 'last' || which === 'this past') year = at === 'after' ? ref.year : ref.year - 1;
    // "next spring" written in February may mean this one or the one after: left as written.
    else if (which === 'next') year = at === 'before' ? undefined : ref.year + 1;
    else year = ref.year;
    if (year === undefined) continue;
    const resolved: PartialDate = { year, precision: 'year' };
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      // "will reopen this spring" written in November means the spring to come, "closed this fall" in February the last: left as written.
      resolve: (tense) => (which === 'this' && ((at === 'after' && tense !== 'past') || (at === 'before' && tense === 'past')) ? undefined : resolved),
      followsFrame: true,
      ahead: which === 'next',
    });
  }

  if (has.ago) for (const m of text.matchAll(AGO)) {
    const raw = m.groups!.count!.toLowerCase().replace(/\s+/g, ' ');
    const count = /^\d+$/.test(raw) ? parseInt(raw, 10) : NUMBERS[raw]!;
    const unit = m.groups!.unit as 'day' | 'week' | 'fortnight' | 'month' | 'year' | 'decade';
    // "Three years ago today", "two years ago this week": that very day, week or month, years back.
    const months = { day: 0, week: 0, fortnight: 0, month: 1, year: 12, decade: 120 }[unit];
    const same = months > 0 ? m.groups!.same?.toLowerCase().replace(/\s+/g, ' ') : undefined;
    // "A decade ago", "two decades ago": a round figure, not a year (an anniversary, "… ago this month", is exact).
    if (unit === 'decade' && same === undefined) continue;
    const then = addMonths(ref.noon, -months * count);
    const monday = addDays(then, -((getDay(then) + 6) % 7));
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      ...(same === 'this week' ? { resolveEnd: () => dayOf(addDays(monday, 6)) } : {}),
      resolve: () => {
        if (same === 'today') return dayOf(then);
        if (same === 'this week') return dayOf(monday);
        if (same === 'this month') return monthAt(ref, -months * count);
        switch (unit) {
          case 'day': return dayOf(addDays(ref.noon, -count));
          case 'week': return dayOf(addDays(ref.noon, -7 * count));
          case 'fortnight': return dayOf(addDays(ref.noon, -14 * count));
          case 'month': return monthAt(ref, -count);
          case 'year': return { year: ref.year - count, precision: 'year' };
          case 'decade': return { year: ref.year - 10 * count, precision: 'year' };
        }
      },
    });
  }

  if (has.day || has.night) for (const m of text.matchAll(DAY_WORD)) {
    const key = m.groups!.word!.toLowerCase().replace(/\s+/g, ' ');
    if (key === 'last night' && SPAN_BEFORE.test(text.slice(Math.max(0, m.index - 5), m.index))) continue; // "the last night of the tour"
    const offset = DAY_WORD_OFFSETS[key]!;
    found.push({ start: m.index, end: m.index + m[0].length, resolve: () => dayOf(addDays(ref.noon, offset)), ahead: offset > 0 });
  }

  return found;
}

/**
 * Words before which the sentence is about another moment than the
 * publication day, so that a month, weekday or "last year" after them would
 * count from that moment, which the site does not know: such words are left
 * as written, rather than shown with a date that is wrong.
 * - A year other than the publication's: "The wall collapsed in 2019 and in
 *   March the council set up a review" (March 2019, not of the publication's
 *   year); "Back in 2021, she promised work would start on Monday".
 * - A date with a month, in the publication's year but not its month or the
 *   one before, for weekdays: "On January 4, 2024, the council met, and on
 *   Friday it voted" in July.
 * - A count from a moment of the story: "Two days later, on Saturday",
 *   "the following week", "that same day".
 * Not when those words stand in an aside that closes before the date:
 * "Sessions, who joined the Senate in 1997, said on Tuesday" is Tuesday of
 * the publication's week.
 */
interface FrameSetter {
  start: number;
  end: number;
  /** Only weekdays follow it (a date of the publication's year: its months are still that year's). */
  weekdaysOnly: boolean;
}

/** A year as a word: not part of a number ("2,019", "2019.5"), a price or a percentage. */
const YEAR_WORD = /(?<![\p{L}\p{N}$£€.,/-])(?<year>1[89]\d\d|20\d\d)(?![\p{N}%]|[.,]\d)/gu;
const COUNT_FROM_STORY = new RegExp(
  `${START}(?:(?:\\d+|${anyWord([...Object.keys(NUMBERS), 'several', 'a few'].sort((a, b) => b.length - a.length))})\\s+(?:day|week|month|year)s?\\s+(?:later|earlier|before|after|on)` +
    `|(?:the|The)\\s+(?:next|following|previous|preceding)\\s+(?:day|week|month|year|morning|afternoon|evening|night)` +
    `|(?:the|The)\\s+(?:day|week|month|year|night)\\s+(?:before|after)` +
    `|${word('that')}\\s+(?:same\\s+)?(?:day|week|month|year|morning|afternoon|evening|night))${STOP}`,
  'gu',
);
/** What a count runs up to, named after "before" or "after": "after his arrest", "before the vote". */
const COUNTED_TO = /^\s+(?:the|his|her|its|their|a|an|this|that)\s/u;
/** A word every count from the story has: a plain test that spares most sentences the pattern above. */
const COUNT_WORD = /later|earlier|before|after|next|following|previous|preceding|[Tt]hat|\son\b/;
/** The month of an absolute date (which always has one). */
const MONTH_IN = new RegExp(`${MONTH}|${MONTH_ABBR}`);
const WEEKDAY_START = new RegExp(`^(?:${anyWord(['on', 'last', 'next', 'this past', 'this coming', 'this'])}\\s+)?${WEEKDAY}`, 'u');

/**
 * The year a heading or lead-in opens with ("2016", "March 2016", "Spring
 * 2018: the plan", "In 2019"), or undefined: one that only mentions a year
 * ("The 2019 campaign and what it means now", "Published in 2019") says
 * nothing of when what follows happened.
 */
export function leadingYear(text: string): number | undefined {
  const m = LEADING_YEAR.exec(text);
  return m ? Number(m.groups!.year) : undefined;
}
const LEADING_YEAR = new RegExp(
  `^[\\s*_"“(]*(?:${word('in')}\\s+)?(?:(?:${anyWord(['early', 'late', 'mid', 'spring', 'summer', 'fall', 'autumn', 'winter'])}|${MONTH_WORD})[\\s-]+)*(?<year>1[89]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}])`,
  'u',
);

/** "since 2016", "Since March 2016": a time up to now, which moves nothing after it. */
const SINCE_BEFORE = /(?:^|[^\p{L}])[Ss]ince\s+$/u;

function frameSetters(text: string, ref: Reference): FrameSetter[] {
  const setters: FrameSetter[] = [];
  const since = (at: number) => SINCE_BEFORE.test(text.slice(Math.max(0, at - 7), at));
  if (/\d{4}/.test(text)) {
    /** Where a date after "since" ends: its year is part of it. */
    const sinceEnds = new Set<number>();
    for (const m of text.matchAll(ABSOLUTE)) {
      if (since(m.index)) {
        sinceEnds.add(m.index + m[0].length);
        continue;
      }
      const year = Number(m[0].slice(-4));
      const named = MONTH_IN.exec(m[0])![0];
      const month = monthNumber(MONTHS.includes(named) ? named : undefined, named);
      if (year !== ref.year) setters.push({ start: m.index, end: m.index + m[0].length, weekdaysOnly: false });
      else if (month && month !== ref.month && month !== ref.month - 1) setters.push({ start: m.index, end: m.index + m[0].length, weekdaysOnly: true });
    }
    for (const m of text.matchAll(YEAR_WORD)) {
      if (since(m.index) || sinceEnds.has(m.index + m[0].length)) continue;
      if (Number(m.groups!.year) !== ref.year) setters.push({ start: m.index, end: m.index + m[0].length, weekdaysOnly: false });
    }
  }
  if (COUNT_WORD.test(text)) {
    for (const m of text.matchAll(COUNT_FROM_STORY)) {
      const end = m.index + m[0].length;
      // "nine months after his arrest last June": counted up to something the sentence dates itself; that date is not counted from it.
      if (/(?:before|after)$/u.test(m[0]) && COUNTED_TO.test(text.slice(end, end + 8))) continue;
      setters.push({ start: m.index, end, weekdaysOnly: false });
    }
  }
  return setters;
}

/** An aside opens with a comma, a bracket or a dash and closes with the same kind of mark. */
const ASIDE_OPEN = /(?:,|\(|\s[—–]|—)[^,(—–]*$/u;
const ASIDE_CLOSE = /[,)—–]/u;

/** Whether `setter` stands in an aside ("Sessions, who joined in 1997, said …") that closes before `before`. */
function inClosedAside(text: string, setter: FrameSetter, before: number): boolean {
  if (!ASIDE_OPEN.test(text.slice(0, setter.start))) return false;
  const close = ASIDE_CLOSE.exec(text.slice(setter.end, before));
  return close !== null;
}

/**
 * Overlapping matches ("in September last year" holds "last year"; "on
 * Friday, March 3, 2017" holds "Friday") are settled by length: the longest
 * reading is the writer's phrase, and an absolute date outranks the relative
 * words inside it.
 */
function pickLongest(all: Candidate[]): Candidate[] {
  const ordered = [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The weekday a day falls on, 0 for Sunday. */
function weekdayOf(date: PartialDate): number {
  return getDay(new Date(date.year, date.month! - 1, date.day!, 12));
}

function monthNumber(full: string | undefined, abbreviation: string | undefined): number {
  if (full !== undefined) return MONTHS.indexOf(full) + 1;
  return MONTH_ABBREVIATIONS[abbreviation!]!;
}

/** A month as written in a span ("March", "Sept.") as the full name or the abbreviation {@link monthNumber} takes. */
function splitMonth(written: string): [string | undefined, string | undefined] {
  const bare = written.replace(/\.$/, '');
  return MONTHS.includes(bare) ? [bare, undefined] : [undefined, bare];
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

/** The Monday of the publication's week, moved by `shift` weeks: weeks run from Monday to Sunday. */
function mondayOf(ref: Reference, shift: number): Date {
  return addDays(ref.noon, 7 * shift - ((getDay(ref.noon) + 6) % 7));
}

function dayOf(d: Date): PartialDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), precision: 'day' };
}

function monthAt(ref: Reference, shift: number): PartialDate {
  const d = addMonths(new Date(ref.year, ref.month - 1, 1, 12), shift);
  return { year: d.getFullYear(), month: d.getMonth() + 1, precision: 'month' };
}

/**
 * A bare weekday ("on Friday", "Friday", "this Friday") lies within a week of
 * P, on the side the verb points to: past tense → the most recent such day
 * before P, future → the next one after P.
 *
 * When P itself is that weekday the answer is P in every tense. AP style
 * names the day of the week instead of writing "today", so "The House voted
 * on Wednesday" in a Wednesday story is that day; a week-old Wednesday would
 * be written "last Wednesday" (which does mean P − 7 here, and "next
 * Wednesday" P + 7).
 *
 * With no tense to go on (present tense, no verb), the next occurrence is
 * taken: in story text an unmarked weekday is nearly always a schedule
 * ("The vote is Friday", "Hearings begin Monday"); past events come with a
 * past-tense verb that this module does see.
 */
function resolveWeekday(ref: Reference, weekday: number, modifier: string | undefined, tense: Tense): PartialDate {
  const today = getDay(ref.noon);
  const back = (today - weekday + 7) % 7 || 7;
  const ahead = (weekday - today + 7) % 7 || 7;
  let shift: number;
  if (modifier === 'last' || modifier === 'this past') shift = -back;
  else if (modifier === 'next' || modifier === 'this coming') shift = ahead;
  else if (weekday === today) shift = 0;
  else shift = tense === 'past' ? -back : ahead;
  return dayOf(addDays(ref.noon, shift));
}

/**
 * A month without a year ("in May", "on May 3", "last September").
 *
 * - With "last/this/next year" after it, that year.
 * - "last May" is the most recent May before P's month ("last September" in
 *   June 2017 is September 2016; "last May" is May 2017); "next May" the
 *   first after P's month; "this May" the May of P's year.
 * - Otherwise the tense decides: past → the latest occurrence not after P,
 *   future → the earliest not before P, unknown → P's calendar year.
 *   "Not after P" is judged at the phrase's precision: "in June" in a June
 *   story is this June, but "on June 10" in past tense in a story of June 7
 *   is last year's June 10, since this year's has not happened. A story
 *   updated later that year has its past up to the update: "updated on
 *   June 9" in a story of June 7 updated June 9 is this year's.
 */
function resolveMonth(
  ref: Reference,
  month: number,
  day: number | undefined,
  modifier: string | undefined,
  qualifier: string | undefined,
  tense: Tense,
): PartialDate | undefined {
  let year: number;
  if (qualifier) year = ref.year + (qualifier === 'last' ? -1 : qualifier === 'next' ? 1 : 0);
  else if (modifier === 'last') year = month < ref.month ? ref.year : ref.year - 1;
  else if (modifier === 'next') year = month > ref.month ? ref.year : ref.year + 1;
  else if (modifier === 'this') year = ref.year;
  else {
    // Compare (month, day) against P; with no day only the month counts, so P's own month is neither before nor after.
    const orderTo = (to: { month: number; day: number }) => month - to.month || (day === undefined ? 0 : day - to.day);
    // The past reaches up to the last update, which is never before publication.
    if (tense === 'past') year = orderTo(ref.updated ?? ref) <= 0 ? ref.year : ref.year - 1;
    else if (tense === 'future') year = orderTo(ref) >= 0 ? ref.year : ref.year + 1;
    else year = ref.year;
  }
  if (day === undefined) return { year, month, precision: 'month' };
  if (day < 1 || day > daysInMonth(year, month)) return undefined; // "Feb. 30", "Feb. 29" outside a leap year
  return { year, month, day, precision: 'day' };
}

// ---------------------------------------------------------------------------
// Tense
//
// The tense of an expression is that of the nearest tense marker in its
// sentence, counted in words; on a tie the marker before the expression wins,
// since news copy puts the time after its verb ("met on Friday"). Nearest
// rather than first, because reported speech mixes tenses: in "He said on
// Friday that he will resign" the date belongs to "said", in "He said that
// Comey will testify on Friday" to "will".
//
// Within its clause (between commas or dashes) first, then in the whole
// sentence: a participle in the next clause ("…next year, ending a tenure
// defined by…") says nothing of the date.
//
// Future markers: will, shall, would, 'll, won't; "going to", "expected to",
// "scheduled to", "slated to", "poised to", "plans to", "intends to", "aims
// to"; "scheduled for", "slated for", "planned for"; "due to" and "set to"
// after a form of be ("due to" alone also means "because of"); "is to" /
// "are to"; "to be" followed by a participle; "expected", "scheduled",
// "due" and the like right before the date ("appeal expected next month");
// a present verb after its subject or "and" right before the date ("…and
// reopens in July"); "is set for".
// Past markers: irregular past forms (met, said, told, held, was, were, had,
// ...), "been" (the present perfect looks back), negated past auxiliaries,
// and lowercase words ending in -ed, unless
// the word after a determiner is an adjective ("the alleged meeting") or
// follows a present or bare be ("will be questioned", "is expected").
// ---------------------------------------------------------------------------

const FUTURE_WORDS = new Set(['will', 'shall', 'would', "won't", "wouldn't", "shan't"]);
const FUTURE_BEFORE_TO = new Set([
  'going', 'expected', 'scheduled', 'slated', 'poised', 'plans', 'plan', 'planning', 'planned', 'intends', 'intend', 'intending', 'aims', 'aim',
]);
/** Participles that, right before a date, say it was still ahead: "a ruling expected next month", "the vote scheduled in May". */
const LOOKS_AHEAD_BEFORE_DATE = new Set(['expected', 'scheduled', 'slated', 'planned', 'due', 'upcoming']);
/** A verb in the present, third person ("reopens", "meets", "votes"), not a word that merely ends in s ("class", "status", "this"). */
const PRESENT_VERB = /^[a-z]{3,}[^su']s$/;
/** What comes right before such a verb: its subject, or "and" when it shares the clause's subject ("closed in March and reopens in July"). */
const SUBJECT_BEFORE_VERB = new Set(['it', 'he', 'she', 'this', 'that', 'which', 'who', 'and', 'but', 'then', 'also', 'now']);
/** "The hearing, scheduled for Thursday, ...": the date was still ahead when it was set. */
const FUTURE_BEFORE_FOR = new Set(['scheduled', 'slated', 'planned']);
/**
 * "The judge scheduled trial for March 3", "postponed the vote until Friday",
 * "was moved to Friday": a date something was put off to, or set for, lies
 * after the setting, which the story reports as news: ahead.
 */
const SET_FOR = new Set(['scheduled', 'rescheduled', 'slated', 'planned', 'set', 'postponed', 'delayed', 'moved', 'pushed', 'adjourned', 'deferred', 'remanded', 'bailed', 'released', 'bail']);
const BEFORE_SET_DATE = new Set(['for', 'to', 'until', 'till']);
/** "until his trial in June", "bail until their next appearance in December": the date of what a span runs up to. */
const UNTIL = new Set(['until', 'till']);
/**
 * Setting words that take their object between them and the date ("remanded
 * both men in custody until …", "adjourned the hearing of all three until …"),
 * so may stand further back than the others.
 */
const SET_FOR_FAR = new Set(['remanded', 'bailed', 'released', 'adjourned', 'postponed', 'deferred', 'delayed']);
/** Prepositions between "until" and its noun's date: "until sentencing on May 27", "until trial in June". */
const UNTIL_NOUN_DATE = new Set(['on', 'in', 'at']);
function isSetFor(tokens: Token[], i: number, far = false): boolean {
  const w = tokens[i]?.word;
  return w !== undefined && (far ? SET_FOR_FAR : SET_FOR).has(w) && !(w === 'set' && tokens[i - 1]?.word === 'been');
}
/**
 * Verbs of a schedule in the present, third person ("The trial begins March
 * 3", "goes on trial March 3"): news writes the coming days so. Only the -s
 * forms, and only a few words before the date: "open", "close", "head" and
 * "air" are as often adjectives and nouns ("was open Tuesday", "fired head
 * coach Tom Pike on Monday", "launched air strikes Saturday").
 */
const SCHEDULE_VERBS = new Set(
  'begins opens reopens ends closes resumes meets convenes goes expires arrives faces hosts testifies retires takes runs lasts continues'.split(' '),
);
/** Words that may say what the date is, but not when it lies from now: "could", "should", "may" (lowercase); not "could have". */
const OPEN_WORDS = new Set(['should', 'could', 'might', 'may', 'can', 'must', "shouldn't", "couldn't", "can't", 'cannot', "mustn't"]);
/** A present verb after these looks ahead: "If the bond passes in November". ("After talks Tuesday": after, before and when take nouns.) */
const CONDITIONS = new Set(['if', 'unless', 'once']);
/** Words after which an -ed word is a state, not a past event: "would stay closed until Friday", "earlier than planned". */
const STATE_AFTER = new Set(['stay', 'stays', 'remain', 'remains', 'become', 'becomes', 'get', 'gets', 'keep', 'keeps', 'seem', 'seems', 'than']);
/** Words that open a clause of their own after the date: "…through Aug. 30 unless the weather broke sooner". */
const CLAUSE_OPENERS = new Set(['unless', 'if', 'because', 'although', 'though', 'whereas']);
const BE = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being']);
const PRESENT_BE = new Set(['is', 'are', 'am', 'be', 'being']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const NEGATED_PAST = new Set(["didn't", "wasn't", "weren't", "hadn't"]);
interface Token {
  word: string;
  raw: string;
  at: number;
}

function tenseAround(text: string, start: number, end: number): Tense {
  const [from, to] = sentenceAround(text, start);
  const tokens: Token[] = [];
  for (const m of text.slice(from, to).matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) {
    tokens.push({ word: m[0].toLowerCase().replace(/’/g, "'"), raw: m[0], at: from + m.index });
  }
  let first = tokens.findIndex((t) => t.at >= start);
  if (first < 0) first = tokens.length;
  let after = tokens.findIndex((t) => t.at >= end);
  if (after < 0) after = tokens.length;

  // "Appeal expected next month", "a vote scheduled in May": the participle before the date looks ahead.
  const just = tokens[first - 1]?.word;
  if (just !== undefined && LOOKS_AHEAD_BEFORE_DATE.has(just)) return 'future';
  // "…and reopens in July", "it meets on Friday": a verb in the present right before the date, after its
  // subject or "and", is a schedule. ("The talks in March" is no verb: no subject word before "talks".)
  if (just !== undefined && PRESENT_VERB.test(just) && SUBJECT_BEFORE_VERB.has(tokens[first - 2]?.word ?? '')) return 'future';
  // "He was bailed to appear on Tuesday", "ordered to appear Friday": a summons looks ahead.
  if (just === 'appear' && tokens[first - 2]?.word === 'to') return 'future';
  // "scheduled trial for March 3", "was moved to Friday", "Sentencing was set for May 2", "remanded in custody
  // until Friday", "released on bail until his trial in June".
  // ("Had been set for Friday" may be a plan since dropped: "set" after "been" is left to the verbs.)
  // Only where no other verb says the sentence is past: "The vote, delayed until Oct. 28, passed 5-4" was on Oct. 28 gone by.
  // A past verb joined by "and" after the date is the same moment's news: "set sentencing for May 2 and revoked his bail".
  // "until his trial in June", or with a bare noun, "until sentencing on May 27".
  // (The date's words may begin with its preposition, "on May 27", or not, "May 27".)
  const bareNoun = (i: number) => (i === first - 2 && UNTIL_NOUN_DATE.has(tokens[first]?.word ?? '')) || (i === first - 3 && UNTIL_NOUN_DATE.has(just ?? ''));
  const until = [2, 3, 4].map((k) => first - k).find((i) => UNTIL.has(tokens[i]?.word ?? '') && (DETERMINERS.has(tokens[i + 1]?.word ?? '') || bareNoun(i)));
  const setBy = just !== undefined && BEFORE_SET_DATE.has(just) ? first - 1 : until;
  const settings = setBy === undefined ? [] : [1, 2, 3, 4, 5].map((k) => setBy - k).filter((i) => isSetFor(tokens, i, i < setBy - 3));
  const sameNews = (i: number) => i >= after && tokens[i - 1]?.word === 'and';
  // The verbs that govern the setting word are its own, not another: "was remanded", "were granted bail".
  const governs = (setAt: number, t: Token, i: number) => {
    const bail = tokens[setAt]!.word === 'bail';
    return (i === setAt - 1 && (BE.has(t.word) || bail)) || (i === setAt - 2 && bail && BE.has(t.word));
  };
  if (settings.some((setAt) => !tokens.some((t, i) => i !== setAt && !governs(setAt, t, i) && !sameNews(i) && markerAt(tokens, i) === 'past'))) return 'future';
  // "The trial begins March 3", "goes on trial March 3": a schedule's verb a few words before, after no determiner.
  for (let k = 1; k <= 3 && first - k >= 0; k++) {
    const i = first - k;
    if (k > 1 && markerAt(tokens, i + 1) !== undefined) break;
    // After "that" or "this" it is a verb all the same: "a visit that runs until Friday".
    const before = tokens[i - 1]?.word ?? '';
    if (SCHEDULE_VERBS.has(tokens[i]!.word) && tokens[i]!.raw === tokens[i]!.word && (!DETERMINERS.has(before) || before === 'that' || before === 'this')) return 'future';
  }

  // The clause around the date first (between commas, semicolons or dashes), then the whole sentence:
  // in "she will not seek a third term next year, ending a tenure defined by the scandal", "defined" is
  // nearer the date than "will", but in another clause.
  const clauseFrom = Math.max(from, ...[',', '—', '–', '('].map((mark) => text.lastIndexOf(mark, start - 1) + 1));
  const clauseEnds = [',', '—', '–', ')'].map((mark) => text.indexOf(mark, end)).filter((i) => i >= 0 && i < to);
  const opener = tokens.slice(after).find((t) => CLAUSE_OPENERS.has(t.word));
  const clauseTo = Math.min(to, ...clauseEnds, ...(opener ? [opener.at] : []));
  const inClause = (t: Token) => t.at >= clauseFrom && t.at < clauseTo;
  return nearestMarker(tokens, first, after, inClause) ?? nearestMarker(tokens, first, after, () => true) ?? 'unknown';
}

/** The nearest marker among the tokens that `counts`, outward from the date one word at a time; at equal distance the one before wins. */
function nearestMarker(tokens: Token[], first: number, after: number, counts: (t: Token) => boolean): Tense | undefined {
  for (let distance = 0; first - 1 - distance >= 0 || after + distance < tokens.length; distance++) {
    const i = first - 1 - distance;
    const before = i >= 0 && counts(tokens[i]!) ? markerAt(tokens, i) : undefined;
    if (before) return before;
    const j = after + distance;
    const following = j < tokens.length && counts(tokens[j]!) ? markerAt(tokens, j) : undefined;
    if (following) return following;
  }
  return undefined;
}

/** Whether the word right before `at` is a verb in the past: "resigned tomorrow", not "a meeting for tomorrow". */
function pastVerbJustBefore(text: string, at: number): boolean {
  const word = /(\p{L}+(?:['’]\p{L}+)*)\s+$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  if (word === undefined) return false;
  const token = { word: word.toLowerCase().replace(/’/g, "'"), raw: word, at: 0 };
  return markerAt([token], 0) === 'past';
}

function markerAt(tokens: Token[], i: number): Tense | undefined {
  const { word: w, raw } = tokens[i]!;
  const previous = tokens[i - 1]?.word;
  const next = tokens[i + 1]?.word;
  if (FUTURE_WORDS.has(w) || w.endsWith("'ll")) return 'future';
  if (next === 'to') {
    if (FUTURE_BEFORE_TO.has(w)) return 'future';
    if ((w === 'due' || w === 'set') && previous !== undefined && (BE.has(previous) || /'(?:s|re)$/.test(previous))) return 'future';
    if (w === 'is' || w === 'are') return 'future';
  }
  // Marked on "for", which sits next to the date, so that "was postponed" after it does not win on distance.
  if (w === 'for' && previous !== undefined && FUTURE_BEFORE_FOR.has(previous)) return 'future';
  // "The vote is set for Friday": set, after a present "be".
  if (w === 'for' && previous === 'set' && PRESENT_BE.has(tokens[i - 2]?.word ?? '')) return 'future';
  if (w === 'be' && previous === 'to' && next !== undefined && /(?:ed|en)$/.test(next)) return 'future';
  // "has been" is a present perfect, looking back; "will have been" looks forward; "would have been" is
  // what did not come to be, back then: "she would have been ten in August".
  if (w === 'been') return /^(?:will|shall)$|'ll$/.test(tokens[i - 2]?.word ?? '') ? 'future' : 'past';
  // "will be held", "is to be sworn in": a participle after a present "be" is no past, as "-ed" is not below;
  // nor with an adverb between ("will be formally sworn in", "will be officially closed").
  const beforeAdverbs = previous !== undefined && /^\p{L}{3,}ly$/u.test(previous) && tokens[i - 2] !== undefined ? tokens[i - 2]!.word : previous;
  if (IRREGULAR_PAST.has(w)) return beforeAdverbs !== undefined && PRESENT_BE.has(beforeAdverbs) ? undefined : 'past';
  if (NEGATED_PAST.has(w)) return 'past';
  if (raw === w && isPastInEd(w)) {
    if (previous !== undefined && (PRESENT_BE.has(beforeAdverbs!) || DETERMINERS.has(previous) || STATE_AFTER.has(previous) || /'(?:s|re)$/.test(previous))) return undefined;
    return 'past';
  }
  const afterDeterminer = previous !== undefined && DETERMINERS.has(previous);
  if (PRESENT_VERB.test(w) && raw === w && !afterDeterminer && tokens.slice(Math.max(0, i - 4), i).some((t) => CONDITIONS.has(t.word))) return 'future';
  // "may" the word, not "May" the month; "could have come Friday" looks back, and the words around it say so.
  if (OPEN_WORDS.has(w) && raw === w && next !== 'have') return 'unknown';
  return undefined;
}

/**
 * The sentence (or semicolon clause) holding offset `at`. A full stop after
 * an abbreviation ("Sen.", "Aug. 5", "U.S. Attorney") or an initial ends
 * nothing, as in the sentences the page quotes (see `goesOn`).
 */
function sentenceAround(text: string, at: number): [number, number] {
  let from = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)]*\s+(?=["“‘(]?\p{Lu})|;\s*/gu)) {
    if (m[0].startsWith('.') && goesOn(text.slice(Math.max(0, m.index - 40), m.index + 1), text.slice(m.index + m[0].length))) continue;
    const next = m.index + m[0].length;
    if (next <= at) from = next;
    else return [from, m.index + 1];
  }
  return [from, text.length];
}

