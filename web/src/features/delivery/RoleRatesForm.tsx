/** Admin: the specialist roles in use and each role's hourly rate (what the portfolio prices spent hours at). */
import { notify } from '../../lib/notify';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DeliverySettingsBodySchema } from '@common/schemas/delivery';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { useLocale } from '../../i18n';
import { validateWith, type Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import type { DeliverySettings } from '../tasks/api';
import { useSaveDeliverySettings } from './api';

interface Values {
  roles: { name: string; rate: string }[];
}

// Rates apply in each project's own currency; they are typed with two decimals, as most currencies have.
const RATE_DIGITS_OF = 'EUR';

function toValues(s: DeliverySettings): Values {
  return {
    roles: s.specialistRoles.map((name) => ({
      name,
      rate: s.roleRates[name] === undefined ? '' : minorToDecimal(s.roleRates[name], RATE_DIGITS_OF),
    })),
  };
}

function toSettings(v: Values, locale: string, badAmount: string): Conversion<DeliverySettings> {
  const errors: Record<string, string> = {};
  const roleRates: Record<string, number> = {};
  v.roles.forEach((r, i) => {
    const rate = parseMoney(r.rate, RATE_DIGITS_OF, locale);
    if (rate === undefined) errors[`roles.${i}.rate`] = badAmount;
    else if (rate !== null) roleRates[r.name.trim()] = rate;
  });
  return { payload: { specialistRoles: v.roles.map((r) => r.name.trim()), roleRates }, errors };
}

/** The schema names a role by its place in `specialistRoles`; the form by its row. */
const fieldNames = (v: Values) => Object.fromEntries(v.roles.map((_, i) => [`specialistRoles.${i}`, `roles.${i}.name`]));

export function RoleRatesForm({ settings }: { settings: DeliverySettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveDeliverySettings();
  const convert = (v: Values) => toSettings(v, locale, t('accounts.badAmount'));
  const form = useForm<Values>({
    initialValues: toValues(settings),
    validate: (v) => validateWith(DeliverySettingsBodySchema, convert, fieldNames(v))(v),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    await save.mutateAsync(convert(v).payload);
    notify({ color: 'green', message: t('deliverySettings.saved') });
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('deliverySettings.rolesTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('deliverySettings.rolesIntro')}
        </Text>
        <FormAlerts state={state} />
        {form.values.roles.map((role, i) => (
          <Group key={form.key(`roles.${i}`)} align="flex-start" gap="sm" data-testid="role-row">
            <TextInput label={t('deliverySettings.role')} required {...form.getInputProps(`roles.${i}.name`)} />
            <TextInput
              label={t('deliverySettings.rate')}
              description={t('deliverySettings.rateHint')}
              inputMode="decimal"
              {...form.getInputProps(`roles.${i}.rate`)}
            />
            <RemoveRowButton
              label={t('deliverySettings.removeRole', { role: role.name || i + 1 })}
              onClick={() => form.removeListItem('roles', i)}
            />
          </Group>
        ))}
        <Button variant="default" w="fit-content" onClick={() => form.insertListItem('roles', { name: '', rate: '' })}>
          {t('deliverySettings.addRole')}
        </Button>
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
