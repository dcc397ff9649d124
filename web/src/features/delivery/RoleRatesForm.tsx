/**
 * Admin: the specialist roles in use and their hourly rates as a table, a row per role and a
 * column per currency in use. A project's hours are priced with the rates of its own currency.
 */
import { notify } from '../../lib/notify';
import { Button, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SPECIALIST_ROLES } from '@common/enums';
import { DeliverySettingsBodySchema } from '@common/schemas/delivery';
import type { RoleRates } from '@common/role-rates';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { UI_LANGUAGES, useLocale } from '../../i18n';
import { validateWith, type Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import type { DeliverySettings, DeliverySettingsBody } from '../tasks/api';
import { roleLabel } from '../tasks/labels';
import { useSaveDeliverySettings } from './api';

interface Values {
  /** Each role's rates as typed, by currency; an empty cell is no rate. */
  roles: { name: string; rates: Record<string, string> }[];
}

/**
 * A default role is stored by its key (`seo`) and shown by its name in the UI language; a
 * name typed back unchanged, in either language, keeps the key. Other names are kept as typed.
 */
function roleKey(t: TFunction, name: string): string {
  const typed = name.trim();
  return DEFAULT_SPECIALIST_ROLES.find((key) => UI_LANGUAGES.some((lng) => roleLabel(t, key, lng) === typed)) ?? typed;
}

function toValues(s: DeliverySettings, t: TFunction): Values {
  return {
    roles: s.specialistRoles.map((name) => ({
      name: roleLabel(t, name),
      rates: Object.fromEntries(
        s.currencies.map((c) => [c, s.roleRates[name]?.[c] === undefined ? '' : minorToDecimal(s.roleRates[name][c], c)]),
      ),
    })),
  };
}

function toSettings(v: Values, t: TFunction, locale: string, badAmount: string): Conversion<DeliverySettingsBody> {
  const errors: Record<string, string> = {};
  const roleRates: RoleRates = {};
  v.roles.forEach((r, i) => {
    const rates: Record<string, number> = {};
    for (const [currency, text] of Object.entries(r.rates)) {
      const rate = parseMoney(text, currency, locale);
      if (rate === undefined) errors[`roles.${i}.rates.${currency}`] = badAmount;
      else if (rate !== null) rates[currency] = rate;
    }
    if (Object.keys(rates).length) roleRates[roleKey(t, r.name)] = rates;
  });
  return { payload: { specialistRoles: v.roles.map((r) => roleKey(t, r.name)), roleRates }, errors };
}

/** The schema names a role by its place in `specialistRoles` and a rate by role and currency; the form by row. */
const fieldNames = (v: Values, t: TFunction): Record<string, string> =>
  Object.fromEntries(
    v.roles.flatMap((r, i): [string, string][] => [
      [`specialistRoles.${i}`, `roles.${i}.name`],
      ...Object.keys(r.rates).map((c): [string, string] => [`roleRates.${roleKey(t, r.name)}.${c}`, `roles.${i}.rates.${c}`]),
    ]),
  );

export function RoleRatesForm({ settings }: { settings: DeliverySettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveDeliverySettings();
  const convert = (v: Values) => toSettings(v, t, locale, t('accounts.badAmount'));
  const form = useForm<Values>({
    initialValues: toValues(settings, t),
    validate: (v) => validateWith(DeliverySettingsBodySchema, convert, fieldNames(v, t))(v),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    await save.mutateAsync(convert(v).payload);
    notify({ color: 'green', message: t('deliverySettings.saved') });
  });
  const blankRow = () => ({ name: '', rates: Object.fromEntries(settings.currencies.map((c) => [c, ''])) });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('deliverySettings.rolesTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('signals.ratesIntro')}
        </Text>
        <FormAlerts state={state} />
        <Table.ScrollContainer minWidth={240 + 130 * settings.currencies.length}>
          <Table verticalSpacing="xs" data-testid="role-rates" aria-label={t('signals.ratesCaption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deliverySettings.role')}</Table.Th>
                {settings.currencies.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.roles.map((role, i) => {
                const name = role.name.trim() ? roleLabel(t, role.name.trim()) : String(i + 1);
                return (
                  <Table.Tr key={form.key(`roles.${i}`)} data-testid="role-row">
                    <Table.Td>
                      <TextInput aria-label={t('deliverySettings.role')} required miw={180} {...form.getInputProps(`roles.${i}.name`)} />
                    </Table.Td>
                    {settings.currencies.map((c) => (
                      <Table.Td key={c}>
                        <TextInput
                          aria-label={t('signals.rateIn', { role: name, currency: c })}
                          inputMode="decimal"
                          w={110}
                          {...form.getInputProps(`roles.${i}.rates.${c}`)}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <RemoveRowButton
                        labelled={false}
                        label={t('deliverySettings.removeRole', { role: role.name || i + 1 })}
                        onClick={() => form.removeListItem('roles', i)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Button variant="default" w="fit-content" onClick={() => form.insertListItem('roles', blankRow())}>
          {t('deliverySettings.addRole')}
        </Button>
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
