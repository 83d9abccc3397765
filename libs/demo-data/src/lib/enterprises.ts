import { HAINAN_CITIES_AND_COUNTIES, usccCheckCharacter } from '@egov/identifiers';

export interface DemoEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly regionCode: string;
}

const ORG_CODE_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 组织机构代码 check character for an 8-character body. */
function organizationCodeCheck(body: string): string {
  const sum = [...body].reduce((acc, ch, i) => acc + ORG_CODE_CHARS.indexOf(ch) * (ORG_CODE_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

const NAMES = ['椰风农业科技', '南海航运', '琼州数字科技', '黎锦文化创意', '自贸港跨境贸易', '热带海洋生物', '椰城医药', '鹿回头旅游发展'];

function build(): DemoEnterprise[] {
  return HAINAN_CITIES_AND_COUNTIES.flatMap((region, r) =>
    [0, 1].map((n) => {
      const body = String(71000000 + r * 97 + n * 13).padStart(8, '0');
      const organizationCode = `${body}${organizationCodeCheck(body)}`;
      const first17 = `91${region.code}${organizationCode}`;
      const name = `海南${NAMES[(r + n) % NAMES.length] ?? '示范'}有限公司（${region.name.replace(/市|县|黎族|苗族|自治/g, '')}）`;
      return { uscc: `${first17}${usccCheckCharacter(first17)}`, name, regionCode: region.code };
    }),
  );
}

/** Two enterprises in each city and county, with valid 统一社会信用代码. */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = build();
