import type { Message } from './render.js';

/** Accounts, contacts, users and interactions. */
export const ACCOUNT_MESSAGES = {
  'account.name_required': { en: 'Enter the company name', ru: 'Введите название компании' },
  'account.no_such_account': { en: 'No account with this id', ru: 'Такого клиента нет' },
  'account.owner_not_manager': { en: 'Choose an active account manager', ru: 'Выберите активного аккаунт-менеджера' },
  'account.has_portal_users': {
    en: 'This account has portal users. Remove their access first.',
    ru: 'У клиента есть пользователи портала. Сначала отключите их доступ.',
  },
  'account.has_invoices': {
    en: 'This account has invoices, and money records are never deleted. Mark the account churned instead.',
    ru: 'У клиента есть счета, а денежные записи не удаляются. Отметьте клиента как ушедшего.',
  },
  'account.payment_terms': { en: 'Payment terms are whole days from 0 to 365', ru: 'Срок оплаты — целое число дней от 0 до 365' },

  'contact.first_name_required': { en: 'Enter the first name', ru: 'Введите имя' },
  'contact.not_of_account': { en: 'Every contact must belong to this account', ru: 'Все контакты должны относиться к этому клиенту' },
  'contact.no_such_contact': { en: 'No contact with this id', ru: 'Такого контакта нет' },

  'user.name_required': { en: 'Enter the name', ru: 'Введите имя' },
  'user.your_name_required': { en: 'Enter your name', ru: 'Введите ваше имя' },
  'user.email_taken': { en: 'A user with this email already exists', ru: 'Пользователь с таким адресом уже есть' },
  'user.self_demotion': {
    en: 'You cannot deactivate yourself or remove your own admin role.',
    ru: 'Нельзя отключить себя или снять с себя роль администратора.',
  },
  'user.staff_with_contact': {
    en: 'Only client users are linked to a contact; remove the contact or make the user a client',
    ru: 'К контакту привязываются только пользователи клиента; уберите контакт или сделайте пользователя клиентом',
  },
  'user.client_needs_contact': {
    en: 'A client user must be linked to a contact of their company',
    ru: 'Пользователь клиента должен быть привязан к контакту своей компании',
  },
  'access.user_photo': {
    en: 'Only the user themself or an admin can change their photo.',
    ru: 'Сменить фотографию может только сам пользователь или администратор.',
  },
  'user.photo_too_large': {
    en: 'The photo is larger than {maxMb} MB; upload a smaller image.',
    ru: 'Фотография больше {maxMb} МБ; загрузите изображение поменьше.',
  },
  'user.photo_type': {
    en: 'The photo must be a PNG or JPEG image; this file is not one.',
    ru: 'Фотография должна быть в формате PNG или JPEG; этот файл не подходит.',
  },
  'user.photo_unreadable': {
    en: 'The photo could not be read; save it again and upload it.',
    ru: 'Фотографию не удалось прочитать; пересохраните её и загрузите снова.',
  },
  'user.capacity': { en: 'Capacity is whole hours, at most 80 a week', ru: 'Доступные часы — целое число, не больше 80 в неделю' },
  'password.too_short': { en: 'Use at least {min} characters', ru: 'Не менее {min} символов' },
  'password.too_long': { en: 'At most {max} characters', ru: 'Не более {max} символов' },
  'password.too_common': { en: 'This password is too common; choose another', ru: 'Этот пароль слишком распространён, выберите другой' },
  'password.contains_email': {
    en: 'Do not use your email address or a part of it in the password',
    ru: 'Не используйте в пароле адрес электронной почты или его часть',
  },
  'password.contains_name': {
    en: 'Do not use your name or a part of it in the password',
    ru: 'Не используйте в пароле своё имя или его часть',
  },
  'password.too_weak': {
    en: 'This password is easy to guess; add a few uncommon words',
    ru: 'Этот пароль легко подобрать; добавьте несколько необычных слов',
  },
  'password.weak_pattern': {
    en: 'This password is easy to guess: {reason:passwordWeakness}',
    ru: 'Этот пароль легко подобрать: {reason:passwordWeakness}',
  },
  'user.token_name_required': { en: 'Name the token so you can recognise it later', ru: 'Назовите токен, чтобы потом его узнать' },

  'nextStep.text_required': { en: 'Say what is to be done next', ru: 'Укажите, что нужно сделать дальше' },
  'nextStep.owner': {
    en: 'The owner must be an active staff member who sees this account',
    ru: 'Ответственный — активный сотрудник, которому виден этот клиент',
  },
  'nextStep.already_done': { en: 'This next step is already done.', ru: 'Этот следующий шаг уже выполнен.' },
  'nextStep.not_done': { en: 'This next step is not done.', ru: 'Этот следующий шаг ещё не выполнен.' },
  'nextStep.editor': {
    en: 'Only its owner or the account’s manager can change this next step.',
    ru: 'Изменить следующий шаг может только ответственный или менеджер клиента.',
  },
  'nextStep.due_without_step': { en: 'Say what the next step is before giving it a date', ru: 'Сначала укажите следующий шаг, затем срок' },
  'interaction.summary_required': { en: 'Write a short summary', ru: 'Напишите краткое содержание' },
  'interaction.no_such_project': { en: 'No project with this id on this account', ru: 'У этого клиента нет такого проекта' },
  'interaction.no_such_deal': { en: 'No deal with this id on this account', ru: 'У этого клиента нет такой сделки' },
} satisfies Record<string, Message>;
