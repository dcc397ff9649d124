/** The words of acts, signatures and the chain to money, registered when the first page that shows them loads. */
import i18n from '../../i18n';
import en from '../../i18n/acts.en.json';
import ru from '../../i18n/acts.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
