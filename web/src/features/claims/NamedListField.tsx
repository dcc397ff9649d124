/** A configured list of keyed entries with a name in each language (categories, root causes): added, renamed, removed. */
import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ClaimSettings } from '@common/schemas/claim';

interface Props {
  form: UseFormReturnType<ClaimSettings>;
  path: 'categories' | 'rootCauses';
  title: string;
}

export function NamedListField({ form, path, title }: Props) {
  const { t } = useTranslation();
  const error = form.errors[path];
  return (
    <Stack gap="xs" data-testid={`claim-${path}`}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {form.values[path].map((entry, i) => (
        <Group key={i} align="end" gap="xs">
          <TextInput label={t('claims.settings.key')} w={180} {...form.getInputProps(`${path}.${i}.key`)} />
          <TextInput label={t('claims.settings.nameEn')} {...form.getInputProps(`${path}.${i}.name.en`)} />
          <TextInput label={t('claims.settings.nameRu')} {...form.getInputProps(`${path}.${i}.name.ru`)} />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('claims.settings.remove', { name: entry.name.en || entry.key })}
            onClick={() => form.removeListItem(path, i)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {typeof error === 'string' && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="default" onClick={() => form.insertListItem(path, { key: '', name: { en: '', ru: '' } })}>
          {t('claims.settings.add')}
        </Button>
      </Group>
    </Stack>
  );
}
