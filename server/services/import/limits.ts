// How much one import may hold. Shared with the browser, which checks a file's size before
// sending it, so this file imports nothing.

// 10 MB: a 10,000-row file of partnerships is about 1.5 MB, so this leaves room for wide
// spreadsheets while refusing, before a byte is parsed, what would tie the server up.
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const megabytes = (bytes: number) => `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const tooLargeMessage = (bytes: number) =>
  `This file is ${megabytes(bytes)}; files up to ${megabytes(IMPORT_MAX_FILE_BYTES)} can be imported. ` +
  "Split it into smaller files, or remove the columns you do not need. Nothing was imported.";
