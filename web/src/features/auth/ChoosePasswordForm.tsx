/** A password chosen from an emailed link: checked as it is typed; a link that stops working meanwhile gets its own page. */
import type { ReactNode } from 'react';
import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { PasswordSchema } from '@common/schemas/user';
import { FormAlerts } from '../../components/FormAlerts';
import { NewPasswordField } from '../../components/NewPasswordField';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AuthLayout } from './AuthLayout';
import { isLinkProblem, LinkProblem, type LinkKind } from './EmailedLink';

const ChosenPasswordSchema = z.object({ password: PasswordSchema });

interface Props {
  kind: LinkKind;
  title: string;
  intro: string;
  /** Whose password it is: they sign in with the email, and neither may be in the password. */
  owner: { email: string; name: string };
  submitLabel: string;
  problemActions: ReactNode;
  /** Sends the password; a field error lands on the field, a dead link shows its page. */
  onChosen: (password: string) => Promise<unknown>;
}

export function ChoosePasswordForm({ kind, title, intro, owner, submitLabel, problemActions, onChosen }: Props) {
  const form = useForm({ initialValues: { password: '' }, validate: validateSchema(ChosenPasswordSchema) });
  const [submit, state] = useSubmit(form, ({ password }: { password: string }) => onChosen(password));

  if (isLinkProblem(state.error, kind)) return <LinkProblem kind={kind} code={state.error.code} actions={problemActions} />;
  return (
    <AuthLayout title={title} intro={intro}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormAlerts state={state} />
          {/* Password managers file the new password under the address it signs in with. */}
          <input type="email" name="username" autoComplete="username" value={owner.email} readOnly hidden />
          <NewPasswordField input={form.getInputProps('password')} owner={owner} />
          <Button type="submit" loading={state.submitting}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
