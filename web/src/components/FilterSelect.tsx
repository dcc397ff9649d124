import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string | undefined;
  /** Undefined when "any" is chosen, so the filter drops out of the query. */
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
  /** What "no choice" means here; "Any" by default. */
  anyLabel?: string;
}

/** A list filter: a native select whose first option clears the filter. */
export function FilterSelect({ label, value, onChange, options, anyLabel }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
      data={[{ value: '', label: anyLabel ?? t('common.any') }, ...options]}
    />
  );
}
