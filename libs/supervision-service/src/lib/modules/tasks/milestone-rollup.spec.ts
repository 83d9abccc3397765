import { rollUpMilestones } from './milestone-rollup';

const node = (id: string, progress: number, weight: number | null = null, parentId: string | null = null) => ({ id, parentId, weight, progress });

describe('SUP-6 milestone roll-up', () => {
  it('SUP-6 children [100, 0] with weights [0.5, 0.5] give 50', () => {
    const result = rollUpMilestones([node('a', 100, 0.5), node('b', 0, 0.5)]);
    expect(result.task).toBe(50);
  });

  it('SUP-6 without weights the children count equally; with uneven weights in proportion', () => {
    expect(rollUpMilestones([node('a', 100), node('b', 0), node('c', 50)]).task).toBe(50);
    expect(rollUpMilestones([node('a', 100, 3), node('b', 0, 1)]).task).toBe(75);
    expect(rollUpMilestones([node('a', 100, 0.8), node('b', 100)]).task).toBe(100);
  });

  it('SUP-6 rolls up through levels: a parent’s own progress gives way to its children’s', () => {
    const result = rollUpMilestones([node('p', 10, 0.5), node('p1', 100, 0.5, 'p'), node('p2', 0, 0.5, 'p'), node('q', 100, 0.5)]);
    expect(result.byId.get('p')).toBe(50);
    expect(result.task).toBe(75);
  });

  it('no milestones, no progress; out-of-range progress is held to 0–100', () => {
    expect(rollUpMilestones([]).task).toBe(0);
    expect(rollUpMilestones([node('a', 150), node('b', -20)]).task).toBe(50);
  });
});
