/**
 * The words of the delivery pages, registered when the first of those pages loads rather than
 * with the app: many never open them (client users, for one), so the first load stays small.
 * Navigation labels are needed everywhere and stay in i18n/delivery.*.json.
 */
import i18n from '../../i18n';
import en from '../../i18n/delivery-pages.en.json';
import ru from '../../i18n/delivery-pages.ru.json';
import tasksEn from '../../i18n/tasks.en.json';
import tasksRu from '../../i18n/tasks.ru.json';
import signalsEn from '../../i18n/delivery-signals.en.json';
import signalsRu from '../../i18n/delivery-signals.ru.json';

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('ru', 'translation', ru, true, false);
// The task pages' words have a file of their own: task page, My work groups, history.
i18n.addResourceBundle('en', 'translation', tasksEn, true, false);
i18n.addResourceBundle('ru', 'translation', tasksRu, true, false);
i18n.addResourceBundle('en', 'translation', signalsEn, true, false);
i18n.addResourceBundle('ru', 'translation', signalsRu, true, false);
