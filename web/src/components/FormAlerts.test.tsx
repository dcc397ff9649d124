import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import i18n from '../i18n';
import { useSubmit } from '../lib/use-submit';
import { FormAlerts } from './FormAlerts';

/** A one-field form wired like the app's forms: useSubmit, FormAlerts, server field errors. */
function NameForm({ save, reload }: { save: (v: { name: string }) => Promise<unknown>; reload?: () => Promise<unknown> }) {
  const form = useForm({ initialValues: { name: 'Acme' } });
  const [submit, state] = useSubmit(form, save);
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <FormAlerts state={state} onReload={reload} />
      <TextInput label="Name" {...form.getInputProps('name')} />
      <button type="submit">Save</button>
    </form>
  );
}

const renderForm = (save: (v: { name: string }) => Promise<unknown>, reload?: () => Promise<unknown>) =>
  render(
    <MantineProvider>
      <NameForm save={save} reload={reload} />
    </MantineProvider>,
  );

describe('saving a form', () => {
  it('shows a collision (412) with a reload, and never retries the save', async () => {
    await i18n.changeLanguage('en');
    const save = vi.fn(async () => {
      throw new ApiError({ status: 412, title: 'Precondition failed' });
    });
    const reload = vi.fn(async () => undefined);
    renderForm(save, reload);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else changed this record')).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Reload the latest version' }));
    await waitFor(() => expect(screen.queryByText('Someone else changed this record')).toBeNull());
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('puts the server’s field errors on the fields, in the user’s language', async () => {
    await i18n.changeLanguage('ru');
    renderForm(async () => {
      throw new ApiError({
        status: 400,
        title: 'Invalid body',
        errors: [{ field: 'name', code: 'account.name_required', message: 'Enter the company name' }],
      });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Введите название компании')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    await i18n.changeLanguage('en');
  });

  it('explains other failures above the form', async () => {
    await i18n.changeLanguage('en');
    renderForm(async () => {
      throw new ApiError({ status: 429, title: 'Too many requests', retryAfterSeconds: 5 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Too many attempts. Try again in 5 seconds.')).toBeTruthy();
  });
});
