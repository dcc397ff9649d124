import type { DocumentKind, Language } from '../../../common/enums.js';

type Blocks = Record<string, string>;

/** The built-in wording of every block, used until an admin words it otherwise. */
export const DEFAULT_BLOCKS: Record<DocumentKind, Record<Language, Blocks>> = {
  contract: {
    en: {
      preamble:
        '{{agency.legalName}} (the Contractor), represented by {{agency.signatoryTitle}} {{agency.signatoryName}}, and {{account.legalName}} (the Client) agree as follows.',
      terms:
        '1. The Contractor provides the services described in this contract and its appendices; the Client accepts and pays for them.\n' +
        '2. The contract runs from {{period.from}} to {{period.to}}.\n' +
        '3. Services rendered are confirmed by acts of completed work signed by both parties.\n' +
        '4. Invoices are paid within the payment terms agreed with the Client.',
    },
    ru: {
      preamble:
        '{{agency.legalName}} (далее — Исполнитель), от имени которого действует {{agency.signatoryTitle}} {{agency.signatoryName}}, и {{account.legalName}} (далее — Заказчик) заключили настоящий договор о нижеследующем.',
      terms:
        '1. Исполнитель оказывает услуги, описанные в настоящем договоре и приложениях к нему, а Заказчик принимает и оплачивает их.\n' +
        '2. Договор действует с {{period.from}} по {{period.to}} включительно.\n' +
        '3. Оказание услуг подтверждается актами выполненных работ, подписанными обеими сторонами.\n' +
        '4. Счета оплачиваются в согласованный с Заказчиком срок.',
    },
  },
  act: {
    en: {
      intro:
        'This act confirms that {{agency.legalName}} rendered to {{account.legalName}} the services listed below for the period from {{period.from}} to {{period.to}} inclusive.',
      acceptance:
        'The services were rendered in full and on time. The Client has no claims as to their scope, quality or timing. Total: {{document.total}}.',
    },
    ru: {
      intro:
        'Настоящий акт подтверждает, что {{agency.legalName}} оказал(о) {{account.legalName}} перечисленные ниже услуги за период с {{period.from}} по {{period.to}} включительно.',
      acceptance:
        'Услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет. Всего оказано услуг на сумму {{document.total}} ({{document.totalInWords}}).',
    },
  },
  status_report: {
    en: {
      intro: 'Status of {{project.name}} for {{account.name}}, from {{period.from}} to {{period.to}}.',
      closing: 'Questions about this report? Reply to the email it came with.',
    },
    ru: {
      intro: 'Статус проекта «{{project.name}}» для {{account.name}} за период с {{period.from}} по {{period.to}}.',
      closing: 'Если у вас есть вопросы по отчёту, ответьте на письмо, с которым он пришёл.',
    },
  },
  proposal: {
    en: {
      intro: '{{agency.name}} is pleased to offer {{account.name}} the services below.',
      terms: 'The prices are valid until {{period.to}}. Total: {{document.total}}.',
    },
    ru: {
      intro: '{{agency.name}} предлагает {{account.name}} следующие услуги.',
      terms: 'Цены действительны до {{period.to}}. Итого: {{document.total}}.',
    },
  },
  other: {
    en: { intro: '' },
    ru: { intro: '' },
  },
};
