/** The audit page's words (field names of every record, and the delivery and catalog labels its values use), registered when the page loads: only admins open it. */
import '../delivery/catalogue';
import '../services/catalogue';
import i18n from '../../i18n';
import en from '../../i18n/audit.en.json';
import ru from '../../i18n/audit.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
