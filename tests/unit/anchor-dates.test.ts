import { describe, expect, it } from 'vitest';
import { anchorDates, quotedSpans } from '../../src/lib/anchor-dates.ts';
import { partialDate, toIso } from '../../src/lib/dates.ts';

// Publication days used below: 2017-06-07 is a Wednesday (the seed story),
// 2017-01-10 a Tuesday, 2016-12-20 a Tuesday. Nothing here depends on the
// machine's time zone; run with TZ=UTC, TZ=America/Los_Angeles and
// TZ=Asia/Tokyo to check that the module does not either.
const SEED = '2017-06-07';

interface Expected {
  text: string;
  /** toIso of the resolved date, which also fixes its precision. */
  iso: string;
  tense?: 'past' | 'future' | 'unknown';
  /** true when a future-in-past-tense conflict is expected; otherwise there must be none. */
  conflict?: true;
  /** Checked when given: the offset of `text` in the sentence. */
  start?: number;
}

type Row = [label: string, sentence: string, published: string, expected: Expected[]];

const ROWS: Row[] = [
  // The seed story.
  [
    'seed: "in July of this year" in past tense is after publication',
    'Sessions confessed to having met the Russian ambassador to the U.S in July of this year at a Republican National Convention.',
    SEED,
    [{ text: 'in July of this year', iso: '2017-07', tense: 'past', conflict: true, start: 67 }],
  ],
  [
    'seed: "in September last year"',
    'He also held another meeting with him in September last year in his Senate office.',
    SEED,
    [{ text: 'in September last year', iso: '2016-09', tense: 'past', start: 38 }],
  ],
  [
    'seed: "on Friday" in future tense',
    'Comey will be questioned on Friday by the Senate Intelligence Committee.',
    SEED,
    [{ text: 'on Friday', iso: '2017-06-09', tense: 'future', start: 25 }],
  ],
  [
    'seed: possessive "last year\'s"',
    "The investigation into Russian meddling in last year's U.S elections continues.",
    SEED,
    [{ text: 'last year', iso: '2016', tense: 'unknown', start: 43 }],
  ],

  // Weekdays, AP style: within a week of publication, the tense picks the side.
  ['weekday, past tense: the Friday before', 'Trump met with Comey on Friday, according to aides.', SEED, [{ text: 'on Friday', iso: '2017-06-02', tense: 'past' }]],
  ['weekday, "is due to": the Monday after', 'The Senate is due to vote on Monday on the repeal bill.', SEED, [{ text: 'on Monday', iso: '2017-06-12', tense: 'future' }]],
  ['bare weekday after "said"', 'Officials said Tuesday that the talks had stalled.', SEED, [{ text: 'Tuesday', iso: '2017-06-06', tense: 'past' }]],
  ['bare weekday, "is expected to"', 'The committee is expected to release its report Thursday.', SEED, [{ text: 'Thursday', iso: '2017-06-08', tense: 'future' }]],
  ['"last Friday"', 'He resigned last Friday after a week of pressure.', SEED, [{ text: 'last Friday', iso: '2017-06-02', tense: 'past' }]],
  ['"next Friday"', 'The president will travel to Brussels next Friday.', SEED, [{ text: 'next Friday', iso: '2017-06-09', tense: 'future' }]],
  ['"next Wednesday" in a Wednesday story is a week on', 'The board will meet again next Wednesday.', SEED, [{ text: 'next Wednesday', iso: '2017-06-14', tense: 'future' }]],
  ['"last Wednesday" in a Wednesday story is a week back', 'The board met last Wednesday.', SEED, [{ text: 'last Wednesday', iso: '2017-05-31', tense: 'past' }]],
  ['same weekday as publication, future tense: that day', 'The House will vote on Wednesday on the health bill.', SEED, [{ text: 'on Wednesday', iso: '2017-06-07', tense: 'future' }]],
  ['same weekday as publication, past tense: that day (AP names the day instead of "today")', 'The House voted on Wednesday to repeal the rule.', SEED, [{ text: 'on Wednesday', iso: '2017-06-07', tense: 'past' }]],
  ['"Friday\'s meeting" in past tense', "Friday's meeting with the president was tense.", SEED, [{ text: 'Friday', iso: '2017-06-02', tense: 'past', start: 0 }]],
  ['"This Friday" opening a sentence', 'This Friday the board will decide on the merger.', SEED, [{ text: 'This Friday', iso: '2017-06-09', tense: 'future', start: 0 }]],
  ['weekday with no tense marker: the next one', 'The vote is on Monday.', SEED, [{ text: 'on Monday', iso: '2017-06-12', tense: 'unknown' }]],
  ['weekday in a passive future: "to be" + participle', 'The bill, to be signed Saturday, caps premiums.', SEED, [{ text: 'Saturday', iso: '2017-06-10', tense: 'future' }]],

  // Month names without a year.
  ['month before publication, past tense', 'The two men met in May at the White House.', SEED, [{ text: 'in May', iso: '2017-05', tense: 'past' }]],
  ['month after publication, past tense: last year\'s', 'He said in September that he would not run again.', SEED, [{ text: 'in September', iso: '2016-09', tense: 'past' }]],
  ['publication month, past tense: this one', 'Flynn was interviewed in June by FBI agents.', SEED, [{ text: 'in June', iso: '2017-06', tense: 'past' }]],
  ['month after publication, future tense', 'The Supreme Court will hear arguments in October.', SEED, [{ text: 'in October', iso: '2017-10', tense: 'future' }]],
  ['month before publication, future tense: next year\'s', 'The new rules will take effect in March.', SEED, [{ text: 'in March', iso: '2018-03', tense: 'future' }]],
  ['publication month, future tense: this one', 'The Senate is set to vote in June.', SEED, [{ text: 'in June', iso: '2017-06', tense: 'future' }]],
  ['month with no tense marker: the same calendar year', 'Budget talks in September.', SEED, [{ text: 'in September', iso: '2017-09', tense: 'unknown' }]],
  ['a month after a verb of a schedule looks ahead', 'The fiscal year ends in September.', SEED, [{ text: 'in September', iso: '2017-09', tense: 'future' }]],
  ['January story, "in December", past tense: the previous year', 'The two leaders spoke in December about sanctions.', '2017-01-10', [{ text: 'in December', iso: '2016-12', tense: 'past' }]],
  ['December story, "in January", future tense: the next year', 'The law will take effect in January.', '2016-12-20', [{ text: 'in January', iso: '2017-01', tense: 'future' }]],
  ['month and day, past tense', 'The company filed for bankruptcy on May 3.', SEED, [{ text: 'on May 3', iso: '2017-05-03', tense: 'past' }]],
  ['month and day, future tense', 'Voters will go to the polls on June 8.', SEED, [{ text: 'on June 8', iso: '2017-06-08', tense: 'future' }]],
  ['month and day later in the publication month, past tense: last year\'s', 'He met her on June 10.', SEED, [{ text: 'on June 10', iso: '2016-06-10', tense: 'past' }]],
  ['AP abbreviation with a day', 'The hearing was held Sept. 12 in Washington.', SEED, [{ text: 'Sept. 12', iso: '2016-09-12', tense: 'past' }]],
  ['day before month (British)', 'Britain triggered Article 50 on 29 March.', SEED, [{ text: 'on 29 March', iso: '2017-03-29', tense: 'past' }]],
  ['weekday, month and day as one phrase', 'The vote took place on Tuesday, May 2.', SEED, [{ text: 'on Tuesday, May 2', iso: '2017-05-02', tense: 'past' }]],
  ['"last September"', 'He visited Moscow last September.', SEED, [{ text: 'last September', iso: '2016-09', tense: 'past' }]],
  ['"last May" in June: the May just gone', 'Prices fell sharply last May.', SEED, [{ text: 'last May', iso: '2017-05', tense: 'past' }]],
  ['"in May of last year"', 'The talks began in May of last year.', SEED, [{ text: 'in May of last year', iso: '2016-05', tense: 'past' }]],
  ['"in early May"', 'Comey was fired in early May.', SEED, [{ text: 'in early May', iso: '2017-05', tense: 'past' }]],
  ['"since mid-September" marks only the month', 'Talks have stalled since mid-September.', SEED, [{ text: 'mid-September', iso: '2016-09', tense: 'past' }]],
  ['past-tense "in August this year" in a June story', 'She visited Paris in August this year.', SEED, [{ text: 'in August this year', iso: '2017-08', tense: 'past', conflict: true }]],

  // Calendar years and months.
  ['"earlier this year"', 'Flynn resigned earlier this year after misleading the vice president.', SEED, [{ text: 'earlier this year', iso: '2017', tense: 'past' }]],
  ['"last month" across a year boundary', 'Unemployment fell to 4.7 percent last month.', '2017-01-10', [{ text: 'last month', iso: '2016-12', tense: 'past' }]],
  ['"this month"', 'The Senate will vote on the bill this month.', SEED, [{ text: 'this month', iso: '2017-06', tense: 'future' }]],
  ['"next month"', 'The talks will resume next month in Geneva.', SEED, [{ text: 'next month', iso: '2017-07', tense: 'future' }]],
  ['"Next year" opening a sentence', 'Next year the tax will rise again.', SEED, [{ text: 'Next year', iso: '2018', tense: 'future' }]],
  ['"late last year"', 'The plant closed late last year.', SEED, [{ text: 'late last year', iso: '2016', tense: 'past' }]],
  ['"over the last year" is a span, not a calendar year', 'Prices have risen sharply over the last year.', SEED, []],
  ['weeks are shown as their days', 'He testified last week and will return next week.', SEED, [
    { text: 'last week', iso: '2017-05-29/2017-06-04' },
    { text: 'next week', iso: '2017-06-12/2017-06-18' },
  ]],

  // Counting back.
  ['"a fortnight ago"', 'The ambassador arrived a fortnight ago.', SEED, [{ text: 'a fortnight ago', iso: '2017-05-24' }]],
  ['"three days ago"', 'The ambassador arrived three days ago.', SEED, [{ text: 'three days ago', iso: '2017-06-04', tense: 'past' }]],
  ['"two weeks ago"', 'The memo was written two weeks ago.', SEED, [{ text: 'two weeks ago', iso: '2017-05-24', tense: 'past' }]],
  ['"three months ago" across a year boundary', 'He took office three months ago.', '2017-01-10', [{ text: 'three months ago', iso: '2016-10', tense: 'past' }]],
  ['"A year ago" opening a sentence', 'A year ago, few people knew his name.', SEED, [{ text: 'A year ago', iso: '2016', tense: 'past' }]],
  // "A decade ago" is a round figure: a year written beside it would claim more than the story does.
  ['a month before an earlier year of the same sentence is left as written', 'Kaskova was arrested in May, convicted in 2016, and freed only under an amnesty in January 2020.', '2026-01-15', []],
  ['"this month" and "last week" count from publication whatever year the sentence names later', 'The draft, seen by the Courier earlier this month, says a letter in November 2014 was ignored.', '2019-03-15', [
    { text: 'earlier this month', iso: '2019-03' },
  ]],
  ['… and "last week" likewise', 'The report, seen by the Courier last week, says a letter in 2014 was ignored.', '2019-03-15', [{ text: 'last week', iso: '2019-03-04/2019-03-10' }]],
  ['a deadline with no tense to go by lies ahead', 'Doha must sign the host contract by March.', '2010-12-03', [{ text: 'March', iso: '2011-03', tense: 'unknown' }]],
  ['a start with no tense to go by lies ahead', 'The new rules apply from January.', '2010-12-03', [{ text: 'January', iso: '2011-01', tense: 'unknown' }]],
  ['a deadline told in the past is back then', 'Doha signed the contract by March.', '2010-12-03', [{ text: 'March', iso: '2010-03', tense: 'past' }]],
  ['"would have been … in August" is what did not come to be, back then', 'Her mother said: “Amelia would have been ten in August.”', '2024-10-09', [{ text: 'in August', iso: '2024-08', tense: 'past' }]],
  ['"will have been … in August" looks ahead', 'The ward will have been open a year in August.', '2024-10-09', [{ text: 'in August', iso: '2025-08', tense: 'future' }]],
  ['a month before a later year is still worked out', 'He took office in May and faces election in 2027.', '2025-11-12', [{ text: 'in May', iso: '2025-05' }]],
  ['a month of a year told in words is left as written', 'The journalist died in 2019. The inquiry, opened in November of that year, was reopened in May the following year.', '2026-01-15', []],
  ['"a decade ago" is left as written; digits are not', 'The law passed a decade ago and was amended 3 days ago.', SEED, [
    { text: '3 days ago', iso: '2017-06-04', tense: 'past' },
  ]],
  ['"two decades ago this month" is that month', 'The plant closed two decades ago this month.', SEED, [{ text: 'two decades ago this month', iso: '1997-06', tense: 'past' }]],

  // Days around publication.
  ['"yesterday"', 'The senator said yesterday that he would vote no.', SEED, [{ text: 'yesterday', iso: '2017-06-06', tense: 'past' }]],
  ['"tomorrow"', 'The results will be announced tomorrow.', SEED, [{ text: 'tomorrow', iso: '2017-06-08', tense: 'future' }]],
  ['"Yesterday\'s" across a month boundary', "Yesterday's vote was a setback for the party.", '2017-03-01', [{ text: 'Yesterday', iso: '2017-02-28', tense: 'past', start: 0 }]],
  ['"today"', 'Comey is testifying today.', SEED, [{ text: 'today', iso: '2017-06-07', tense: 'unknown' }]],
  ['"last night"', 'The House passed the bill last night.', SEED, [{ text: 'last night', iso: '2017-06-06', tense: 'past' }]],
  ['"the day before yesterday" is one phrase', 'The ambassador left the day before yesterday.', SEED, [{ text: 'the day before yesterday', iso: '2017-06-05', tense: 'past' }]],
  ['"tomorrow" in past tense is flagged', 'The minister resigned tomorrow.', SEED, [{ text: 'tomorrow', iso: '2017-06-08', tense: 'past', conflict: true }]],

  // Absolute dates are left alone.
  ['month, day and year', 'The meeting took place on March 2, 2017, in Washington.', SEED, []],
  ['bare year', 'Trump won the election in 2016.', SEED, []],
  ['day, month and year (British)', 'He was born on 2 March 1950.', SEED, []],
  ['month and year', 'The firm was founded in May 2016.', SEED, []],
  ['"in early May 2016"', 'The firm was founded in early May 2016.', SEED, []],
  ['weekday with a full date', 'The vote on Friday, March 3, 2017, was close.', SEED, []],
  ['"May of 2016"', 'The talks began in May of 2016.', SEED, []],

  // Two expressions.
  ['past month and future weekday in one sentence', 'Comey was fired in May and will testify on Thursday.', SEED, [
    { text: 'in May', iso: '2017-05', tense: 'past', start: 16 },
    { text: 'on Thursday', iso: '2017-06-08', tense: 'future', start: 40 },
  ]],
  ['past and future years', 'The deficit grew last year and will shrink next year.', SEED, [
    { text: 'last year', iso: '2016', tense: 'past' },
    { text: 'next year', iso: '2018', tense: 'future' },
  ]],
  ['two sentences, each with its own tense', 'Comey was fired last month. He will testify on Thursday.', SEED, [
    { text: 'last month', iso: '2017-05', tense: 'past' },
    { text: 'on Thursday', iso: '2017-06-08', tense: 'future' },
  ]],
  ['reported speech: the date belongs to the nearer verb', 'He said on Friday that he will resign in July.', SEED, [
    { text: 'on Friday', iso: '2017-06-02', tense: 'past' },
    { text: 'in July', iso: '2017-07', tense: 'future' },
  ]],
  ['"since" looks back even beside a future verb', 'He has been in office since January and plans to visit Paris in July.', SEED, [
    { text: 'January', iso: '2017-01', tense: 'future' },
    { text: 'in July', iso: '2017-07', tense: 'future' },
  ]],
  ['present perfect is past', 'He has been in Moscow since May.', SEED, [{ text: 'May', iso: '2017-05', tense: 'past' }]],
  ['"scheduled for" is future even in a past-tense sentence', 'The hearing, scheduled for Thursday, was postponed.', SEED, [{ text: 'Thursday', iso: '2017-06-08', tense: 'future' }]],
  ['"is to" is future', 'The committee is to vote on Monday.', SEED, [{ text: 'on Monday', iso: '2017-06-12', tense: 'future' }]],
  ['"need" is not a past tense', 'Negotiators need an answer on Friday.', SEED, [{ text: 'on Friday', iso: '2017-06-09', tense: 'unknown' }]],
  ['a tie between verbs goes to the one before', 'The bill passed on Monday will take effect in July.', SEED, [
    { text: 'on Monday', iso: '2017-06-05', tense: 'past' },
    { text: 'in July', iso: '2017-07', tense: 'future' },
  ]],
  ['"U.S." before a capital does not end the sentence', 'Officials met U.S. Senate leaders on Friday.', SEED, [{ text: 'on Friday', iso: '2017-06-02', tense: 'past' }]],
  ['names ending in -ed are not past tenses', 'Senators will meet with Ted Cruz and Fred Upton on Friday.', SEED, [{ text: 'on Friday', iso: '2017-06-09', tense: 'future' }]],
  ['an abbreviation does not end the sentence', 'Sen. Warner spoke on Monday.', SEED, [{ text: 'on Monday', iso: '2017-06-05', tense: 'past', start: 18 }]],

  // Nothing to anchor.
  ['no dates at all', 'The senator declined to comment.', SEED, []],
  ['"may" the verb', 'He may resign if the inquiry widens.', SEED, []],
  ['"march" the noun', 'Thousands joined the march on Washington.', SEED, []],
  ['"May" the prime minister', 'Prime Minister Theresa May said she would call an election.', SEED, []],
  ['"April" the reporter', 'April Ryan asked the question.', SEED, []],
  ['"Black Friday"', 'Black Friday sales rose.', SEED, []],
  ['"The Sunday Times"', 'The Sunday Times reported the deal.', SEED, []],
  ['"the last night of the tour"', 'It was the last night of the tour.', SEED, []],
  // Some such day, or one the story sets: no day counted from publication.
  ['"on a Monday morning"', 'The strike began on a Monday morning.', SEED, []],
  ['"every Friday"', 'The union meets every Friday.', SEED, []],
  ['"that Tuesday"', 'By that Tuesday the talks had collapsed.', SEED, []],
  ['"the Friday before the vote"', 'They met the Friday before the vote.', SEED, []],
  ['"one Sunday"', 'It happened one Sunday after church.', SEED, []],

  // The sentence names another moment first: what follows counts from it, which the site does not know.
  ['another year before a month', 'The wall collapsed in 2019 and in March the council set up a review.', '2024-07-05', []],
  ['a month of another year before a month', 'In March 2023 the review began, and in May it reported.', '2024-07-05', []],
  ['another year before a weekday', 'Back in 2021, Øberg promised in her campaign that work would start on Monday after the election.', '2024-07-05', []],
  ['"two days later" before a weekday', 'Two days later, on Saturday, residents protested.', '2024-07-05', []],
  ['"the following week" before a weekday', 'The following week the council met on Tuesday.', '2024-07-05', []],
  ['"that same day" before a month', 'That same day the mayor promised a vote in September.', '2024-07-05', []],
  ['another year before "last year"', 'In 2019 the budget grew, after a cut last year.', '2024-07-05', []],
  ['a date of the same year but months back, before a weekday', 'On January 4, 2024, the council met, and on Friday it voted.', '2024-07-05', []],
  ['a date of the same year months back leaves a month as it is', 'On January 4, 2024, the council met, and in May it voted.', '2024-07-05', [{ text: 'in May', iso: '2024-05' }]],
  ['the publication\'s own year changes nothing', 'In 2024 the council met in March.', '2024-07-05', [{ text: 'in March', iso: '2024-03' }]],
  ['a year after the month changes nothing', 'In March the council set up a review of the 2019 collapse.', '2024-07-05', [{ text: 'In March', iso: '2024-03' }]],
  ['a year in an aside that closes before the weekday', 'Sessions, who joined the Senate in 1997, said on Tuesday that he would stay.', SEED, [{ text: 'on Tuesday', iso: '2017-06-06' }]],
  ['"yesterday" counts from publication whatever came before', 'The wall, which collapsed in 2019 was closed again yesterday.', SEED, [{ text: 'yesterday', iso: '2017-06-06' }]],
  ['"since" a year moves nothing: it runs up to now', 'Since 2016 the council has voted every spring; it meets again on Friday.', '2018-06-13', [{ text: 'on Friday', iso: '2018-06-15' }]],
  ['"since" a month of another year moves nothing either', 'The plant has been closed since March 2016, and it reopens on Friday.', '2018-06-13', [{ text: 'on Friday', iso: '2018-06-15' }]],
  ['a number is not a year', 'About 2,019 residents signed on Monday.', SEED, [{ text: 'on Monday', iso: '2017-06-05' }]],
  // Spans of days: one date from the first day to the last; with a year after them, absolute.
  ['a span with its year is the year’s', 'Invoices for March 3-5, 2018, were billed twice.', '2019-09-13', []],
  ['an abbreviated month’s span with its year', 'It was held Sept. 3–5, 2018 in town.', '2019-09-13', []],
  ['"from … to …" with its year after the last day', 'It ran from March 3 to March 5, 2018.', '2019-09-13', []],
  ['a span of months with its year', 'It ran from March to May 2018.', '2019-09-13', []],
  ['a span without a year, in the past', 'He testified on March 3-5.', '2019-09-13', [{ text: 'on March 3-5', iso: '2019-03-03/2019-03-05' }]],
  ['a span over two months, ahead', 'The talks run Oct. 30 to Nov. 2.', '2019-09-13', [{ text: 'Oct. 30 to Nov. 2', iso: '2019-10-30/2019-11-02' }]],
  ['a span over New Year', 'The talks ran Dec. 30 to Jan. 2.', '2019-09-13', [{ text: 'Dec. 30 to Jan. 2', iso: '2018-12-30/2019-01-02' }]],
  ['day first', 'Between 3 and 5 March, they met.', '2019-09-13', [{ text: '3 and 5 March', iso: '2019-03-03/2019-03-05' }]],
  ['"and" without "between" is two days, not a span', 'The meetings on March 3 and 10 were long.', '2019-09-13', [{ text: 'on March 3 and 10', iso: '2019-03-03 and 2019-03-10' }]],
  ['two days in two months', 'Hearings on March 31 and April 2 drew crowds.', '2019-09-13', [{ text: 'on March 31 and April 2', iso: '2019-03-31 and 2019-04-02' }]],
  ['two days ahead', 'The council will meet Oct. 3 and 17.', '2019-09-13', [{ text: 'Oct. 3 and 17', iso: '2019-10-03 and 2019-10-17', tense: 'future' }]],
  ['two days with their year are the year’s', 'The council met on March 3 and 10, 2018.', '2019-09-13', []],
  ['a number after "and" that counts something is no day', 'On March 3 and 10 members walked out.', '2019-09-13', [{ text: 'On March 3', iso: '2019-03-03' }]],
  ['a number in thousands after "and" is no day', 'On March 3 and 10,000 people marched.', '2019-09-13', [{ text: 'On March 3', iso: '2019-03-03' }]],
  ['the second day before the first is no date', 'They met on March 10 and 3 others left.', '2019-09-13', [{ text: 'on March 10', iso: '2019-03-10' }]],
  ['a span naming no real day', 'On Feb. 28-30 they met.', '2019-09-13', []],
  ['a span ending before it starts', 'On March 5-3 they met.', '2019-09-13', []],
  ['"May Day" is a holiday’s name', 'On May Day, workers marched.', '2020-06-13', []],
  // Tense: a participle right before the date, and the clause around it first.
  ['"expected" right before the date looks ahead', 'Appeal: expected next month', '2020-07-10', [{ text: 'next month', iso: '2020-08', tense: 'future' }]],
  ['"scheduled" right before a month looks ahead', 'A vote scheduled in May was delayed.', '2020-03-10', [{ text: 'in May', iso: '2020-05', tense: 'future' }]],
  ['a past participle in the next clause does not outweigh "will"', 'She will not seek a third term next year, ending a tenure defined by the paving scandal.', '2020-07-10', [{ text: 'next year', iso: '2021', tense: 'future' }]],
  ['the clause’s own verb wins over a nearer one outside it', 'Comey, who was fired last month, will testify on Thursday.', SEED, [
    { text: 'last month', iso: '2017-05', tense: 'past' },
    { text: 'on Thursday', iso: '2017-06-08', tense: 'future' },
  ]],
  ['a clause with no verb takes the sentence’s', 'On Friday, Comey will testify.', SEED, [{ text: 'On Friday', iso: '2017-06-09', tense: 'future' }]],
  ['a present verb after "and" is a schedule, whatever the first clause did', 'The harbour closed in March and reopens in July.', '2018-06-13', [
    { text: 'in March', iso: '2018-03' },
    { text: 'in July', iso: '2018-07', tense: 'future' },
  ]],
  ['a present verb after its subject, past a comma', 'The harbour closed yesterday, and it reopens on Friday.', '2018-06-13', [
    { text: 'yesterday', iso: '2018-06-12' },
    { text: 'on Friday', iso: '2018-06-15', tense: 'future' },
  ]],
  ['"is set for" looks ahead, past an aside in the past', 'A second vote, which the mayor requested, is set for Friday.', '2018-06-13', [{ text: 'Friday', iso: '2018-06-15', tense: 'future' }]],
  // Tense from what sets the date, from schedules, conditions and words that leave it open.
  ['a date something is set for or put off to lies ahead', 'Judge Pike scheduled trial for March 3.', '2024-09-13', [{ text: 'March 3', iso: '2025-03-03', tense: 'future' }]],
  ['"moved to" looks ahead', 'The hearing was moved to Friday.', '2024-11-06', [{ text: 'Friday', iso: '2024-11-08', tense: 'future' }]],
  ['"postponed … until" looks ahead', 'The council postponed the vote until May.', '2024-02-06', [{ text: 'May', iso: '2024-05', tense: 'future' }]],
  ['a verb of a schedule in the present, a few words before', 'The developer, who denies wrongdoing, goes on trial March 3 on fraud charges.', '2024-11-06', [{ text: 'March 3', iso: '2025-03-03', tense: 'future' }]],
  ['"will be held": a participle after "be" is no past', 'The summit will be held in June, and the vote will be held on Friday.', '2019-03-05', [{ text: 'in June', iso: '2019-06', tense: 'future' }, { text: 'on Friday', iso: '2019-03-08', tense: 'future' }]],
  ['"will be sworn in"', 'Sheinbaum will be sworn in on 1 October.', '2024-06-04', [{ text: 'on 1 October', iso: '2024-10-01', tense: 'future' }]],
  ['"was held" is past', 'The summit was held in June.', '2019-09-05', [{ text: 'in June', iso: '2019-06', tense: 'past' }]],
  ['"runs until", after a past verb elsewhere', 'He arrived on Sunday for a visit that runs until Friday.', '2019-03-05', [{ text: 'on Sunday', iso: '2019-03-03', tense: 'past' }, { text: 'Friday', iso: '2019-03-08', tense: 'future' }]],
  ['"lasts until" in a sentence with a past clause', 'The visit, which began on Sunday, lasts until Friday.', '2019-03-05', [{ text: 'on Sunday', iso: '2019-03-03', tense: 'past' }, { text: 'Friday', iso: '2019-03-08', tense: 'future' }]],
  ['a weekday with no tense looks ahead', 'The talks resume Monday.', SEED, [{ text: 'Monday', iso: '2017-06-12', tense: 'unknown' }]],
  ['"failed to meet" is no schedule', 'The two sides failed to meet on Friday.', SEED, [{ text: 'on Friday', iso: '2017-06-02', tense: 'past' }]],
  ['a present verb after "if" looks ahead', '“If the bond passes in November, we will be ready,” she said.', '2024-06-19', [{ text: 'in November', iso: '2024-11', tense: 'future' }]],
  ['a clause after the date with "unless" is its own', 'Raman said the order would remain in place through Aug. 30 unless the weather broke sooner.', '2024-07-23', [{ text: 'Aug. 30', iso: '2024-08-30', tense: 'future' }]],
  ['an -ed word after "stay" is a state, not a past', 'The pier would stay closed until at least Friday, she said.', '2023-08-15', [{ text: 'Friday', iso: '2023-08-18', tense: 'future' }]],
  ['"than planned" is no past', 'It opens a clinic earlier than planned, perhaps in May.', '2024-02-20', [{ text: 'in May', iso: '2024-05' }]],
  ['"should" leaves the date open, not past', 'Prosecutors told jurors the trial should end by March 14.', '2025-03-04', [{ text: 'March 14', iso: '2025-03-14' }]],
  ['"could" after "said": no date check', 'She said the city could put a smaller bond on the ballot next year.', '2024-11-06', [{ text: 'next year', iso: '2025', tense: 'unknown' }]],
  ['"next year" with a past verb elsewhere: no date check', 'Whitfield, who is up for re-election next year, has made the case.', '2025-03-04', [{ text: 'next year', iso: '2026' }]],
  ['"May" the month is no "may"', 'In May the council met, and in March it voted.', '2024-07-05', [{ text: 'In May', iso: '2024-05', tense: 'past' }, { text: 'in March', iso: '2024-03', tense: 'past' }]],
  ['"… ago today" is that very day', 'Three years ago today, the pier burned.', '2024-04-12', [{ text: 'Three years ago today', iso: '2021-04-12' }]],
  ['"… ago this week" is that week, not this one', 'The inquiry was set up two years ago this week.', '2024-06-03', [{ text: 'two years ago this week', iso: '2022-05-30/2022-06-05' }]],
  ['"… ago this month" is that month', 'A year ago this month, the virus arrived.', '2024-06-03', [{ text: 'A year ago this month', iso: '2023-06' }]],
  ['"this week" after "ago," is this week', 'Two years ago, this week was quiet.', '2024-06-03', [{ text: 'Two years ago', iso: '2022' }, { text: 'this week', iso: '2024-06-03/2024-06-09' }]],
  ['"a year ago today" on a leap day', 'A year ago today the council met.', '2024-02-29', [{ text: 'A year ago today', iso: '2023-02-28' }]],
  ['"Sunday hours" are a kind of day', 'The library cuts Sunday hours at four branches.', '2024-06-20', []],
  ['"its Sunday hours"', 'The branch lost its Sunday hours.', '2024-07-23', []],
  ['"the first Wednesday of that month"', 'They will sign on the first Wednesday of that month, Feb. 5.', '2024-12-01', []],
  ['"the last Wednesday of the month"', 'The board meets the last Wednesday of the month.', '2024-12-01', []],
  ['"Sunday morning" is still a day', 'The fire broke out on Sunday morning.', '2024-07-23', [{ text: 'on Sunday', iso: '2024-07-21' }]],
  // British copy.
  ['a day-first span over two months', 'Talks will run from 28 February to 2 March.', '2019-02-20', [{ text: '28 February to 2 March', iso: '2019-02-28/2019-03-02' }]],
  ['"9am" is a time, not the verb "am"', 'Lord Tyrie spoke at 9am on Thursday.', '2019-04-26', [{ text: 'on Thursday', iso: '2019-04-25', tense: 'past' }]],
  ['a weekday "last week" is that week’s', 'He apologised on Tuesday last week.', '2023-07-27', [{ text: 'on Tuesday last week', iso: '2023-07-18' }]],
  ['weekdays listed before "last week"', 'She said so on Monday and Friday last week.', '2023-07-27', [
    { text: 'on Monday', iso: '2023-07-17' },
    { text: 'Friday last week', iso: '2023-07-21' },
  ]],
  ['a weekday "next week"', 'They will meet on Friday next week.', '2019-06-07', [{ text: 'on Friday next week', iso: '2019-06-14' }]],
  // Words that can only look ahead are no past date, whatever verb is near.
  ['"tomorrow" after a past verb is reported speech', 'The union called a meeting of shop stewards for tomorrow.', '2020-05-21', [{ text: 'tomorrow', iso: '2020-05-22' }]],
  ['"next summer" after a past verb', 'The pound fell, and traders now expect rates to rise by next summer.', '2022-09-24', [{ text: 'next summer', iso: '2023' }]],
  // Weeks, Monday to Sunday.
  ['"last week" is the Monday to Sunday before', 'The council met last week.', SEED, [{ text: 'last week', iso: '2017-05-29/2017-06-04' }]],
  ['"next week"', 'The council will meet next week.', SEED, [{ text: 'next week', iso: '2017-06-12/2017-06-18' }]],
  ['"earlier this week"', 'The council met earlier this week.', SEED, [{ text: 'earlier this week', iso: '2017-06-05/2017-06-11' }]],
  ['"over the last week" is a span back, no calendar week', 'Prices rose over the last week.', SEED, []],
  // Seasons, by their year.
  ['"last spring" after the spring is this year’s', 'The plant closed last spring.', '2024-07-23', [{ text: 'last spring', iso: '2024' }]],
  ['"last spring" before or in the spring is last year’s', 'The plant closed last spring.', '2024-04-10', [{ text: 'last spring', iso: '2023' }]],
  ['"next fall" in or after the fall is next year’s', 'It reopens next fall.', '2024-10-01', [{ text: 'next fall', iso: '2025' }]],
  ['"next fall" before the fall may be either: left as written', 'It reopens next fall.', '2024-02-01', []],
  ['"this summer"', 'Those hours come back this summer.', '2024-02-01', [{ text: 'this summer', iso: '2024' }]],
  ['"last winter" names no one year', 'The pipes froze last winter.', '2024-02-01', []],
  ['"the last summer of his life" is no date', 'It was the last summer of his life.', '2024-02-01', []],
  // What the rules above must not take: adjectives and nouns, past sentences, specific days.
  ['"open" the adjective is no schedule', 'The park was open in July, a spokesman said.', '2025-11-12', [{ text: 'in July', iso: '2025-07', tense: 'past' }]],
  ['"head coach" is no schedule', 'The Lions fired head coach Tom Pike on Monday.', '2025-11-12', [{ text: 'on Monday', iso: '2025-11-10', tense: 'past' }]],
  ['"air strikes" are no schedule', 'Israel launched air strikes Saturday.', '2025-11-12', [{ text: 'Saturday', iso: '2025-11-08', tense: 'past' }]],
  ['"After talks Tuesday": a noun after "after"', 'After talks Tuesday, the two sides said little.', '2025-11-12', [{ text: 'Tuesday', iso: '2025-11-11', tense: 'past' }]],
  ['a date put off to, in a past sentence, is past', 'The vote, delayed until Oct. 28, passed 5-4.', '2025-11-12', [{ text: 'Oct. 28', iso: '2025-10-28' }]],
  ['"could have" looks back with the words around it', 'Officials said the vote could have come Friday.', '2025-11-12', [{ text: 'Friday', iso: '2025-11-07', tense: 'past' }]],
  ['"is charged" leaves the sentence past', 'Pike, who is charged with murder in a shooting on Friday, appeared in court Monday.', '2025-11-12', [
    { text: 'on Friday', iso: '2025-11-07' },
    { text: 'Monday', iso: '2025-11-10' },
  ]],
  ['"its Tuesday meeting" is a day', 'The council canceled its Tuesday meeting.', '2025-11-12', [{ text: 'Tuesday', iso: '2025-11-11' }]],
  ['"in Monday trading" is a day', 'Shares of Acme fell 5% in Monday trading.', '2025-11-12', [{ text: 'Monday', iso: '2025-11-10' }]],
  ['"this spring" ahead, written after it, is left as written', 'The bridge will reopen this spring.', '2025-11-12', []],
  ['"since his last fall" is no season', 'Pike has been in hospice care since his last fall.', '2025-11-12', []],
  ['"was set for" looks ahead as "is set for" does', 'Sentencing was set for May 2.', '2016-03-19', [{ text: 'May 2', iso: '2016-05-02', tense: 'future' }]],
  ['a count up to something dated in the same words: that date counts from publication', 'The trial opened, nearly nine months after his arrest last June.', '2016-03-07', [{ text: 'last June', iso: '2015-06', tense: 'past' }]],
  ['a count from the story, then a day: the day is the story’s', 'Three days after, on Monday, he resigned.', '2016-03-07', []],
  ['"had been set for" is left to the verbs: a plan since dropped', 'The vote had been set for Friday.', '2018-06-13', [{ text: 'Friday', iso: '2018-06-08', tense: 'past' }]],
  ['a date set, then another past verb joined by "and": the same news', "Judge O'Halloran-Reyes set sentencing for May 2 and revoked his bail.", '2016-03-19', [{ text: 'May 2', iso: '2016-05-02', tense: 'future' }]],
  ['remanded until a day', 'He was remanded in custody until Friday.', '2016-03-19', [{ text: 'Friday', iso: '2016-03-25', tense: 'future' }]],
  ['released on bail until the trial in a month', 'He was released on bail until his trial in June.', '2016-03-19', [{ text: 'in June', iso: '2016-06', tense: 'future' }]],
  ['remanded, with an object, until a bare noun on a day', 'The judge remanded both men in custody until sentencing on May 27.', '2022-05-02', [{ text: 'on May 27', iso: '2022-05-27', tense: 'future' }]],
  ['the same, written day first', 'Mrs Justice Hargreaves remanded both men in custody until sentencing on 27 May.', '2022-05-02', [{ text: 'on 27 May', iso: '2022-05-27', tense: 'future' }]],
  ['a stay until a bare noun, in the past', 'He stayed in the city until sentencing on May 27.', '2022-06-02', [{ text: 'on May 27', iso: '2022-05-27', tense: 'past' }]],
  ['"until" a bare noun after a past verb and no setting word: past', 'They worked on it until dawn on Friday.', '2018-06-13', [{ text: 'on Friday', iso: '2018-06-08', tense: 'past' }]],
  ['granted bail until an appearance in a month', 'Both were granted bail until their next appearance in December.', '2021-10-06', [{ text: 'in December', iso: '2021-12', tense: 'future' }]],
  ['"will be" and an adverb before the participle look ahead', 'His trial will be formally ended on Monday; Reyes will be formally sworn in on Monday.', '2024-03-03', [
    { text: 'on Monday', iso: '2024-03-04', tense: 'future' },
    { text: 'on Monday', iso: '2024-03-04', tense: 'future' },
  ]],
  ['"was" and an adverb before the participle look back', 'The bridge was formally opened on Monday.', '2024-03-03', [{ text: 'on Monday', iso: '2024-02-26', tense: 'past' }]],
  ['a stay until a trial, in the past', 'He stayed in the city until his trial in June.', '2016-09-19', [{ text: 'in June', iso: '2016-06', tense: 'past' }]],
  ['bailed to appear on a day', 'He was bailed to appear on Tuesday.', '2016-03-19', [{ text: 'on Tuesday', iso: '2016-03-22', tense: 'future' }]],
  ['a noun in -s before the date is no verb', 'The talks in March failed.', '2018-06-13', [{ text: 'in March', iso: '2018-03', tense: 'past' }]],
];

describe('anchorDates: news phrasing', () => {
  it.each<Row>(ROWS)('%s', (_label, sentence, published, expected) => {
    const found = anchorDates(sentence, partialDate(published));
    const seen = found.map((a, i) => ({
      text: a.text,
      iso: a.until ? `${toIso(a.date)}/${toIso(a.until)}` : a.also ? `${toIso(a.date)} and ${toIso(a.also)}` : toIso(a.date),
      tense: expected[i]?.tense === undefined ? undefined : a.tense,
      conflict: a.conflict ? true : undefined,
      start: expected[i]?.start === undefined ? undefined : a.start,
    }));
    expect(seen).toEqual(expected);
    for (const a of found) {
      expect(sentence.slice(a.start, a.end)).toBe(a.text);
    }
  });
});

describe('quotedSpans', () => {
  const quoted = (text: string) => quotedSpans(text).map(({ start, end }) => text.slice(start, end));
  it.each([
    ['curly double quotes', 'He said “we won today” and left.', ['“we won today”']],
    ['straight double quotes', 'He said "we won today" and "again".', ['"we won today"', '"again"']],
    ['single quotes with an apostrophe inside', 'She said ‘we’re out today’ at noon.', ['‘we’re out today’']],
    ['an apostrophe alone', 'The union’s vote was today.', []],
    ['a quote running to the end of the paragraph', '“We will not go back today.', ['“We will not go back today.']],
    ['no quotes', 'Nothing quoted here.', []],
  ])('%s', (_, text, expected) => expect(quoted(text)).toEqual(expected));
});

describe('anchorDates: details', () => {
  it('returns the date at the phrase\'s precision and no more', () => {
    const [month] = anchorDates('He also held another meeting with him in September last year.', partialDate(SEED));
    expect(month?.date).toEqual({ year: 2016, month: 9, precision: 'month' });
    const [year] = anchorDates('The deficit grew last year.', partialDate(SEED));
    expect(year?.date).toEqual({ year: 2016, precision: 'year' });
  });

  it('explains a conflict with both dates', () => {
    const [a] = anchorDates('He met him in July of this year.', partialDate(SEED));
    expect(a?.conflict).toEqual({
      kind: 'future-in-past-tense',
      message: 'past tense, but July 2017 is after publication on June 7, 2017',
    });
  });

  it.each<[string, string, string | undefined]>([
    ['a relative day on the wrong weekday', 'The talks ended on Thursday 27 February.', 'February 27, 2019 is a Wednesday, not a Thursday'],
    ['a relative day on its weekday', 'The talks ended on Wednesday 27 February.', undefined],
    ['an absolute date on the wrong weekday', 'It ended Thursday, Feb. 27, 2019, in Hanoi.', 'February 27, 2019 is a Wednesday, not a Thursday'],
    ['an absolute date, day first, on the wrong weekday', 'He left on Saturday 3rd March 2017.', 'March 3, 2017 is a Friday, not a Saturday'],
    ['an absolute date on its weekday', 'He left on Friday 3 March 2017.', undefined],
    ['an absolute date with no weekday', 'He left on Feb. 27, 2019.', undefined],
  ])('checks the weekday written with a day: %s', (_, sentence, message) => {
    const found = anchorDates(sentence, partialDate('2019-03-05'));
    if (message === undefined) {
      expect(found.filter((d) => d.conflict)).toEqual([]);
      // An absolute date is left as written; a relative one is still resolved.
      expect(found.every((d) => !/\d{4}/.test(d.text))).toBe(true);
    } else {
      expect(found).toHaveLength(1);
      expect(found[0]!.conflict).toEqual({ kind: 'wrong-weekday', message });
    }
  });

  it('reads a past-tense day up to the story\'s last update as this year\'s', () => {
    const published = partialDate('2026-04-23');
    const updated = partialDate('2026-04-24');
    const [update] = anchorDates('This story was updated on April 24 with the council\'s reply.', published, { updated });
    expect(update).toMatchObject({ date: { year: 2026, month: 4, day: 24 } });
    expect(update?.conflict).toBeUndefined();
    // Past the update, or without one, the day this year is still to come: last year's, or a conflict.
    const [later] = anchorDates('The council replied on April 26.', published, { updated });
    expect(later?.date).toMatchObject({ year: 2025, month: 4, day: 26 });
    const [without] = anchorDates('This story was updated on April 24.', published);
    expect(without?.date).toMatchObject({ year: 2025 });
    // An update the next year leaves the past where it was: "January 3" could be either year's.
    const [nextYear] = anchorDates('It was updated on April 24.', published, { updated: partialDate('2027-01-03') });
    expect(nextYear?.date).toMatchObject({ year: 2025 });
  });

  it('gives offsets that survive a curly apostrophe', () => {
    const sentence = 'Voters punished the party in last year’s election.';
    const [a] = anchorDates(sentence, partialDate(SEED));
    expect(a).toMatchObject({ start: 29, end: 38, text: 'last year' });
  });

  it('refuses a publication date without a day', () => {
    expect(() => anchorDates('last year', partialDate('2017-06'))).toThrow(/publication day/);
  });
});
