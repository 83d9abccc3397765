import { IsString, Length } from 'class-validator';

/** SUP leaders: a unit's principal leader (主要负责人) and its responsible leader (分管负责人). */
export const LEADER_ROLES = ['PRINCIPAL', 'RESPONSIBLE'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

/** A leader as events name them: the token subject they sign in with, and their name. */
export class LeaderPerson {
  @IsString()
  @Length(1, 128)
  subject!: string;

  @IsString()
  @Length(1, 100)
  name!: string;
}
