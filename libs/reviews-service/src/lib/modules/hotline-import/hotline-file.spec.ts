import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainException } from '@egov/errors';
import { countHotlineRows, type CsvRecord, CsvRecordSplitter, inferHotlineFormat, readHotlineRows } from './hotline-file';
import type { RawHotlineRow } from './hotline-record';
import { ImportProgress } from './import-progress';

function split(chunks: readonly string[]) {
  const splitter = new CsvRecordSplitter();
  const out: CsvRecord[] = [];
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'hotline-file-')), name);
  await writeFile(file, content);
  return file;
}

async function rowsOf(file: string, format: 'csv' | 'jsonl'): Promise<RawHotlineRow[]> {
  const rows: RawHotlineRow[] = [];
  for await (const chunk of readHotlineRows(file, format)) rows.push(...chunk);
  return rows;
}

describe('REV-12 hotline files', () => {
  it('REV-12 splits CSV records with quoted commas, doubled quotes and line breaks, keeping the line each starts on', () => {
    const text = 'a,b\r\n1,"x, ""y"""\n\n2,"two\nlines"\n3,z';
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x, "y"'] },
      { line: 4, cells: ['2', 'two\nlines'] },
      { line: 6, cells: ['3', 'z'] },
    ];
    expect(split([text])).toEqual(expected);
    // However the text is cut into chunks.
    for (let cut = 1; cut < text.length; cut += 1) expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
  });

  it('REV-12 reports a quote never closed on its own line and reads on from the next one', () => {
    const records = split([`1,"open\n2,b\n`, `3,${'x'.repeat(70 * 1024)}"\n`]);
    expect(records[0]).toMatchObject({ line: 1, problem: { en: 'has a quote that is never closed' } });
    expect(records[1]).toEqual({ line: 2, cells: ['2', 'b'] });
  });

  it('REV-12 reads a CSV file under its header, in any column order, without the byte-order mark Excel writes', async () => {
    const file = await fileWith('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('rating,recordId,organizationCode,itemCode,itemName,completedAt,ratedAt\n5,R1,O,I,N,c,r\n4,R2\n')]));
    const rows = await rowsOf(file, 'csv');
    expect(rows[0]).toEqual({ line: 2, values: { rating: '5', recordId: 'R1', organizationCode: 'O', itemCode: 'I', itemName: 'N', completedAt: 'c', ratedAt: 'r' } });
    expect(rows[1]).toMatchObject({ line: 3, unreadable: { en: 'has 2 values, the header has 7 fields' } });
    expect(await countHotlineRows(file, 'csv')).toBe(2);
  });

  it('REV-12 stops on a CSV header that misses, repeats or adds fields, naming them', async () => {
    const file = await fileWith('b.csv', 'recordId,recordId,itemCode,colour\n');
    const error = await rowsOf(file, 'csv').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).bilingual.en).toBe(
      'line 1 (the CSV header): the required fields organizationCode, itemName, completedAt, ratedAt, rating are missing; colour is not an import field; recordId appears more than once',
    );
  });

  it('REV-12 reads JSON lines, skipping blank ones, and marks lines that are not one JSON object', async () => {
    const file = await fileWith('c.jsonl', '{"recordId":"R1","rating":5}\n\n[1]\n{oops\n');
    const rows = await rowsOf(file, 'jsonl');
    expect(rows.map((r) => [r.line, r.unreadable?.en.slice(0, 20) ?? r.values])).toEqual([
      [1, { recordId: 'R1', rating: 5 }],
      [3, 'must be one JSON obj'],
      [4, 'is not valid JSON (E'],
    ]);
    expect(await countHotlineRows(file, 'jsonl')).toBe(4);
    // The parser's message quotes the bad text: a caller's number in it is masked.
    const quoted = await rowsOf(await fileWith('d.jsonl', 'tel 13800138000\n'), 'jsonl');
    expect(quoted[0]?.unreadable?.en).toContain('138****8000');
  });

  it('REV-12 infers the format from the file name', () => {
    expect(['x.CSV', 'x.jsonl', 'x.ndjson', 'x.txt'].map(inferHotlineFormat)).toEqual(['csv', 'jsonl', 'jsonl', undefined]);
  });

  it('REV-12 shows rows done of the total, the rate and the time left: redrawn on a terminal, a line at a time otherwise', () => {
    let now = 0;
    const written: string[] = [];
    const terminal = new ImportProgress({ isTTY: true, write: (t: string) => written.push(t) }, 1000, () => now);
    now = 2000;
    terminal.update(500);
    now = 2050;
    terminal.update(600);
    terminal.finish(1000);
    expect(written[0]).toBe('\r\x1b[2K导入 import [############............]  50%  500/1,000 rows  250 rows/s  ETA 2s');
    expect(written).toHaveLength(3);
    expect(written[2]).toBe('\n');

    const lines: string[] = [];
    const log = new ImportProgress({ isTTY: false, write: (t: string) => lines.push(t) }, 1000, () => now);
    now += 1000;
    log.update(100);
    now += 1000;
    log.update(200);
    expect(lines).toEqual(['导入 import 10%  100/1,000 rows  100 rows/s  ETA 9s\n']);
  });
});
