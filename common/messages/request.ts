import type { Message } from './render.js';

/** The request as a whole: signing in, access, missing records, concurrency, limits, malformed requests. */
export const REQUEST_MESSAGES = {
  'problem.400': { en: 'Invalid request', ru: 'Неверный запрос' },
  'problem.401': { en: 'Not signed in', ru: 'Вход не выполнен' },
  'problem.403': { en: 'Forbidden', ru: 'Доступ запрещён' },
  'problem.404': { en: 'Not found', ru: 'Не найдено' },
  'problem.405': { en: 'Method not allowed', ru: 'Метод не поддерживается' },
  'problem.408': { en: 'Request timeout', ru: 'Время запроса истекло' },
  'problem.409': { en: 'Conflict', ru: 'Конфликт' },
  'problem.412': { en: 'Changed by someone else', ru: 'Изменено другим пользователем' },
  'problem.413': { en: 'Request body too large', ru: 'Слишком большой запрос' },
  'problem.414': { en: 'Address too long', ru: 'Слишком длинный адрес' },
  'problem.415': { en: 'Unsupported media type', ru: 'Неподдерживаемый тип данных' },
  'problem.422': { en: 'Cannot be processed', ru: 'Невозможно обработать' },
  'problem.429': { en: 'Too many attempts', ru: 'Слишком много попыток' },
  'problem.431': { en: 'Request headers too large', ru: 'Слишком большие заголовки запроса' },
  'problem.500': { en: 'Something went wrong', ru: 'Что-то пошло не так' },
  'problem.501': { en: 'Not implemented', ru: 'Не поддерживается' },
  'problem.503': { en: 'Unavailable', ru: 'Недоступно' },

  'request.failed': {
    en: 'The server could not complete this request. Quote request id {requestId} when reporting it.',
    ru: 'Сервер не смог выполнить запрос. Сообщая об ошибке, укажите номер запроса {requestId}.',
  },
  'request.route_not_found': { en: 'No route {method} {path}.', ru: 'Нет адреса {method} {path}.' },
  'request.malformed_json': { en: 'The request body is not valid JSON.', ru: 'Тело запроса — не корректный JSON.' },
  'request.empty_json': { en: 'The request says it carries JSON but the body is empty.', ru: 'Запрос обещает JSON, но тело пустое.' },
  'request.media_type': { en: 'Send the request body as application/json.', ru: 'Отправьте тело запроса как application/json.' },
  'request.body_too_large': { en: 'The request body is larger than the server accepts.', ru: 'Тело запроса больше, чем принимает сервер.' },
  'request.content_length': { en: 'Content-Length does not match the body.', ru: 'Content-Length не совпадает с телом запроса.' },
  'request.bad': { en: 'The request could not be understood.', ru: 'Запрос не удалось разобрать.' },
  'request.not_http': { en: 'The request is not valid HTTP.', ru: 'Запрос — не корректный HTTP.' },
  'request.not_handled': { en: 'The server could not handle this request.', ru: 'Сервер не смог обработать этот запрос.' },
  'request.nothing_here': { en: 'There is nothing at this address.', ru: 'По этому адресу ничего нет.' },
  'request.url_too_long': { en: 'The address is longer than the server accepts.', ru: 'Адрес длиннее, чем принимает сервер.' },
  'request.bad_url': {
    en: 'The address is not valid: a %-encoded character in it is incomplete or wrong.',
    ru: 'Неверный адрес: %-кодированный символ в нём неполный или ошибочный.',
  },
  'request.timeout': { en: 'The request took too long to arrive.', ru: 'Запрос шёл слишком долго.' },
  'request.headers_too_large': {
    en: 'The request headers are larger than the server accepts.',
    ru: 'Заголовки запроса больше, чем принимает сервер.',
  },
  'request.unknown_method': { en: 'The server does not support this HTTP method.', ru: 'Сервер не поддерживает этот HTTP-метод.' },
  'request.missing_host': {
    en: 'An HTTP/1.1 request must name its host in a Host header.',
    ru: 'Запрос HTTP/1.1 должен указывать сервер в заголовке Host.',
  },
  'request.charset': { en: 'Send the JSON body encoded as UTF-8.', ru: 'Отправьте тело JSON в кодировке UTF-8.' },
  'request.content_encoding': {
    en: 'Send the request body uncompressed, or compressed with gzip, deflate or br.',
    ru: 'Отправьте тело запроса без сжатия или сжатым gzip, deflate или br.',
  },
  'request.bad_content_encoding': {
    en: 'The request body does not match the Content-Encoding it names.',
    ru: 'Тело запроса не соответствует указанному Content-Encoding.',
  },
  'request.too_many': {
    en: 'Too many attempts. Try again in {seconds} seconds.',
    ru: 'Слишком много попыток. Повторите через {seconds} с.',
  },
  'request.try_again': {
    en: 'Someone else was changing the same records at that moment, so nothing was saved. Send the request again.',
    ru: 'В этот момент те же записи менял кто-то другой, поэтому ничего не сохранено. Отправьте запрос ещё раз.',
  },
  'request.cross_site': { en: 'Cross-site requests cannot change data.', ru: 'Запросы с другого сайта не могут изменять данные.' },

  'record.not_found': {
    en: 'No {what:record} with this id, or you have no access to it.',
    ru: 'Не найдено ({what:record}) или у вас нет доступа.',
  },
  'record.changed': {
    en: 'This record was changed since you loaded it. Reload it, then apply your change again.',
    ru: 'Запись изменилась после того, как вы её открыли. Обновите страницу и внесите изменения снова.',
  },

  'auth.required': { en: 'Sign in to continue.', ru: 'Войдите, чтобы продолжить.' },
  'auth.invalid_credentials': {
    en: 'Email or password is incorrect, or the account is deactivated.',
    ru: 'Неверный адрес или пароль, либо учётная запись отключена.',
  },
  'auth.invalid_token': { en: 'The API token is not valid or was revoked.', ru: 'API-токен недействителен или отозван.' },
  'auth.setup_done': { en: 'Setup is already done. Sign in instead.', ru: 'Первоначальная настройка уже выполнена. Войдите в систему.' },

  'access.forbidden': { en: 'Your role does not allow this.', ru: 'Ваша роль этого не позволяет.' },
  'access.portal_only': {
    en: 'This is the client portal; it shows a client company’s own work to its people.',
    ru: 'Это клиентский портал: он показывает сотрудникам компании-клиента её собственные проекты.',
  },
  'access.admin_only': { en: 'Only admins can do this.', ru: 'Это могут только администраторы.' },
  'access.staff_only': { en: 'Client users cannot see this.', ru: 'Пользователям клиента это недоступно.' },
  'access.internal_only': { en: 'Your role does not see internal records.', ru: 'Ваша роль не видит внутренние записи.' },
  'access.account_read_only': {
    en: 'You can view this account but not change it.',
    ru: 'Вы можете просматривать этого клиента, но не изменять.',
  },
  'access.create_account': {
    en: 'Only account managers and admins can add accounts.',
    ru: 'Добавлять клиентов могут только аккаунт-менеджеры и администраторы.',
  },
  'access.delivery_read_only': {
    en: 'Only the account manager of this account can change its projects.',
    ru: 'Изменять проекты клиента может только его аккаунт-менеджер.',
  },
  'access.billing_hidden': { en: 'Your role does not see invoices or payments.', ru: 'Ваша роль не видит счета и оплаты.' },
  'access.billing_read_only': {
    en: 'You can view the billing of this account but not change it.',
    ru: 'Вы можете просматривать расчёты с этим клиентом, но не изменять их.',
  },
  'access.create_invoice': { en: 'Your role cannot create invoices.', ru: 'Ваша роль не может создавать счета.' },
  'access.receivables_hidden': { en: 'Your role does not see receivables.', ru: 'Ваша роль не видит дебиторскую задолженность.' },
  'access.portfolio_hidden': {
    en: 'Portfolios are for account managers and admins.',
    ru: 'Портфель проектов доступен аккаунт-менеджерам и администраторам.',
  },
  'access.stop_work': {
    en: 'Only finance or an admin can set or lift the stop-work flag.',
    ru: 'Останавливать и возобновлять работы может только финансист или администратор.',
  },
  'access.no_follow_ups': { en: 'Your role has no billing follow-ups.', ru: 'У вашей роли нет напоминаний об оплате.' },
  'access.follow_up_other': { en: 'This follow-up is assigned to someone else.', ru: 'Это поручено другому сотруднику.' },
  'access.internal_tasks': { en: 'Client users do not see internal tasks.', ru: 'Пользователи клиента не видят внутренние задачи.' },
} satisfies Record<string, Message>;
