/** What a stakeholder may be granted; STEWARD implies COMMITTEE, which implies MEMBER. */
export const ROLES = ['STEWARD', 'COMMITTEE', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request, as established from the token on every request. */
export interface Principal {
  stakeholderId: string;
  sessionId: string;
  roles: ReadonlySet<Role>;
}

/** A steward can do everything a committee member can, who can do everything a member can. */
const IMPLIED: Record<Role, Role[]> = {
  STEWARD: ['STEWARD', 'COMMITTEE', 'MEMBER'],
  COMMITTEE: ['COMMITTEE', 'MEMBER'],
  MEMBER: ['MEMBER'],
};

export function hasRole(principal: Principal | null, role: Role): boolean {
  if (!principal) return false;
  for (const held of principal.roles) if (IMPLIED[held].includes(role)) return true;
  return false;
}

/** The roles whose holders have `role`: e.g. COMMITTEE is held by committee members and stewards. */
export function rolesImplying(role: Role): Role[] {
  return (Object.keys(IMPLIED) as Role[]).filter((held) => IMPLIED[held].includes(role));
}
