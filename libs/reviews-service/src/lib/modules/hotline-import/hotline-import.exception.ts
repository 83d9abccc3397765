import { DomainException, ErrorKind } from '@egov/errors';

/** Failures that stop a whole import (a bad row never does: it is reported and skipped). */
export enum HotlineImportErrorCode {
  Usage = 'HOTLINE_IMPORT_USAGE',
  UnknownFormat = 'HOTLINE_IMPORT_UNKNOWN_FORMAT',
  FileUnreadable = 'HOTLINE_IMPORT_FILE_UNREADABLE',
  HeaderMissing = 'HOTLINE_IMPORT_HEADER_MISSING',
  HeaderFields = 'HOTLINE_IMPORT_HEADER_FIELDS',
  DatabaseUnavailable = 'HOTLINE_IMPORT_DATABASE_UNAVAILABLE',
}

const causeText = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

export const HotlineImportErrors = {
  usage: (problem: { zh: string; en: string }) =>
    new DomainException(ErrorKind.BadUserInput, HotlineImportErrorCode.Usage, {
      zh: `${problem.zh}。用法：npm run reviews:import-hotline -- <文件> [--format csv|jsonl]`,
      en: `${problem.en}. Usage: npm run reviews:import-hotline -- <file> [--format csv|jsonl]`,
    }),
  unknownFormat: (file: string) =>
    new DomainException(ErrorKind.BadUserInput, HotlineImportErrorCode.UnknownFormat, {
      zh: `无法从文件名 ${file} 判断格式（应以 .csv、.jsonl 或 .ndjson 结尾），请用 --format csv 或 --format jsonl 指明`,
      en: `Cannot tell the format of ${file} from its name (.csv, .jsonl or .ndjson); give --format csv or --format jsonl`,
    }),
  fileUnreadable: (file: string, cause: unknown) =>
    new DomainException(
      ErrorKind.BadUserInput,
      HotlineImportErrorCode.FileUnreadable,
      { zh: `无法读取文件 ${file}：${causeText(cause)}`, en: `Cannot read ${file}: ${causeText(cause)}` },
      { cause },
    ),
  headerMissing: (file: string) =>
    new DomainException(ErrorKind.BadUserInput, HotlineImportErrorCode.HeaderMissing, {
      zh: `CSV 文件 ${file} 没有表头行（第 1 行应为字段名）`,
      en: `The CSV file ${file} has no header row (line 1 must name the fields)`,
    }),
  headerFields: (problems: { missing: readonly string[]; unknown: readonly string[]; repeated: readonly string[] }) => {
    const zh: string[] = [];
    const en: string[] = [];
    if (problems.missing.length > 0) {
      zh.push(`缺少必填字段 ${problems.missing.join('、')}`);
      en.push(`the required fields ${problems.missing.join(', ')} are missing`);
    }
    if (problems.unknown.length > 0) {
      zh.push(`${problems.unknown.join('、')} 不是导入字段`);
      en.push(`${problems.unknown.join(', ')} ${problems.unknown.length === 1 ? 'is not an import field' : 'are not import fields'}`);
    }
    if (problems.repeated.length > 0) {
      zh.push(`${problems.repeated.join('、')} 出现多次`);
      en.push(`${problems.repeated.join(', ')} ${problems.repeated.length === 1 ? 'appears' : 'appear'} more than once`);
    }
    return new DomainException(ErrorKind.BadUserInput, HotlineImportErrorCode.HeaderFields, {
      zh: `CSV 表头第 1 行有误：${zh.join('；')}`,
      en: `line 1 (the CSV header): ${en.join('; ')}`,
    });
  },
  databaseUnavailable: (database: string, cause: unknown) =>
    new DomainException(
      ErrorKind.Internal,
      HotlineImportErrorCode.DatabaseUnavailable,
      { zh: `无法连接或迁移数据库 ${database}：${causeText(cause)}`, en: `Cannot connect to or migrate the database ${database}: ${causeText(cause)}` },
      { cause },
    ),
};
