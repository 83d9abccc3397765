import { createReadStream } from 'node:fs';
import type { BilingualMessage } from '@egov/errors';
import { maskPersonalDataInText } from '@egov/personal-data';
import { HotlineImportErrors } from './hotline-import.exception';
import { HOTLINE_FIELDS, type RawHotlineRow, REQUIRED_HOTLINE_FIELDS } from './hotline-record';

export const HOTLINE_FORMATS = ['csv', 'jsonl'] as const;
export type HotlineFormat = (typeof HOTLINE_FORMATS)[number];

const READ_CHUNK_BYTES = 1 << 20;
/**
 * A quoted CSV value may span lines, but a quote left open would otherwise
 * swallow the rest of the file into one row: past this many characters the
 * row is reported as unterminated and reading resumes on its next line.
 */
const MAX_QUOTED_RECORD_CHARS = 64 * 1024;

export function inferHotlineFormat(file: string): HotlineFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/** How many data rows the file holds, for the progress bar: its lines, less the CSV header. A fast byte count, not a parse. */
export async function countHotlineRows(file: string, format: HotlineFormat): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 0x0a) lines += 1;
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

const unreadable = {
  unterminatedQuote: (): BilingualMessage => ({ zh: '引号未闭合', en: 'has a quote that is never closed' }),
  valueCount: (values: number, fields: number): BilingualMessage => ({ zh: `有 ${values} 个值，表头有 ${fields} 个字段`, en: `has ${values} values, the header has ${fields} fields` }),
  notJson: (detail: string): BilingualMessage => ({ zh: `不是合法的 JSON（${detail}）`, en: `is not valid JSON (${detail})` }),
  notObject: (): BilingualMessage => ({ zh: '应为一个 JSON 对象', en: 'must be one JSON object' }),
};

export interface CsvRecord {
  readonly line: number;
  readonly cells?: string[];
  readonly problem?: BilingualMessage;
}

type QuotedParse = { readonly cells?: string[]; readonly problem?: BilingualMessage; readonly next: number; readonly lines: number };

/**
 * RFC 4180 records from text arriving in chunks: quoted values may hold
 * commas, doubled quotes and line breaks; CRLF or LF line ends; blank lines
 * skipped. Each record keeps the line it starts on.
 */
export class CsvRecordSplitter {
  private pending = '';
  /** The line number of the first character of `pending`. */
  private line = 1;

  push(chunk: string, out: CsvRecord[]): void {
    this.split(this.pending + chunk, false, out);
  }

  end(out: CsvRecord[]): void {
    this.split(this.pending, true, out);
  }

  private split(text: string, final: boolean, out: CsvRecord[]): void {
    let pos = 0;
    // Where the next quote is, kept across lines so lines without quotes are not rescanned for one.
    let quoteAt = -2;
    while (pos < text.length) {
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
      let newline = text.indexOf('\n', pos);
      if (quoteAt === -1 || (newline !== -1 && quoteAt > newline)) {
        if (newline === -1) {
          if (!final) break;
          newline = text.length;
        }
        const end = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        const content = text.slice(pos, end);
        if (content.trim() !== '') out.push({ line: this.line, cells: content.split(',') });
        this.line += 1;
        pos = newline + 1;
        continue;
      }
      const parsed = this.quoted(text, pos, final);
      if (!parsed) break;
      out.push({ line: this.line, ...(parsed.cells ? { cells: parsed.cells } : {}), ...(parsed.problem ? { problem: parsed.problem } : {}) });
      this.line += parsed.lines;
      pos = parsed.next;
    }
    this.pending = text.slice(pos);
  }

  /** One record holding a quote, from `start`; undefined when it may continue in the next chunk. */
  private quoted(text: string, start: number, final: boolean): QuotedParse | undefined {
    const cells: string[] = [];
    let field = '';
    let i = start;
    let lines = 0;
    const giveUp = (): QuotedParse => {
      const newline = text.indexOf('\n', start);
      return { problem: unreadable.unterminatedQuote(), next: newline === -1 ? text.length : newline + 1, lines: 1 };
    };
    for (;;) {
      if (i >= text.length) {
        if (!final) return text.length - start > MAX_QUOTED_RECORD_CHARS ? giveUp() : undefined;
        cells.push(field);
        return { cells, next: text.length, lines: lines + 1 };
      }
      const c = text[i];
      if (c === '"' && field === '' && (i === start || text[i - 1] === ',')) {
        // A quoted value: up to the quote that is not doubled.
        let j = i + 1;
        for (;;) {
          const close = text.indexOf('"', j);
          // Without a closing quote yet, or with one whose double may be in the next chunk: wait for more text.
          if (close === -1 || (close + 1 >= text.length && !final)) {
            if (!final && text.length - start <= MAX_QUOTED_RECORD_CHARS) return undefined;
            if (close === -1) return giveUp();
          }
          if (text[close + 1] === '"') {
            field += text.slice(j, close + 1);
            j = close + 2;
            continue;
          }
          field += text.slice(j, close);
          j = close + 1;
          break;
        }
        if (j - start > MAX_QUOTED_RECORD_CHARS) return giveUp();
        for (let k = i; k < j; k += 1) if (text.charCodeAt(k) === 10) lines += 1;
        i = j;
        continue;
      }
      if (c === ',') {
        cells.push(field);
        field = '';
      } else if (c === '\n') {
        cells.push(field);
        return { cells, next: i + 1, lines: lines + 1 };
      } else if (!(c === '\r' && text[i + 1] === '\n')) {
        field += c;
      }
      i += 1;
    }
  }
}

async function* decodedChunks(file: string): AsyncGenerator<string> {
  // Strips a UTF-8 byte-order mark (Excel writes one); undecodable bytes become U+FFFD, which the row checks report.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (error) {
    throw HotlineImportErrors.fileUnreadable(file, error);
  }
  yield decoder.decode();
}

function checkHeader(file: string, record: CsvRecord | undefined): string[] {
  if (!record?.cells) throw HotlineImportErrors.headerMissing(file);
  const header = record.cells.map((name) => name.trim());
  const known = HOTLINE_FIELDS as readonly string[];
  const missing = REQUIRED_HOTLINE_FIELDS.filter((name) => !header.includes(name));
  const unknown = header.filter((name) => !known.includes(name));
  const repeated = [...new Set(header.filter((name, index) => header.indexOf(name) !== index))];
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) throw HotlineImportErrors.headerFields({ missing, unknown, repeated });
  return header;
}

async function* csvRows(file: string): AsyncGenerator<RawHotlineRow[]> {
  const splitter = new CsvRecordSplitter();
  let header: string[] | undefined;
  const toRows = (records: CsvRecord[]): RawHotlineRow[] => {
    const rows: RawHotlineRow[] = [];
    for (const record of records) {
      if (!header) {
        header = checkHeader(file, record);
        continue;
      }
      if (record.problem || !record.cells) rows.push({ line: record.line, values: {}, unreadable: record.problem ?? unreadable.unterminatedQuote() });
      else if (record.cells.length !== header.length) rows.push({ line: record.line, values: {}, unreadable: unreadable.valueCount(record.cells.length, header.length) });
      else {
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i += 1) values[header[i]] = record.cells[i];
        rows.push({ line: record.line, values });
      }
    }
    return rows;
  };
  for await (const chunk of decodedChunks(file)) {
    const records: CsvRecord[] = [];
    splitter.push(chunk, records);
    yield toRows(records);
  }
  const last: CsvRecord[] = [];
  splitter.end(last);
  yield toRows(last);
  if (!header) throw HotlineImportErrors.headerMissing(file);
}

function jsonRow(line: number, content: string): RawHotlineRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    // The parser quotes the text around the fault, which may hold a caller's number.
    return { line, values: {}, unreadable: unreadable.notJson(maskPersonalDataInText(error instanceof Error ? error.message : String(error))) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { line, values: {}, unreadable: unreadable.notObject() };
  return { line, values: parsed as Record<string, unknown> };
}

async function* jsonlRows(file: string): AsyncGenerator<RawHotlineRow[]> {
  let pending = '';
  let line = 0;
  const toRows = (text: string, final: boolean): RawHotlineRow[] => {
    const rows: RawHotlineRow[] = [];
    let pos = 0;
    for (;;) {
      let newline = text.indexOf('\n', pos);
      if (newline === -1) {
        if (!final || pos >= text.length) break;
        newline = text.length;
      }
      line += 1;
      const content = text.slice(pos, newline).trim();
      if (content !== '') rows.push(jsonRow(line, content));
      pos = newline + 1;
    }
    pending = text.slice(pos);
    return rows;
  };
  for await (const chunk of decodedChunks(file)) yield toRows(pending + chunk, false);
  yield toRows(pending, true);
}

/** The file's rows, a chunk at a time, so memory stays flat whatever the file's size. */
export function readHotlineRows(file: string, format: HotlineFormat): AsyncGenerator<RawHotlineRow[]> {
  switch (format) {
    case 'csv':
      return csvRows(file);
    case 'jsonl':
      return jsonlRows(file);
  }
}
