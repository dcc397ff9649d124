/** Admin: the specialist roles in use and each role's hourly rate (what the portfolio prices spent hours at). */
import { notify } from '../../lib/notify';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SPECIALIST_ROLES } from '@common/enums';
import { DeliverySettingsBodySchema } from '@common/schemas/delivery';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { UI_LANGUAGES, useLocale } from '../../i18n';
import { validateWith, type Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import type { DeliverySettings } from '../tasks/api';
import { roleLabel } from '../tasks/labels';
import { useSaveDeliverySettings } from './api';

interface Values {
  roles: { name: string; rate: string }[];
}

// Rates apply in each project's own currency; they are typed with two decimals, as most currencies have.
const RATE_DIGITS_OF = 'EUR';

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
      rate: s.roleRates[name] === undefined ? '' : minorToDecimal(s.roleRates[name], RATE_DIGITS_OF),
    })),
  };
}

function toSettings(v: Values, t: TFunction, locale: string, badAmount: string): Conversion<DeliverySettings> {
  const errors: Record<string, string> = {};
  const roleRates: Record<string, number> = {};
  v.roles.forEach((r, i) => {
    const rate = parseMoney(r.rate, RATE_DIGITS_OF, locale);
    if (rate === undefined) errors[`roles.${i}.rate`] = badAmount;
    else if (rate !== null) roleRates[roleKey(t, r.name)] = rate;
  });
  return { payload: { specialistRoles: v.roles.map((r) => roleKey(t, r.name)), roleRates }, errors };
}

/** The schema names a role by its place in `specialistRoles`; the form by its row. */
const fieldNames = (v: Values) => Object.fromEntries(v.roles.map((_, i) => [`specialistRoles.${i}`, `roles.${i}.name`]));

export function RoleRatesForm({ settings }: { settings: DeliverySettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveDeliverySettings();
  const convert = (v: Values) => toSettings(v, t, locale, t('accounts.badAmount'));
  const form = useForm<Values>({
    initialValues: toValues(settings, t),
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
