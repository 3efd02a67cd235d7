/**
 * Small, closed lists of English news-copy words, shared by the modules that
 * read text: the sentence splitter (src/lib/sentences.ts), the relative dates
 * (anchor-dates.ts), the name matcher (name-matcher.ts) and the scaffolder
 * (scaffold.ts). One list each, so a title added for one is known to all.
 */

/** Sunday first, as `Date#getDay` counts. */
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** January first. */
export const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** AP abbreviates these months before a day number ("Aug. 5"); March–July are always spelt out. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = { Jan: 1, Feb: 2, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12 };

/**
 * Letters written after a name, British and Commonwealth style above all:
 * "Siobhán Ní Bhriain KC", "Priya Natarajan MP", "Sir Alan Marsh OBE". They
 * end the name; they do not make it the start of a longer one.
 */
export const POST_NOMINALS: ReadonlySet<string> = new Set(
  'KC QC SC MP MEP MSP MLA MPP MHA TD AM JP DL OBE CBE MBE KBE DBE GBE KCB CH OM KG CMG PhD DPhil FRS'.split(' '),
);

/** Titles written short before a name, without their full stop: "Sen. Diane Hartley-Moss", "St. Louis". */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Fr', 'St', 'Mt', 'Hon', 'Sen', 'Rep', 'Gov', 'Lt', 'Gen', 'Col', 'Maj', 'Capt',
  'Cmdr', 'Sgt', 'Adm', 'Cpl', 'Pvt', 'Supt', 'Insp', 'Det', 'Atty', 'Amb', 'Pres', 'Cllr', 'Ald',
]);

/** Titles written out before a name, and words that stand before them ("Former", a party): "Mayor van Gogh" is the mayor, "Vincent van Gogh" someone else. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Chancellor', 'Premier', 'Mayor', 'Governor', 'Senator', 'Representative', 'Congressman',
  'Congresswoman', 'Councillor', 'Councilman', 'Councilwoman', 'Speaker', 'Leader', 'Secretary', 'Ambassador', 'Envoy', 'Judge', 'Justice',
  'Prosecutor', 'Attorney', 'General', 'Auditor', 'Commissioner', 'Director', 'Chief', 'Chair', 'Chairman', 'Chairwoman', 'Deputy',
  'Inspector', 'Detective', 'Officer', 'Sheriff', 'Colonel', 'Captain', 'Major', 'Lieutenant', 'Sergeant', 'Admiral', 'Professor', 'Doctor',
  'King', 'Queen', 'Prince', 'Princess', 'Sir', 'Dame', 'Lord', 'Lady', 'Pope', 'Father', 'Sister', 'Brother', 'Bishop', 'Cardinal',
  'Rabbi', 'Imam', 'Reverend', 'Coach', 'Editor', 'Herr', 'Frau', 'Señor', 'Señora', 'Monsieur', 'Madame',
  'Councilmember', 'Alderman', 'Alderwoman', 'Supervisor', 'Trustee', 'Assemblyman', 'Assemblywoman', 'Assemblymember', 'Delegate',
  'Superintendent', 'Treasurer', 'Clerk', 'Comptroller', 'Controller', 'Marshal', 'Constable', 'Warden', 'Pastor', 'Trooper', 'Corporal',
  'Agent', 'Magistrate', 'Solicitor', 'Counsel', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Principal', 'Provost', 'Deacon',
  'Councilor', 'Member', 'Manager', 'Executive', 'Defender', 'Whip', 'State', 'Chairperson', 'Lawmaker', 'Archbishop', 'Miss', 'Baroness',
  'Baron', 'Sheikh', 'Emir', 'Quarterback', 'Tem', 'Famer',
  // What stands before a title or name without being part of it: "Former Mayor Pike", "Republican Pike", "Rookie Pike".
  'Former', 'Acting', 'Interim', 'Incoming', 'Outgoing', 'Republican', 'Democrat', 'Democratic', 'Independent', 'Labour', 'Conservative', 'Tory',
  'Liberal', 'Libertarian', 'Socialist', 'Progressive', 'Green', 'Incumbent', 'Challenger', 'Candidate', 'Nominee', 'Rookie', 'Veteran',
  'American', 'Australian', 'Briton', 'British', 'Canadian', 'Chinese', 'Dutch', 'English', 'French', 'German', 'Indian', 'Irish', 'Israeli',
  'Italian', 'Iranian', 'Japanese', 'Kenyan', 'Korean', 'Mexican', 'Nigerian', 'Pakistani', 'Palestinian', 'Polish', 'Russian', 'Scottish',
  'Spanish', 'Swedish', 'Turkish', 'Ukrainian', 'Welsh', 'Brazilian', 'Egyptian', 'Saudi', 'Syrian', 'Afghan', 'Iraqi', 'Norwegian', 'Danish',
]);

/**
 * Capitalised words that open a sentence or clause far more often than they
 * are part of a name: after "moved to the U.S." they say a new sentence has
 * begun, and before "van Gogh" they are no first name ("Yesterday van Gogh said").
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'This', 'That', 'These', 'Those',
  'There', 'Here', 'Then', 'Now', 'But', 'And', 'Or', 'So', 'Yet', 'Still', 'Also', 'Only', 'Even', 'Both', 'Neither', 'Either', 'Instead',
  'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'Without', 'Under', 'Over', 'Against', 'Like', 'About', 'Of',
  'After', 'Before', 'When', 'While', 'Where', 'As', 'If', 'Since', 'Until', 'Because', 'Although', 'Though', 'However', 'Meanwhile',
  'Later', 'Earlier', 'Afterwards', 'Yesterday', 'Today', 'Tonight', 'Tomorrow', 'Last', 'Next',
  'Some', 'Many', 'Most', 'No', 'Not', 'What', 'Who', 'Why', 'How',
  'Despite', 'Unlike', 'Once', 'Unless', 'Whether', 'Amid', 'Among', 'Between', 'During', 'Upon', 'Within', 'Through', 'Throughout',
  'Toward', 'Towards', 'Into', 'Across', 'Around', 'Along', 'Behind', 'Beyond', 'Inside', 'Outside', 'Near', 'Except', 'Besides', 'Via',
  'Thanks', 'Every', 'Each', 'All', 'Any', 'Few', 'Such', 'Again', 'Already', 'Perhaps', 'Maybe', 'Please', 'Let',
  'Did', 'Does', 'Do', 'Is', 'Was', 'Were', 'Has', 'Had', 'Would', 'Can', 'Could', 'Should',
  'Said', 'Says', 'Ask', 'Enter', 'Dear', 'Nevertheless', 'Nonetheless', 'Moreover', 'Furthermore', 'Indeed',
]);

/**
 * Surnames that are also everyday English words, which open sentences with a
 * capital of their own: "Young jurors took notes", "Bell rang", "Church leaders
 * met". At a sentence's start, before the record has named its owner, such a
 * word is not taken for the person.
 */
export const WORD_SURNAMES: ReadonlySet<string> = new Set(
  ('Young Bell Brown White Black Green Gray Grey King Hall Wood Woods Stone Hill Hills Moon Rose Long Little Price Hope Rich ' +
    'Baker Cook Church Marsh Ward Banks Bird Fox Hunt Lane Park Parks Field Fields Reed Wolf Love Hale Page Sharp Strong Sweet Wise ' +
    'Best Fair Frank Good Grant Hart Hardy Hood House Joy Justice Knight Lamb Mills Noble Pope Power Rice Rivers Rock Rush Sage ' +
    'Short Small Snow Summers Swift Wells West Winter Cross Chase Cash Bond Booth Bush Dean Drake Duke Earl Fisher Gold Golden ' +
    'Hawk Holly Lake Lord Mason Miles Post Pound Steel Street Temple Wall Waters Weaver Wren Bright Day Head Hand Brook Brooks ' +
    'Castle Coe Law Low Mann Mark Money Moss North South East Nash Oak Oaks Penny Pool Read Ridge Salt Savage Shore Sole ' +
    'Spring Star Storm Stout Tower Towers Vale Wade Walls Waite Well Wild Worth Major Marshall Grace Glass Mayor Judge ' +
    'Baron Bishop Chambers Coward Cotton Crane Crow Dove Finch Frost Gardner Guard Hay Hatch Heath Jolly Keen Kitchen ' +
    'Leach Mayes Moody Nurse Parrot Pepper Player Plant Potter Proud Quick Ready Reader Root Rowe Saint Seal Shepherd Sheriff ' +
    'Silver Slater Spicer Stern Story Sutton Tanner Thatcher Trim Truman Turner Upton Webb Wing Winters Wolfe Yard').split(' '),
);

/** Past tenses not made with -ed. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  ('was were had did said met told held came went gave took made knew saw got left led fled found thought brought bought ' +
    'caught taught sought fought felt kept lost meant paid sent spent stood understood won wrote spoke broke chose drove rode ' +
    'rose fell began ran sat sang became forgot forgave hid struck stuck swore tore wore threw grew drew flew blew withdrew ' +
    'overtook undertook sold built lent dealt heard slept swept wept shot bore arose awoke dug fed forbade froze hung laid ' +
    'rang shook shone sank slid spun sprang stole stung swam swung woke rewrote overrode oversaw foresaw upheld withheld ' +
    'beheld mistook misled overcame resold retold sworn') .split(' '),
);
/** Words ending in -ed that are not past tenses. */
const NOT_VERBS: ReadonlySet<string> = new Set(['red', 'bed', 'shed', 'sled', 'wed', 'hundred', 'kindred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'crooked', 'beloved', 'embed', 'bred']);
/** Past tenses among the -eed words (most -eed words are need, speed, proceed...). */
const PAST_EED: ReadonlySet<string> = new Set(['agreed', 'freed', 'guaranteed', 'decreed', 'refereed', 'disagreed']);

/** Whether a lowercase word is a past tense in -ed: "resigned", "agreed"; not "red", "hundred", "need". */
export function isPastInEd(word: string): boolean {
  return word.length >= 4 && word.endsWith('ed') && !NOT_VERBS.has(word) && (!word.endsWith('eed') || PAST_EED.has(word));
}

/** Words that follow a subject besides past tenses: auxiliaries, verbs of speech in the present, and adverbs before a verb. */
const AFTER_SUBJECT: ReadonlySet<string> = new Set(
  ('is was has had will would could can cannot may might must should shall did does do says tells adds insists denies argues claims ' +
    'admits agrees believes thinks wants warns notes writes recalls remembers also later then now still never again previously').split(' '),
);

/** Whether a lowercase word after a name reads as its verb: "Rich said", "Bell insisted", "Young has"; not "Rich investors". */
export function readsAsVerb(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  return AFTER_SUBJECT.has(w) || IRREGULAR_PAST.has(w) || isPastInEd(w);
}
