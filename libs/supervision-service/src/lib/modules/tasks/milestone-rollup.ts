export interface MilestoneNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly weight: number | null;
  /** Own progress 0–100; used for leaves only. */
  readonly progress: number;
}

/**
 * SUP-6: progress rolls up weighted — children [100, 0] with weights
 * [0.5, 0.5] give 50. Siblings without any weight count equally; when some
 * carry weights, those without count as 0 and the weights are taken in
 * proportion to their sum. Returns each node's rolled-up progress and the
 * whole task's (its top-level milestones rolled up the same way).
 */
export function rollUpMilestones(nodes: readonly MilestoneNode[]): { readonly task: number; readonly byId: ReadonlyMap<string, number> } {
  const children = new Map<string | null, MilestoneNode[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const byId = new Map<string, number>();
  const combine = (siblings: readonly MilestoneNode[]): number => {
    if (siblings.length === 0) return 0;
    const values = siblings.map((s) => progressOf(s));
    const weighted = siblings.some((s) => s.weight !== null && s.weight > 0);
    if (!weighted) return values.reduce((sum, v) => sum + v, 0) / values.length;
    const total = siblings.reduce((sum, s) => sum + (s.weight ?? 0), 0);
    return siblings.reduce((sum, s, i) => sum + ((s.weight ?? 0) / total) * (values[i] ?? 0), 0);
  };
  const progressOf = (node: MilestoneNode): number => {
    const below = children.get(node.id) ?? [];
    const value = below.length === 0 ? clamp(node.progress) : combine(below);
    byId.set(node.id, value);
    return value;
  };
  return { task: combine(children.get(null) ?? []), byId };
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));
