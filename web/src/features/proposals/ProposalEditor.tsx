/**
 * The newest version's lines (catalog or free, quantity, price, discount), validity and notes.
 * Totals are the server's (lib/money's rounding), shown beside the form once saved; a change to
 * a sent proposal becomes its next version.
 */
import { useMemo } from 'react';
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProposalUpdateSchema, type Proposal } from '@common/schemas/proposal';
import { FormAlerts } from '../../components/FormAlerts';
import { useLocale } from '../../i18n';
import { minorToDecimal } from '../../lib/format';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useUpdateProposal } from './api';
import { emptyProposalLine, LINE_RENAMES, proposalToValues, valuesToProposal, type ProposalFormValues } from './proposal-form-values';
import { ServicePicker } from './ServicePicker';

interface Props {
  proposal: Proposal;
  onReload: () => Promise<unknown>;
}

export function ProposalEditor({ proposal, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateProposal();
  const initial = useMemo(() => proposalToValues(proposal), [proposal]);
  const form = useForm<ProposalFormValues>({ initialValues: initial });
  const convert = (v: ProposalFormValues) => valuesToProposal(v, proposal.currency, locale);
  const validate = validateWith(ProposalUpdateSchema, convert, LINE_RENAMES);
  const [submit, state] = useSubmit(
    form,
    async (values: ProposalFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      await update.mutateAsync({ proposal, changes: convert(values).payload });
      notify({ message: t('proposals.saved'), color: 'green' });
    },
    LINE_RENAMES,
  );
  const sent = proposal.sentVersion !== null;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('proposals.editLines')}>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        {form.values.lines.length === 0 && <Text c="dimmed">{t('proposals.noLines')}</Text>}
        {form.values.lines.map((line, i) => (
          <Paper
            key={i}
            withBorder
            p="sm"
            radius="md"
            component="fieldset"
            aria-label={t('proposals.lineN', { n: i + 1 })}
            data-testid="proposal-line-form"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <ServicePicker
                label={t('proposals.fields.service')}
                currency={proposal.currency}
                value={line.serviceId}
                selectedLabel={line.description}
                onChange={(picked) => {
                  form.setFieldValue(`lines.${i}.serviceId`, picked?.id ?? '');
                  if (picked?.name) form.setFieldValue(`lines.${i}.description`, picked.name);
                  if (picked && picked.priceMinor !== null)
                    form.setFieldValue(`lines.${i}.unitPrice`, minorToDecimal(picked.priceMinor, proposal.currency));
                }}
              />
              <TextInput label={t('proposals.fields.description')} required {...form.getInputProps(`lines.${i}.description`)} />
            </SimpleGrid>
            <Group align="flex-end" mt="sm" wrap="wrap" gap="sm">
              <TextInput
                label={t('proposals.fields.quantity')}
                inputMode="decimal"
                required
                w={110}
                {...form.getInputProps(`lines.${i}.quantity`)}
              />
              <TextInput
                label={t('proposals.fields.unitPriceIn', { currency: proposal.currency })}
                inputMode="decimal"
                required
                w={160}
                {...form.getInputProps(`lines.${i}.unitPrice`)}
              />
              <TextInput
                label={t('proposals.fields.discountPercent')}
                inputMode="decimal"
                w={110}
                {...form.getInputProps(`lines.${i}.discountPercent`)}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('proposals.removeLine', { n: i + 1 })}
                onClick={() => form.removeListItem('lines', i)}
              >
                ×
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('lines', emptyProposalLine())}>
            {t('proposals.addLine')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('proposals.fields.validUntil')} required {...form.getInputProps('validUntil')} />
        </SimpleGrid>
        <Textarea label={t('proposals.fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Text size="sm" c="dimmed">
          {form.isDirty() ? t('proposals.totalsOnSave') : t('proposals.totalsSaved')}
          {sent && ` ${t('proposals.nextVersionNote')}`}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={state.submitting}>
            {t('proposals.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
