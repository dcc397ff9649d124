/** A text in each language, side by side; the agency's own language is required. */
import { TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { UI_LANGUAGES } from '../../i18n';
import type { ServiceFormValues } from './service-form-values';

interface Props {
  form: UseFormReturnType<ServiceFormValues>;
  /** The form path of the text, e.g. `name` or `milestones.0.title`. */
  path: string;
  /** What the text is ("Name", "Title"); each input says its language after it. */
  label: string;
  required: Language;
  multiline?: boolean;
}

export function TitleInputs({ form, path, label, required, multiline = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {UI_LANGUAGES.map((language) => {
        const props = {
          key: language,
          label: t(`services.inLanguage.${language}`, { what: label }),
          lang: language,
          required: !multiline && language === required,
          ...form.getInputProps(`${path}.${language}`),
        };
        return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
      })}
    </>
  );
}
