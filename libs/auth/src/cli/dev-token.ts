import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@egov/config';
import { AuthConfig } from '../lib/auth.config';
import { isRole, type Role } from '../lib/role';
import { issueDevToken } from '../lib/token-verifier';

const USAGE = `usage: npm run token -- --role ROLE [--role ROLE…] --region CODE [--org ORGANIZATION_ID] [--uscc CODE] [--subject ID] [--expires 12h]
  ROLE: CITIZEN ENTERPRISE OFFICER SUPERVISOR LEADER CREDIT_ADMIN AUDITOR ADMIN
  CODE: a Hainan GB/T 2260 region code, 460000 for the whole province`;

/** Prints a development token; refuses when a production key source is configured. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      region: { type: 'string' },
      org: { type: 'string' },
      uscc: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase());
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) throw new Error(`${unknown.length ? `unknown role ${unknown.join(', ')}` : 'at least one --role is needed'}\n${USAGE}`);
  if (!values.region || !/^46\d{4}$/.test(values.region)) throw new Error(`--region must be a Hainan GB/T 2260 code such as 460100\n${USAGE}`);
  const { auth } = loadConfig({ auth: AuthConfig });
  if (process.env['NODE_ENV'] === 'production') throw new Error('NODE_ENV=production: development tokens are refused');
  const token = await issueDevToken(auth, {
    subject: values.subject ?? `dev-${roles[0]?.toLowerCase() ?? 'user'}`,
    roles: roles as Role[],
    regionCode: values.region,
    ...(values.org ? { organizationId: values.org } : {}),
    ...(values.uscc ? { enterpriseUscc: values.uscc } : {}),
    ...(values.expires ? { expiresIn: values.expires } : {}),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
