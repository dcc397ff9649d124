/** The catalog page's words (and the delivery labels it shows: kinds of work, roles), registered when the page loads. */
import '../delivery/catalogue';
import i18n from '../../i18n';
import en from '../../i18n/services.en.json';
import ru from '../../i18n/services.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
