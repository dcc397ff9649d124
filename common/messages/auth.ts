import type { Message } from './render.js';

/** Two-factor sign-in and the sign-in policy. */
export const AUTH_MESSAGES = {
  'auth.two_factor_required': {
    en: 'Your role must use two-factor sign-in. Set it up under Sign-in security before doing anything else.',
    ru: 'Для вашей роли нужен двухфакторный вход. Настройте его в разделе «Безопасность входа», прежде чем продолжить.',
  },
  'auth.sign_in_expired': {
    en: 'This sign-in has expired. Enter your email and password again.',
    ru: 'Время на вход истекло. Введите почту и пароль ещё раз.',
  },
  'auth.wrong_code': { en: 'The code is not correct or was already used.', ru: 'Код неверный или уже использован.' },
  'auth.wrong_recovery_code': {
    en: 'This recovery code is not valid or was already used.',
    ru: 'Этот резервный код недействителен или уже использован.',
  },
  'twoFactor.staff_only': { en: 'Two-factor sign-in is for staff users.', ru: 'Двухфакторный вход — для сотрудников.' },
  'twoFactor.already_on': {
    en: 'Two-factor sign-in is already on. Turn it off first to set it up again.',
    ru: 'Двухфакторный вход уже включён. Чтобы настроить его заново, сначала выключите его.',
  },
  'twoFactor.start_first': { en: 'Start setting up two-factor sign-in first.', ru: 'Сначала начните настройку двухфакторного входа.' },
  'twoFactor.invalid_code': {
    en: 'This code is not correct. Check that the time on your phone is right and enter the current code.',
    ru: 'Код неверный. Проверьте время на телефоне и введите текущий код.',
  },
  'twoFactor.required_for_role': {
    en: 'Two-factor sign-in is required for your role, so it cannot be turned off.',
    ru: 'Для вашей роли двухфакторный вход обязателен, его нельзя выключить.',
  },
  'twoFactor.not_on_for_user': {
    en: 'Two-factor sign-in is not on for this user.',
    ru: 'У этого пользователя двухфакторный вход не включён.',
  },
  'twoFactor.not_on': { en: 'Two-factor sign-in is not on.', ru: 'Двухфакторный вход не включён.' },
  'twoFactor.wrong_proof_code': { en: 'This code is not correct or was already used', ru: 'Код неверный или уже использован' },
  'twoFactor.wrong_password': { en: 'The password is not correct', ru: 'Неверный пароль' },
  'twoFactor.code_format': {
    en: 'Enter the 6-digit code from your authenticator app',
    ru: 'Введите 6-значный код из приложения-аутентификатора',
  },
  'twoFactor.recovery_format': { en: 'Enter one of your recovery codes', ru: 'Введите один из резервных кодов' },
  'twoFactor.proof_required': { en: 'Enter a current code or your password', ru: 'Введите текущий код или пароль' },
  'twoFactor.enable_own_first': {
    en: 'Turn on two-factor sign-in for yourself before requiring it for admins and finance.',
    ru: 'Сначала включите двухфакторный вход для себя, затем требуйте его от администраторов и бухгалтерии.',
  },
} satisfies Record<string, Message>;
