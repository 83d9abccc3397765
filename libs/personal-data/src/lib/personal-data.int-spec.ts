import { createHash } from 'node:crypto';
import { syntheticCitizenId } from '@egov/identifiers';
import { openTestDataSource } from '@egov/testing';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner, type Repository } from 'typeorm';
import { encryptedColumn, installPersonalDataCipher } from './encrypted-column';
import { maskPersonalDataInText } from './free-text';
import { PersonalDataCipher, PersonalDataCipherError } from './personal-data.cipher';
import { reencryptColumn } from './reencrypt-column';

function key(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

const HASH_KEY = key('hash');
const underA = new PersonalDataCipher({ keys: new Map([['a', key('a')]]), activeKeyId: 'a', hashKey: HASH_KEY });
const rotatedToB = new PersonalDataCipher({ keys: new Map([['a', key('a')], ['b', key('b')]]), activeKeyId: 'b', hashKey: HASH_KEY });

/** The shape a service entity takes: encrypted value, keyed hash beside it for lookups, free text masked. */
@Entity({ name: 'citizen_contact' })
class CitizenContactEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', transformer: encryptedColumn() })
  idNumber!: string;

  @Column({ type: 'char', length: 64 })
  idNumberHash!: string;

  @Column({ type: 'text', nullable: true, transformer: encryptedColumn() })
  phone!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'text' })
  comment!: string;
}

class CitizenContactTable1764300000000 implements MigrationInterface {
  name = 'CitizenContactTable1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE citizen_contact (
        id uuid PRIMARY KEY,
        id_number text NOT NULL,
        id_number_hash char(64) NOT NULL,
        phone text,
        phone_hash char(64),
        comment text NOT NULL
      )`);
    await q.query('CREATE UNIQUE INDEX citizen_contact_id_number_hash_key ON citizen_contact (id_number_hash)');
    await q.query('CREATE INDEX citizen_contact_phone_hash_idx ON citizen_contact (phone_hash)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE citizen_contact');
  }
}

const ID = syntheticCitizenId('460100', '19900101', '123');
const PHONE = '13812345678';

/** What a service does on write: the cipher's hash for lookups, free text masked before it is stored. */
function contact(cipher: PersonalDataCipher, id: string, idNumber: string, phone: string | null, comment: string): CitizenContactEntity {
  return Object.assign(new CitizenContactEntity(), {
    id,
    idNumber,
    idNumberHash: cipher.keyedHash(idNumber),
    phone,
    phoneHash: phone === null ? null : cipher.keyedHash(phone),
    comment: maskPersonalDataInText(comment),
  });
}

describe('personal data in PostgreSQL (real database)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let contacts: Repository<CitizenContactEntity>;

  beforeAll(async () => {
    installPersonalDataCipher(underA);
    const opened = await openTestDataSource([CitizenContactEntity], [CitizenContactTable1764300000000]);
    dataSource = opened.dataSource;
    close = opened.close;
    contacts = dataSource.getRepository(CitizenContactEntity);
    await contacts.save(contact(underA, '00000000-0000-4000-8000-000000000001', ID, PHONE, `我的身份证号是${ID}，电话${PHONE}，请回电`));
    await contacts.save(contact(underA, '00000000-0000-4000-8000-000000000002', syntheticCitizenId('469028', '19750505', '042'), null, '无'));
  }, 60_000);

  afterAll(() => close());

  it('the table holds no clear ID number, phone number or birth date', async () => {
    const rows = await dataSource.query<{ row: string }[]>('SELECT t::text AS row FROM citizen_contact t');
    const everything = rows.map((r) => r.row).join('\n');
    for (const fragment of [ID, ID.slice(0, 17), ID.slice(6, 14), PHONE, PHONE.slice(3)]) expect(everything).not.toContain(fragment);
    const [first] = await dataSource.query<{ id_number: string; phone: string; id_number_hash: string; comment: string }[]>(
      "SELECT id_number, phone, id_number_hash, comment FROM citizen_contact WHERE id = '00000000-0000-4000-8000-000000000001'",
    );
    expect(first?.id_number).toMatch(/^v1\.a\./);
    expect(first?.phone).toMatch(/^v1\.a\./);
    expect(first?.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.comment).toBe('我的身份证号是4601**********1230，电话138****5678，请回电');
  });

  it('reads the values back decrypted and finds a row by keyed hash, however the number was typed', async () => {
    const found = await contacts.findOneByOrFail({ phoneHash: underA.keyedHash('+86 138-1234-5678') });
    expect(found.idNumber).toBe(ID);
    expect(found.phone).toBe(PHONE);
    const byId = await contacts.findOneByOrFail({ idNumberHash: underA.keyedHash(ID) });
    expect(byId.id).toBe('00000000-0000-4000-8000-000000000001');
    const second = await contacts.findOneByOrFail({ id: '00000000-0000-4000-8000-000000000002' });
    expect(second.phone).toBeNull();
  });

  it('key rotation: rows under the old key still read, are rewritten under the new one, and lookups keep working', async () => {
    installPersonalDataCipher(rotatedToB);
    expect((await contacts.findOneByOrFail({ idNumberHash: rotatedToB.keyedHash(ID) })).idNumber).toBe(ID);
    const [before] = await dataSource.query<{ id_number: string }[]>("SELECT id_number FROM citizen_contact WHERE id = '00000000-0000-4000-8000-000000000001'");
    expect(rotatedToB.needsReencryption(before?.id_number ?? '')).toBe(true);

    expect(await reencryptColumn(dataSource, { table: 'citizen_contact', column: 'id_number' }, rotatedToB, 1)).toBe(2);
    expect(await reencryptColumn(dataSource, { table: 'citizen_contact', column: 'phone' }, rotatedToB)).toBe(1);
    expect(await reencryptColumn(dataSource, { table: 'citizen_contact', column: 'id_number' }, rotatedToB)).toBe(0);

    const raw = await dataSource.query<{ id_number: string; phone: string | null }[]>('SELECT id_number, phone FROM citizen_contact');
    for (const row of raw) {
      expect(row.id_number).toMatch(/^v1\.b\./);
      if (row.phone !== null) expect(row.phone).toMatch(/^v1\.b\./);
    }
    const found = await contacts.findOneByOrFail({ idNumberHash: rotatedToB.keyedHash(ID) });
    expect([found.idNumber, found.phone]).toEqual([ID, PHONE]);
  });

  it('a value altered in the database fails loudly on read', async () => {
    await dataSource.query(
      "UPDATE citizen_contact SET id_number = overlay(id_number placing (CASE WHEN substr(id_number, length(id_number) - 2, 1) = 'A' THEN 'B' ELSE 'A' END) from length(id_number) - 2 for 1) WHERE id = '00000000-0000-4000-8000-000000000002'",
    );
    await expect(contacts.findOneByOrFail({ id: '00000000-0000-4000-8000-000000000002' })).rejects.toThrow(PersonalDataCipherError);
  });
});
