/**
 * Passwords of ten or more characters that appear near the top of public breach lists.
 * Refused outright: length alone does not make them safe.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111',
  '0000000000', '1234567891', '123123123123', '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop',
  'qwerty1234', 'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'zxcvbnm123', 'password12',
  'password123', 'password1234', 'password1!', 'passw0rd123', 'iloveyou12', 'iloveyou123',
  'princess123', 'football123', 'baseball123', 'welcome123', 'welcome1234', 'sunshine12',
  'superman123', 'letmein123', 'trustno1234', 'starwars123', 'abcdefghij', 'abcd123456',
  'abc1234567', 'a123456789', 'changeme123', 'administrator', 'admin12345', 'admin123456',
  'adminadmin', 'qazwsxedcrfv', 'michael123', 'jennifer123', 'computer123', 'whatever123',
  'monkey12345', 'dragon12345', 'liverpool123', 'chocolate1', 'butterfly1', 'pokemon123',
  'samsung123', 'naruto1234', 'qwertyqwerty', 'passwordpassword', 'liaison123', 'liaison1234',
  'йцукенгшщз', 'пароль1234', 'пароль12345', 'qwerty123!', 'Password1!', 'Password123',
  'P@ssw0rd123', 'Qwerty12345', 'Welcome123!', 'Aa123456789', '11223344556', '147258369a',
  '987654321a', '5555555555', '9999999999', '1212121212', '1234qwerty', '12qwaszx34',
]);

/** True when the password is on the list, compared without case. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  for (const p of COMMON_PASSWORDS) if (p.toLowerCase() === lower) return true;
  return false;
}
