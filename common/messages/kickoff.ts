import type { Message } from './render.js';

/** Starting a project from catalog services. */
export const KICKOFF_MESSAGES = {
  'kickoff.no_services': {
    en: 'Choose at least one catalog service to start the project from',
    ru: 'Выберите хотя бы одну услугу каталога, из которой начать проект',
  },
  'kickoff.quantity': {
    en: 'The quantity is a number greater than 0 and at most 100,000',
    ru: 'Количество — число больше 0 и не больше 100 000',
  },
  'kickoff.service_unknown': {
    en: 'There is no service {serviceId} in the catalog',
    ru: 'В каталоге нет услуги {serviceId}',
  },
  'kickoff.service_inactive': {
    en: 'The service “{name}” is out of the catalog; put it back or choose another',
    ru: 'Услуга «{name}» выведена из каталога; верните её или выберите другую',
  },
  'kickoff.hours_too_many': {
    en: 'The task “{title}” of “{name}” would take {hours} hours at this quantity; at most 10,000 hours a task',
    ru: 'Задача «{title}» услуги «{name}» при таком количестве заняла бы {hours} ч; в задаче не больше 10 000 ч',
  },
} satisfies Record<string, Message>;
