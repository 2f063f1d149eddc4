// Pure: the date helpers that every context shares, zone arithmetic and formatting, under one name. The parser
// and its month tables live in `date-parse.ts`, which only the clip script imports.
export { isFuture, partsInZone, publisherOffsetMinutes, withOffset, zoneOffsetMinutes } from './date-zone';
export { formatDay, toIsoString, toJekyllDate, toLocalDay } from './date-format';
