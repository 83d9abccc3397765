import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argument, type CallerScope, CurrentScope, Role, Roles, ScopeTarget } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { AnnounceMeetingInput, MeetingsArgs, RecordMeetingDecisionsInput, RecordMeetingHeldInput, RecordMeetingMaterialInput } from './dtos/meeting.inputs';
import { toMeetingModel } from './meeting.mapper';
import { MeetingService } from './meeting.service';
import { MeetingAttendeeModel, MeetingConnection, MeetingDecisionModel, MeetingMaterialModel, MeetingModel } from './models/meeting.models';

const OFFICIALS = [Role.Officer, Role.Supervisor, Role.Leader, Role.Auditor, Role.CreditAdmin, Role.Admin] as const;
/** Who keeps a meeting's record: the convening unit's officers (or a unit above), leaders and supervisors of the region. */
const KEEPERS = [Role.Officer, Role.Leader, Role.Supervisor, Role.Admin] as const;

/** 会议 (SUP-12): announced in advance, materials beforehand, attendance and duration within limits, decisions become tasks. */
@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(private readonly meetings: MeetingService) {}

  @Mutation(() => MeetingModel, { description: 'SUP-12: announces a meeting; notice shorter than the rule pack’s working days is flagged' })
  @Roles(...KEEPERS)
  @ScopeTarget({ kind: 'organization', id: (args) => argument(args, 'input')['organizationId'] })
  async announceMeeting(@CurrentScope() scope: CallerScope, @Args('input') input: AnnounceMeetingInput): Promise<MeetingModel> {
    return toMeetingModel(await this.meetings.announce(scope, input));
  }

  @Mutation(() => MeetingMaterialModel, { description: 'SUP-12: records a material sent to the participants, with when it was sent; late ones are flagged' })
  @Roles(...KEEPERS)
  async recordMeetingMaterial(@CurrentScope() scope: CallerScope, @Args('input') input: RecordMeetingMaterialInput): Promise<MeetingMaterialModel> {
    const { meetingId, sentAt, ...material } = input;
    return this.meetings.recordMaterial(scope, meetingId, { ...material, ...(sentAt ? { sentAt } : {}) });
  }

  @Mutation(() => MeetingModel, { description: 'SUP-12: records, once, when the meeting ran and who attended; over the limits is flagged' })
  @Roles(...KEEPERS)
  async recordMeetingHeld(@CurrentScope() scope: CallerScope, @Args('input') input: RecordMeetingHeldInput): Promise<MeetingModel> {
    const attendees = input.attendees.map((a) => ({ name: a.name, organizationId: a.organizationId ?? null, role: a.role ?? null }));
    return toMeetingModel(await this.meetings.recordHeld(scope, input.meetingId, { startedAt: input.startedAt, endedAt: input.endedAt, attendees }));
  }

  @Mutation(() => [MeetingDecisionModel], { description: 'SUP-12: records decisions; each becomes a task (MEETING_DECISION, <meetingId>#<number>) once, however often recorded' })
  @Roles(...KEEPERS)
  async recordMeetingDecisions(@CurrentScope() scope: CallerScope, @Args('input') input: RecordMeetingDecisionsInput): Promise<MeetingDecisionModel[]> {
    const decisions = input.decisions.map(({ dueDate, workingDays, responsibleName, ...d }) => ({
      ...d,
      responsibleName: responsibleName ?? null,
      ...(dueDate !== undefined ? { dueDate } : {}),
      ...(workingDays !== undefined ? { workingDays } : {}),
    }));
    return this.meetings.recordDecisions(scope, input.meetingId, decisions);
  }

  @Query(() => MeetingModel, { description: 'A meeting of a unit inside your scope' })
  @Roles(...OFFICIALS)
  async meeting(@CurrentScope() scope: CallerScope, @Args('id', { type: () => ID }) id: string): Promise<MeetingModel> {
    return toMeetingModel(await this.meetings.get(scope, id));
  }

  @Query(() => MeetingConnection, { name: 'meetings', description: 'Meetings of units inside your scope, latest first' })
  @Roles(...OFFICIALS)
  async listMeetings(@CurrentScope() scope: CallerScope, @Args() args: MeetingsArgs): Promise<Connection<MeetingModel>> {
    const start = offsetAfter(args.after);
    const { first, after: _after, ...filter } = args;
    const [rows, total] = await this.meetings.list(scope, filter, start, first);
    return toConnection(rows.map(toMeetingModel), start, total);
  }

  // A meeting's parts are visible to whoever may see the meeting itself.
  @Roles(...OFFICIALS)
  @ResolveField(() => [MeetingMaterialModel])
  materials(@Parent() meeting: MeetingModel): Promise<MeetingMaterialModel[]> {
    return this.meetings.materialsOf(meeting.id);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [MeetingAttendeeModel])
  attendees(@Parent() meeting: MeetingModel): Promise<MeetingAttendeeModel[]> {
    return this.meetings.attendeesOf(meeting.id);
  }

  @Roles(...OFFICIALS)
  @ResolveField(() => [MeetingDecisionModel])
  decisions(@Parent() meeting: MeetingModel): Promise<MeetingDecisionModel[]> {
    return this.meetings.decisionsOf(meeting.id);
  }
}
