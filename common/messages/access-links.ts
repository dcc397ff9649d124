import type { Message } from './render.js';

/**
 * Links sent by email that let a person in: invitations to the client portal and password
 * resets. A link that does not work says why and what to do next, in the reader's words.
 */
export const ACCESS_LINK_MESSAGES = {
  'access.invite_to_portal': {
    en: 'Only the account’s manager or an admin can invite people to the portal.',
    ru: 'Приглашать в портал может только аккаунт-менеджер клиента или администратор.',
  },
  'invitation.contact_without_email': {
    en: 'Add an email address to this contact before inviting them to the portal.',
    ru: 'Прежде чем приглашать контакт в портал, укажите его адрес электронной почты.',
  },
  'invitation.email_in_use': {
    en: '{email} already belongs to another user of Liaison, so this contact cannot be invited with it.',
    ru: 'Адрес {email} уже принадлежит другому пользователю Liaison, поэтому пригласить контакт с этим адресом нельзя.',
  },
  'invitation.public_url_missing': {
    en: 'Invitations need the address where clients open Liaison to build their links: ask an administrator to set PUBLIC_URL.',
    ru: 'Чтобы составить ссылку в приглашении, нужен адрес, по которому клиенты открывают Liaison: попросите администратора задать PUBLIC_URL.',
  },
  'invitation.link_invalid': {
    en: 'This invitation link is not valid. Check that you opened the whole link from the email, or ask your account manager for a new invitation.',
    ru: 'Ссылка-приглашение недействительна. Проверьте, что открыли ссылку из письма целиком, или попросите аккаунт-менеджера прислать новое приглашение.',
  },
  'invitation.link_used': {
    en: 'This invitation was already used. Sign in with the password you chose, or ask your account manager for a new invitation.',
    ru: 'Это приглашение уже использовано. Войдите с паролем, который вы задали, или попросите аккаунт-менеджера прислать новое приглашение.',
  },
  'invitation.link_expired': {
    en: 'This invitation has expired: a link works for 7 days. Ask your account manager for a new invitation.',
    ru: 'Срок действия приглашения истёк: ссылка действует 7 дней. Попросите аккаунт-менеджера прислать новое приглашение.',
  },
  'invitation.link_replaced': {
    en: 'A newer invitation was sent after this one, so this link no longer works. Open the link in the latest email.',
    ru: 'После этого приглашения было отправлено новое, поэтому ссылка больше не действует. Откройте ссылку из последнего письма.',
  },
  'invitation.link_withdrawn': {
    en: 'This invitation was withdrawn. Ask your account manager if you need access to the portal.',
    ru: 'Это приглашение отозвано. Если вам нужен доступ к порталу, обратитесь к аккаунт-менеджеру.',
  },
  'invitation.email_subject': {
    en: 'Your invitation to the client portal of {account}',
    ru: 'Приглашение в клиентский портал: {account}',
  },
  'invitation.email_greeting': { en: 'Hello, {name}!', ru: 'Здравствуйте, {name}!' },
  'invitation.email_intro': {
    en: '{manager} invites you to the client portal, where you can follow the work for {account}: projects, plans, documents and invoices.',
    ru: '{manager} приглашает вас в клиентский портал, где можно следить за работой для компании «{account}»: проектами, планами, документами и счетами.',
  },
  'invitation.email_action': { en: 'Choose your password', ru: 'Задать пароль' },
  'invitation.email_validity': {
    en: 'The link works once, for 7 days. If it has expired, ask your account manager for a new invitation.',
    ru: 'Ссылка действует один раз в течение 7 дней. Если срок истёк, попросите аккаунт-менеджера прислать новое приглашение.',
  },

  'password_reset.link_invalid': {
    en: 'This password reset link is not valid. Check that you opened the whole link from the email, or ask for a new link.',
    ru: 'Ссылка для смены пароля недействительна. Проверьте, что открыли ссылку из письма целиком, или запросите новую ссылку.',
  },
  'password_reset.link_used': {
    en: 'This password reset link was already used. Sign in with your new password, or ask for a new link.',
    ru: 'Эта ссылка для смены пароля уже использована. Войдите с новым паролем или запросите новую ссылку.',
  },
  'password_reset.link_expired': {
    en: 'This password reset link has expired: a link works for an hour. Ask for a new link.',
    ru: 'Срок действия ссылки для смены пароля истёк: ссылка действует один час. Запросите новую ссылку.',
  },
  'password_reset.email_subject': { en: 'Choose a new Liaison password', ru: 'Смена пароля в Liaison' },
  'password_reset.email_greeting': { en: 'Hello, {name}!', ru: 'Здравствуйте, {name}!' },
  'password_reset.email_intro': {
    en: 'Someone, hopefully you, asked to reset the password of your Liaison account {email}. To choose a new password, open this link within an hour:',
    ru: 'Кто-то — надеемся, вы — попросил сменить пароль вашей учётной записи Liaison {email}. Чтобы задать новый пароль, откройте эту ссылку в течение часа:',
  },
  'password_reset.email_action': { en: 'Choose a new password', ru: 'Задать новый пароль' },
  'password_reset.email_validity': {
    en: 'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
    ru: 'Ссылка действует один раз. Если вы не просили сменить пароль, просто не обращайте внимания на это письмо: пароль останется прежним.',
  },
} satisfies Record<string, Message>;
