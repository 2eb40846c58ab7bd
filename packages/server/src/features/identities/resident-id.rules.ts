/**
 * Display masks for the buyer's identity (个人信息保护法 art. 28 and 51: the ID number is sensitive
 * personal information; it is shown to nobody whole, not even to operators). The GB 11643 check itself
 * (parseResidentId, normaliseBuyerName) is in contracts, because the zod schemas that web forms share
 * are built on it; masks are applied by the server before anything leaves it, so they live here.
 * The phone mask is accounts' maskPhone (138****1234).
 */

/** 110101199003071234 → 110101********1234: the region and the last four, as cbec.md shows. */
export function maskResidentId(idNumber: string): string {
  const value = idNumber.trim().toUpperCase();
  if (value.length !== 18) return '*'.repeat(18);
  return `${value.slice(0, 6)}${'*'.repeat(8)}${value.slice(14)}`;
}

/**
 * Two-character surnames (复姓) kept whole by the mask, so 欧阳娜娜 shows as 欧阳** and not 欧***: the
 * ones common enough that a buyer would not recognise their own name otherwise.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '令狐', '端木', '独孤', '南宫', '西门', '呼延', '钟离', '轩辕', '澹台', '公冶', '申屠', '拓跋', '百里',
  '东郭', '万俟', '闻人', '太叔', '赫连', '濮阳', '淳于', '单于', '左丘', '司空', '第五',
]);

/**
 * 张三 → 张*, 欧阳娜娜 → 欧阳**, 买买提·艾力 → 买**·**: the surname (the first character, or a
 * compound surname when the given name follows it) stays, every other character becomes *, middle dots
 * stay so the shape of a transcribed name is recognisable. Characters are code points.
 */
export function maskBuyerName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.map((c, i) => (i < keep || c === '·' ? c : '*')).join('');
}
