import { Test } from '@nestjs/testing';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { syntheticCitizenId } from '@egov/identifiers';
import { graphql, type GraphQLSchema } from 'graphql';
import { MaskedPersonalData } from './masked-personal-data.decorator';

const ID_NUMBER = syntheticCitizenId('460100', '19900101', '123');

@ObjectType()
class CitizenModel {
  @Field(() => ID)
  id!: string;

  @MaskedPersonalData('citizenId')
  idNumber!: string;

  @MaskedPersonalData('mobile', { nullable: true })
  phone!: string | null;
}

@Resolver(() => CitizenModel)
class CitizenResolver {
  @Query(() => [CitizenModel])
  citizens(): CitizenModel[] {
    return [];
  }
}

describe('@MaskedPersonalData — masked in every response', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    schema = await moduleRef.get(GraphQLSchemaFactory).create([CitizenResolver]);
  });

  it('masks values a resolver returned in clear, and passes null', async () => {
    // The root value stands in for a resolver that forgot to mask.
    const rootValue = {
      citizens: [
        { id: '1', idNumber: ID_NUMBER, phone: '13812345678' },
        { id: '2', idNumber: '4601**********1230', phone: null },
      ],
    };
    const result = await graphql({ schema, source: '{ citizens { id idNumber phone } }', rootValue });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      citizens: [
        { id: '1', idNumber: '4601**********1230', phone: '138****5678' },
        { id: '2', idNumber: '4601**********1230', phone: null },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(ID_NUMBER);
  });

  it('declares the fields as String with a description saying they are masked', () => {
    const type = schema.getType('CitizenModel');
    const fields = type && 'getFields' in type ? type.getFields() : {};
    expect(String(fields['idNumber']?.type)).toBe('String!');
    expect(String(fields['phone']?.type)).toBe('String');
    expect(fields['idNumber']?.description).toContain('masked');
  });
});
