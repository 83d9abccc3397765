/** Who the caller is to the platform. Claims carry one or more. */
export enum Role {
  Citizen = 'CITIZEN',
  Enterprise = 'ENTERPRISE',
  Officer = 'OFFICER',
  Supervisor = 'SUPERVISOR',
  Leader = 'LEADER',
  CreditAdmin = 'CREDIT_ADMIN',
  Auditor = 'AUDITOR',
  Admin = 'ADMIN',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}
