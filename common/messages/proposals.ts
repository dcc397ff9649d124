import type { Message } from './render.js';

/** Proposals: their lines, sending, and the client's answer through the link. */
export const PROPOSAL_MESSAGES = {
  'proposal.unit_price': {
    en: 'A price is a whole number of minor units, 0 or more',
    ru: 'Цена — целое число копеек (центов), не меньше 0',
  },
  'proposal.discount': { en: 'A discount is a percent from 0 to 100', ru: 'Скидка — процент от 0 до 100' },
  'proposal.no_such_service': { en: 'There is no such service in the catalog', ru: 'В каталоге нет такой услуги' },
  'proposal.service_inactive': {
    en: 'The service “{name}” is no longer offered',
    ru: 'Услуга «{name}» больше не предлагается',
  },
  'proposal.service_no_price': {
    en: 'The service “{name}” has no price in {currency}; give the line a price',
    ru: 'У услуги «{name}» нет цены в {currency}; укажите цену строки',
  },
  'proposal.description_required': { en: 'Describe the line', ru: 'Опишите строку' },
  'proposal.price_required': { en: 'Give the line a price', ru: 'Укажите цену строки' },
  'proposal.no_such_deal': { en: 'There is no such deal', ru: 'Такой сделки нет' },
  'proposal.deal_closed': {
    en: 'The deal is {stage:dealStage}; proposals are made on open deals',
    ru: 'Сделка уже закрыта ({stage:dealStage}); предложения делаются по открытым сделкам',
  },
  'proposal.valid_until_past': { en: 'The validity date has passed', ru: 'Срок действия уже истёк' },
  'proposal.lines_required': { en: 'Add at least one line before sending', ru: 'Добавьте хотя бы одну строку перед отправкой' },
  'proposal.recipient': { en: 'Choose a contact or give an address', ru: 'Выберите контакт или укажите адрес' },
  'proposal.decline_reason': { en: 'Say why you decline', ru: 'Напишите, почему вы отказываетесь' },
  'proposal.decided': {
    en: 'This proposal was already {status:proposalStatus}',
    ru: 'По этому предложению уже принято решение: {status:proposalStatus}',
  },
  'proposal.sent_not_deleted': {
    en: 'A proposal that was sent is a record and is not deleted',
    ru: 'Отправленное предложение — это документ, его нельзя удалить',
  },
  'proposal.no_public_url': {
    en: 'Proposals cannot be sent until the address clients reach the app at (PUBLIC_URL) is set',
    ru: 'Предложения нельзя отправлять, пока не задан адрес, по которому клиенты открывают приложение (PUBLIC_URL)',
  },
  'proposal.not_sent': { en: 'This proposal was not sent yet', ru: 'Это предложение ещё не отправлено' },
  'proposal.line_discount': { en: 'Discount {percent}%: {description}', ru: 'Скидка {percent}%: {description}' },
  'proposal.project_started': {
    en: 'The project was already started from this proposal: /projects/{projectId}',
    ru: 'Проект по этому предложению уже запущен: /projects/{projectId}',
  },
  'proposal.not_accepted': { en: 'Only an accepted proposal starts a project', ru: 'Проект запускается только из принятого предложения' },
  'proposal.link_invalid': {
    en: 'This link is not valid. Ask your manager for a new one.',
    ru: 'Эта ссылка недействительна. Попросите менеджера прислать новую.',
  },
  'proposal.link_revoked': {
    en: 'This link was withdrawn. Ask your manager for a new one.',
    ru: 'Эта ссылка отозвана. Попросите менеджера прислать новую.',
  },
  'proposal.expired': {
    en: 'This proposal was valid until {date}. Ask your manager for a new one.',
    ru: 'Это предложение действовало до {date}. Попросите менеджера прислать новое.',
  },
  'proposal.email_subject': { en: 'A proposal from {agency}', ru: 'Коммерческое предложение от {agency}' },
  'proposal.email_body': {
    en: 'Hello,\n\n{agency} sends you a proposal for {total}, valid until {date}. Read it and accept or decline it online; the PDF is attached.',
    ru: 'Здравствуйте!\n\n{agency} направляет вам коммерческое предложение на сумму {total}, действительное до {date}. Прочитайте его и примите или отклоните онлайн; PDF во вложении.',
  },
  'proposal.email_action': { en: 'Open the proposal', ru: 'Открыть предложение' },
  'proposal.manager_accepted': {
    en: '{account} accepted the proposal “{deal}” ({total}){by}. The deal is won; start the project from the proposal.',
    ru: '{account} принял(а) предложение «{deal}» ({total}){by}. Сделка выиграна; запустите проект из предложения.',
  },
  'proposal.manager_declined': {
    en: '{account} declined the proposal “{deal}”: {reason}',
    ru: '{account} отклонил(а) предложение «{deal}»: {reason}',
  },
  'proposal.manager_subject': { en: 'Proposal {status:proposalStatus}: {account}', ru: 'Предложение — {status:proposalStatus}: {account}' },
  'proposal.manager_action': { en: 'Open the deal', ru: 'Открыть сделку' },
} satisfies Record<string, Message>;
