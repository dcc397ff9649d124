/**
 * The words of the paperwork pages, registered when the first of them loads rather than with
 * the app (client users never open them). Navigation, kinds and statuses are needed on other
 * pages too and stay in i18n/documents.*.json.
 */
import i18n from '../../i18n';
import en from '../../i18n/documents-pages.en.json';
import ru from '../../i18n/documents-pages.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
