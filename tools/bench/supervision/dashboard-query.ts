import type { CallerScope } from '@egov/auth';
import type { TargetTally, TaskTally } from '@egov/supervision-service';

/** What a leader's dashboard sends: the task counts and, by the trajectory field resolver, the targets'. */
export const DASHBOARD_QUERY = `query($regionCode: String) {
  taskDashboard(regionCode: $regionCode, topUnits: 20) {
    regionCode
    open { NONE BLUE YELLOW RED }
    completedOnTime
    completedLate
    overdueByUnit { organizationId name regionCode overdue }
    trajectory { year targets onTrajectory offTrajectory offTrajectoryByUnit { organizationId name targets offTrajectory } }
  }
}`;

/** The answer to DASHBOARD_QUERY, field for field. */
export interface DashboardView {
  readonly regionCode: string | null;
  readonly open: { readonly NONE: number; readonly BLUE: number; readonly YELLOW: number; readonly RED: number };
  readonly completedOnTime: number;
  readonly completedLate: number;
  readonly overdueByUnit: readonly { readonly organizationId: string; readonly name: string; readonly regionCode: string; readonly overdue: number }[];
  readonly trajectory: {
    readonly year: number;
    readonly targets: number;
    readonly onTrajectory: number;
    readonly offTrajectory: number;
    readonly offTrajectoryByUnit: readonly { readonly organizationId: string; readonly name: string; readonly targets: number; readonly offTrajectory: number }[];
  };
}

/** What DASHBOARD_QUERY must answer, read in-process from the same kept counts the resolvers read. */
export async function dashboardInProcess(tasks: TaskTally, targets: TargetTally, scope: CallerScope, regionCode: string | undefined, year: number): Promise<DashboardView> {
  const counted = await tasks.dashboard(scope, regionCode, 20);
  const trajectory = await targets.dashboard(scope, regionCode, year, 20);
  return {
    regionCode: regionCode ?? null,
    open: { ...counted.open },
    completedOnTime: counted.completedOnTime,
    completedLate: counted.completedLate,
    overdueByUnit: counted.overdueByUnit.map((u) => ({ ...u })),
    trajectory: {
      year: trajectory.year,
      targets: trajectory.targets,
      onTrajectory: trajectory.targets - trajectory.offTrajectory,
      offTrajectory: trajectory.offTrajectory,
      offTrajectoryByUnit: trajectory.offTrajectoryByUnit.map((u) => ({ organizationId: u.organizationId, name: u.name, targets: u.targets, offTrajectory: u.offTrajectory })),
    },
  };
}
