/** The import page's words, registered when the page loads: only admins and managers open it. */
import i18n from '../../i18n';
import en from '../../i18n/imports.en.json';
import ru from '../../i18n/imports.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
