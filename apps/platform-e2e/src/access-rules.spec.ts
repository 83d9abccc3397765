import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const OPERATION_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField', 'ResolveReference']);
const ACCESS_DECORATORS = new Set(['Public', 'Roles']);

function resolverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : resolverFiles(full);
    return entry.name.endsWith('.resolver.ts') ? [full] : [];
  });
}

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((d) => {
    const expression = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    return ts.isIdentifier(expression) ? expression.text : '';
  });
}

/** Every GraphQL operation a resolver declares, and whether it or its class states who may call it. */
function operations(file: string): { name: string; guarded: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; guarded: boolean }[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node)) return;
    const classRule = decoratorNames(node).some((n) => ACCESS_DECORATORS.has(n));
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const names = decoratorNames(member);
      if (!names.some((n) => OPERATION_DECORATORS.has(n))) continue;
      found.push({ name: `${path.relative(root, file)}: ${node.name?.text ?? '?'}.${member.name.getText(source)}`, guarded: classRule || names.some((n) => ACCESS_DECORATORS.has(n)) });
    }
  });
  return found;
}

describe('every GraphQL operation and field resolver declares who may call it', () => {
  const all = resolverFiles(path.join(root, 'libs')).flatMap(operations);

  it('finds the operations of every service', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
  });

  it('has @Public() or @Roles(…) on each query, mutation, subscription and field resolver', () => {
    expect(all.filter((o) => !o.guarded).map((o) => o.name)).toEqual([]);
  });
});
