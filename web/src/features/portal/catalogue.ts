/** The portal's words, registered with its shell: only client users load them. */
import i18n from '../../i18n';
import en from '../../i18n/portal.en.json';
import ru from '../../i18n/portal.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
