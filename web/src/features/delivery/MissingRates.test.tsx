import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import './catalogue';
import { MissingRates } from './MissingRates';

function words(language: string, roles: string[]) {
  void i18n.changeLanguage(language);
  const { unmount } = render(
    <MantineProvider>
      <MissingRates roles={roles} currency="RUB" />
    </MantineProvider>,
  );
  const text = screen.getByTestId('missing-rates').textContent;
  unmount();
  return text;
}

describe('a budget that cannot be priced', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('names the roles without a rate in the project’s currency, in English', () => {
    expect(words('en', ['seo'])).toBe('No rate in RUB for SEO specialist, so the budget used is unknown.');
    expect(words('en', ['copywriter', 'seo'])).toBe('No rates in RUB for Copywriter and SEO specialist, so the budget used is unknown.');
  });

  it('and in Russian, with the noun agreeing with how many roles there are', () => {
    expect(words('ru', ['seo'])).toBe('Нет ставки в RUB для роли «SEO-специалист», поэтому расход бюджета неизвестен.');
    expect(words('ru', ['copywriter', 'seo'])).toBe(
      'Нет ставок в RUB для ролей «Копирайтер» и «SEO-специалист», поэтому расход бюджета неизвестен.',
    );
  });
});
