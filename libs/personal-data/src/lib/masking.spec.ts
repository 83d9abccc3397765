import { maskCitizenId, maskedField, maskMobile, maskPersonalData } from './masking';

describe('masking — masked in every output (DOMAIN §0, DESIGN Security)', () => {
  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskCitizenId('460100199001011234')).toBe('4601**********1234');
    expect(maskCitizenId('46010019850612000x')).toBe('4601**********000X');
    expect(maskCitizenId('４６０１００１９９００１０１１２３４')).toBe('4601**********1234');
  });

  it('keeps the first 3 and last 4 digits of a mobile number, whatever form it was typed in', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
    expect(maskMobile('8613812345678')).toBe('138****5678');
  });

  it('is idempotent and hides short values whole', () => {
    expect(maskCitizenId('4601**********1234')).toBe('4601**********1234');
    expect(maskMobile('138****5678')).toBe('138****5678');
    expect(maskMobile('1234567')).toBe('*******');
    expect(maskCitizenId('12345678')).toBe('********');
  });

  it('maskedField maps optional values for a model mapper', () => {
    const idNumber = maskedField('citizenId');
    expect(idNumber('460100199001011234')).toBe('4601**********1234');
    expect(idNumber(null)).toBeNull();
    expect(maskedField('mobile')(undefined)).toBeNull();
    expect(maskPersonalData('mobile', '13812345678')).toBe('138****5678');
  });
});
