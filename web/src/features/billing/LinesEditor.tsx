/** Priced lines as a form edits them (invoices, acts, proposals): description, quantity, unit price, tax. */
import { ActionIcon, Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { LineValues } from './invoice-form-values';

interface Props {
  lines: LineValues[];
  /** The form's input props for a field path such as `lines.0.description`. */
  inputProps: (path: string) => GetInputPropsReturnType;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Whether the last line may be removed too (a document may have none). */
  allowEmpty?: boolean;
}

export function LinesEditor({ lines, inputProps, onAdd, onRemove, allowEmpty = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {lines.map((_, i) => (
        <Paper
          key={i}
          withBorder
          p="sm"
          radius="md"
          data-testid="invoice-line"
          aria-label={t('invoices.lineN', { n: i + 1 })}
          component="fieldset"
        >
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <TextInput label={t('invoices.description')} required {...inputProps(`lines.${i}.description`)} />
            <TextInput label={t('invoices.quantity')} inputMode="decimal" required {...inputProps(`lines.${i}.quantity`)} />
            <TextInput label={t('invoices.unitPrice')} inputMode="decimal" required {...inputProps(`lines.${i}.unitPrice`)} />
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput label={t('invoices.taxPercent')} inputMode="decimal" {...inputProps(`lines.${i}.taxPercent`)} />
              {(allowEmpty || lines.length > 1) && (
                <ActionIcon variant="default" size="lg" aria-label={t('invoices.removeLine', { n: i + 1 })} onClick={() => onRemove(i)}>
                  ×
                </ActionIcon>
              )}
            </Group>
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={onAdd}>
          {t('invoices.addLine')}
        </Button>
      </Group>
    </>
  );
}
