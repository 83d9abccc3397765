import { DomainException } from '@egov/errors';

/** The domain error a promise is refused with; fails the test when it resolves or fails otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<DomainException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a refusal with a domain error, but it succeeded');
}
