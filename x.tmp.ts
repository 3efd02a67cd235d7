import { anchorDates } from './src/lib/anchor-dates.ts';
const p = { year: 2024, month: 6, day: 3, precision: 'day' } as const;
for (const t of ['The inquiry was set up two years ago this week.', 'It happened a year ago today.', 'A year ago this month, the virus arrived.', 'Two years ago, this week was quiet.'])
  console.log(t, JSON.stringify(anchorDates(t, p).map((d) => [d.text, d.date])));
