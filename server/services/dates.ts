// How dates read, in pages and in emails alike. Calendar days are kept at midnight UTC (by-when
// dates, renewal dates, cycle days), so they are formatted in UTC too: a day never shifts by one
// for a reader west of Greenwich. Pure; safe in the browser.
const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const long = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const withWeekday = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const withTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

// "24 Nov 2026"
export const shortDay = (d: Date | string) => short.format(new Date(d));
// "24 November 2026"
export const longDay = (d: Date | string) => long.format(new Date(d));
// "Monday 24 November 2026": a date someone must act by, in a reminder.
export const weekdayDay = (d: Date | string) => withWeekday.format(new Date(d));
// "24 Nov 2026, 14:05 UTC"
export const dateTime = (d: Date | string) => withTime.format(new Date(d));
