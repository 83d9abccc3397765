import { Test } from '@nestjs/testing';
import { AuditLog } from './audit-log';
import { AuditModule } from './audit.module';

describe('AuditModule', () => {
  it('AUD-1 provides AuditLog, with the system clock or a given one', async () => {
    const plain = await Test.createTestingModule({ imports: [AuditModule] }).compile();
    expect(plain.get(AuditLog)).toBeInstanceOf(AuditLog);
    const clocked = await Test.createTestingModule({ imports: [AuditModule.forRoot({ clock: () => new Date(0) })] }).compile();
    expect(clocked.get(AuditLog)).toBeInstanceOf(AuditLog);
  });
});
