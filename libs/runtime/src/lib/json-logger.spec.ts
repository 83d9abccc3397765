import { Writable } from 'node:stream';
import { syntheticCitizenId } from '@egov/identifiers';
import { JsonLogger } from './json-logger';

function capture(): { lines: () => string; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines: () => chunks.join(''), stream };
}

describe('JsonLogger', () => {
  const idNumber = syntheticCitizenId('460100', '19900101', '123');
  const phone = '13812345678';

  it('writes one JSON object per line with service, level and context', () => {
    const out = capture();
    new JsonLogger('reviews', 'info', out.stream).log('started', 'Bootstrap');
    const line = JSON.parse(out.lines().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ service: 'reviews', level: 'info', context: 'Bootstrap', msg: 'started' });
  });

  it('masks citizen ID and phone numbers in messages and in logged objects, whoever logged them', () => {
    const out = capture();
    const logger = new JsonLogger('reviews', 'info', out.stream);
    logger.warn(`callback failed for ${idNumber}, phone ${phone}`, 'Cases');
    logger.error({ applicant: { idNumber, phones: [phone] } });
    logger.pino.info({ raw: `身份证${idNumber}` }, `direct pino call ${phone}`);
    const written = out.lines();
    expect(written).not.toContain(idNumber);
    expect(written).not.toContain(phone);
    expect(written).toContain('138****5678');
    expect(written.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
