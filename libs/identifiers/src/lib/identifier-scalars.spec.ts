import {
  graphql,
  GraphQLError,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parseValue as parseLiteralText,
} from 'graphql';
import { CitizenIdScalar, MobileNumberScalar, RegionCodeScalar, UsccScalar } from './identifier-scalars';
import { syntheticCitizenId } from './synthetic-citizen-id';

const VALID_ID = syntheticCitizenId('460100', '19900101', '123');

function thrown(action: () => unknown): GraphQLError {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

function literal(scalar: GraphQLScalarType, text: string): unknown {
  return scalar.parseLiteral(parseLiteralText(text), undefined);
}

describe('GraphQL scalars for identifiers', () => {
  it('have the agreed names', () => {
    expect([UsccScalar.name, CitizenIdScalar.name, RegionCodeScalar.name, MobileNumberScalar.name]).toEqual(['USCC', 'CitizenIdNumber', 'RegionCode', 'MobileNumber']);
  });

  it('parse valid values from variables and literals, normalising mobile numbers', () => {
    expect(UsccScalar.parseValue('91350100M000100Y43')).toBe('91350100M000100Y43');
    expect(CitizenIdScalar.parseValue(VALID_ID)).toBe(VALID_ID);
    expect(RegionCodeScalar.parseValue('469028')).toBe('469028');
    expect(MobileNumberScalar.parseValue('+86 138 1234 5678')).toBe('13812345678');
    expect(literal(UsccScalar, '"91350100M000100Y43"')).toBe('91350100M000100Y43');
    expect(literal(CitizenIdScalar, `"${VALID_ID}"`)).toBe(VALID_ID);
    expect(literal(RegionCodeScalar, '"460000"')).toBe('460000');
    expect(literal(MobileNumberScalar, '"138-1234-5678"')).toBe('13812345678');
  });

  it.each([
    ['wrong check character', UsccScalar, '91350100M000100Y44', '校验位错误'],
    ['wrong length', UsccScalar, '91350100M000100Y4', '应为 18 位'],
    ['lower case', UsccScalar, '91350100m000100y43', '须大写'],
    ['full width', UsccScalar, '９1350100M000100Y43', '全角'],
    ['impossible date', CitizenIdScalar, syntheticCitizenId('460100', '19990230', '123'), '不是真实存在的日期'],
    ['lower-case x', CitizenIdScalar, '46010019850612000x', '须大写'],
    ['unknown region', RegionCodeScalar, '110000', '110000'],
    ['wrong mobile prefix', MobileNumberScalar, '12812345678', '13–19'],
  ])('parseValue rejects %s with BAD_USER_INPUT and both languages', (_case, scalar, value, zhPart) => {
    const error = thrown(() => scalar.parseValue(value));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(zhPart);
    expect(error.message).toContain(' / ');
    const messages = error.extensions['messages'] as { zh: string; en: string };
    expect(messages.zh).toContain(zhPart);
    expect(error.message).toBe(`${messages.zh} / ${messages.en}`);
  });

  it('parseLiteral rejects bad strings and unquoted numbers with BAD_USER_INPUT', () => {
    const bad = thrown(() => literal(RegionCodeScalar, '"110000"'));
    expect(bad.extensions['code']).toBe('BAD_USER_INPUT');
    expect(bad.message).toContain('110000');
    const unquoted = thrown(() => literal(CitizenIdScalar, VALID_ID));
    expect(unquoted.extensions['code']).toBe('BAD_USER_INPUT');
    expect(unquoted.message).toBe('身份证号须用引号括起，作为字符串传入 / A citizen ID number must be given as a quoted string');
    expect(thrown(() => literal(MobileNumberScalar, '"１3812345678"')).message).toContain('全角');
  });

  it('serialise USCC and region codes as they are', () => {
    expect(UsccScalar.serialize('91350100M000100Y43')).toBe('91350100M000100Y43');
    expect(RegionCodeScalar.serialize('460100')).toBe('460100');
    expect(() => RegionCodeScalar.serialize(460100)).toThrow(TypeError);
  });

  it('serialise personal data only when masked, refusing a clear value without naming it', () => {
    expect(CitizenIdScalar.serialize('4601**********1230')).toBe('4601**********1230');
    expect(MobileNumberScalar.serialize('138****5678')).toBe('138****5678');
    expect(() => CitizenIdScalar.serialize(VALID_ID)).toThrow('output masked only');
    expect(() => MobileNumberScalar.serialize('13812345678')).toThrow('output masked only');
    try {
      CitizenIdScalar.serialize(VALID_ID);
    } catch (error) {
      expect(String(error)).not.toContain(VALID_ID);
    }
  });

  describe('inside a schema', () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          register: {
            type: GraphQLString,
            args: { id: { type: new GraphQLNonNull(CitizenIdScalar) }, phone: { type: new GraphQLNonNull(MobileNumberScalar) } },
            resolve: (_root, args: { id: string; phone: string }) => `${args.id.length}:${args.phone}`,
          },
        },
      }),
    });

    it('hands resolvers the canonical values', async () => {
      const result = await graphql({ schema, source: 'query ($id: CitizenIdNumber!, $phone: MobileNumber!) { register(id: $id, phone: $phone) }', variableValues: { id: VALID_ID, phone: '+86 138 1234 5678' } });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ register: '18:13812345678' });
    });

    it('reports a bad literal without echoing it', async () => {
      const bad = syntheticCitizenId('460100', '19990230', '123');
      const result = await graphql({ schema, source: `{ register(id: "${bad}", phone: "13812345678") }` });
      expect(result.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).not.toContain(bad);
    });

    it('keeps code and bilingual messages on a bad variable, whose message graphql-js prefixes with the value', async () => {
      const bad = syntheticCitizenId('460100', '19990230', '123');
      const result = await graphql({ schema, source: 'query ($id: CitizenIdNumber!) { register(id: $id, phone: "13812345678") }', variableValues: { id: bad } });
      const error = result.errors?.[0];
      expect(error?.extensions['code']).toBe('BAD_USER_INPUT');
      expect(error?.extensions['messages']).toEqual({ zh: '身份证号第 7–14 位的出生日期不是真实存在的日期', en: 'Positions 7–14 of a citizen ID number, the date of birth, are not a real calendar date' });
      // The error formatter has to rebuild such a message from extensions.messages.
      expect(error?.message).toContain(bad);
    });
  });
});
